import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Scope } from '../../platform/access.ts';
import type { PlanContent, PlanDiff, ReportingRuleContent, TargetContent, TaskContent } from './plans.rules.ts';

export function findPlan(db: Db, id: string) {
  return db
    .selectFrom('plans as p')
    .innerJoin('orgUnits as c', 'c.id', 'p.communeId')
    .selectAll('p')
    .select('c.fullName as communeName')
    .where('p.id', '=', id)
    .where('p.archivedAt', 'is', null)
    .executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export function listPlans(db: Db, scope: Scope, communeId?: string) {
  let q = db
    .selectFrom('plans as p')
    .innerJoin('orgUnits as c', 'c.id', 'p.communeId')
    .select([
      'p.id',
      'p.communeId',
      'c.fullName as communeName',
      'p.title',
      'p.number',
      'p.periodFrom',
      'p.periodTo',
      'p.currentVersion',
      'p.updatedAt',
    ])
    .select((eb) => [
      eb
        .selectFrom('planTargets as t')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('t.planId', '=', 'p.id')
        .as('targetCount'),
      eb
        .selectFrom('planTasks as k')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('k.planId', '=', 'p.id')
        .as('taskCount'),
    ])
    .where('p.archivedAt', 'is', null)
    .orderBy('c.sortKey')
    .orderBy('p.createdAt', 'desc');
  if (communeId) q = q.where('p.communeId', '=', communeId);
  if (!scope.all) {
    q = q.where((eb) =>
      eb.or([
        ...(scope.provinceIds.length ? [eb('p.provinceId', 'in', scope.provinceIds)] : []),
        ...(scope.communeIds.length ? [eb('p.communeId', 'in', scope.communeIds)] : []),
        eb.val(false),
      ]),
    );
  }
  return q.execute();
}

export async function loadContent(db: Db, plan: PlanRow) {
  const [targets, tasks, reporting] = await Promise.all([
    db
      .selectFrom('planTargets as t')
      .leftJoin('indicators as i', 'i.id', 't.indicatorId')
      .select([
        't.id',
        't.groupName',
        't.text',
        't.kind',
        't.comparator',
        't.value',
        't.valueMax',
        't.unit',
        't.year',
        't.sourceLine',
        't.indicatorId',
        't.indicatorLink',
        'i.name as indicatorName',
      ])
      .where('t.planId', '=', plan.id)
      .orderBy('t.sortOrder')
      .execute(),
    db
      .selectFrom('planTasks as k')
      .leftJoin('orgUnits as u', 'u.id', 'k.leadUnitId')
      .select([
        'k.id',
        'k.groupName',
        'k.title',
        'k.leadText',
        'k.leadUnitId',
        'k.partners',
        'k.fromYear',
        'k.toYear',
        'k.expected',
        'k.sourceLine',
        'u.name as leadUnitName',
      ])
      .where('k.planId', '=', plan.id)
      .orderBy('k.sortOrder')
      .execute(),
    db
      .selectFrom('planReportingRules')
      .select(['id', 'cycle', 'reporter', 'recipient', 'deadlineText', 'day', 'month'])
      .where('planId', '=', plan.id)
      .orderBy('sortOrder')
      .execute(),
  ]);
  return {
    header: {
      title: plan.title,
      number: plan.number,
      issuedOn: plan.issuedOn,
      periodFrom: plan.periodFrom,
      periodTo: plan.periodTo,
      signerName: plan.signerName,
      signerTitle: plan.signerTitle,
    },
    targets: targets.map((t) => ({
      ...t,
      value: Number(t.value),
      valueMax: t.valueMax === null ? null : Number(t.valueMax),
    })),
    tasks: tasks.map((t) => ({ ...t, partners: (t.partners as string[]) ?? [] })),
    reporting,
  };
}

export function listVersions(db: Db, planId: string) {
  return db
    .selectFrom('planVersions as v')
    .leftJoin('users as u', 'u.id', 'v.createdBy')
    .select(['v.versionNo', 'v.createdAt', 'u.fullName as createdByName', 'v.sourceFileName', 'v.note', 'v.changes'])
    .where('v.planId', '=', planId)
    .orderBy('v.versionNo', 'desc')
    .execute();
}

const targetRow = (t: TargetContent) => ({
  groupName: t.groupName,
  text: t.text,
  kind: t.kind,
  comparator: t.comparator,
  value: t.value,
  valueMax: t.valueMax,
  unit: t.unit,
  year: t.year,
  sourceLine: t.sourceLine,
  indicatorId: t.indicatorId ?? null,
  indicatorLink: t.indicatorLink ?? null,
});
const taskRow = (t: TaskContent) => ({
  groupName: t.groupName,
  title: t.title,
  leadText: t.leadText,
  leadUnitId: t.leadUnitId ?? null,
  partners: JSON.stringify(t.partners),
  fromYear: t.fromYear,
  toYear: t.toYear,
  expected: t.expected,
  sourceLine: t.sourceLine,
});
const ruleRow = (r: ReportingRuleContent) => ({
  cycle: r.cycle,
  reporter: r.reporter,
  recipient: r.recipient,
  deadlineText: r.deadlineText,
  day: r.day,
  month: r.month,
});

/**
 * Writes a plan's items. For a new version, items matched with the current ones keep their
 * ids (so later links to them — tasks being tracked, values reported — survive a re-import):
 * matched items are updated in place, the rest inserted, and unmatched old ones deleted.
 */
export async function writeItems(
  db: Db,
  plan: { id: string; provinceId: string; communeId: string },
  content: PlanContent,
  diff?: PlanDiff,
) {
  const tenant = { planId: plan.id, provinceId: plan.provinceId, communeId: plan.communeId };
  const idOf = <T extends { id?: string }>(pairs: [T, T][] | undefined, item: T) =>
    pairs?.find(([, a]) => a === item)?.[0].id;
  if (diff) {
    if (diff.targets.removed.length)
      await db
        .deleteFrom('planTargets')
        .where(
          'id',
          'in',
          diff.targets.removed.map((t) => t.id!),
        )
        .execute();
    if (diff.tasks.removed.length)
      await db
        .deleteFrom('planTasks')
        .where(
          'id',
          'in',
          diff.tasks.removed.map((t) => t.id!),
        )
        .execute();
    if (diff.reporting.removed.length)
      await db
        .deleteFrom('planReportingRules')
        .where(
          'id',
          'in',
          diff.reporting.removed.map((t) => t.id!),
        )
        .execute();
  }
  const inserts = { targets: [] as object[], tasks: [] as object[], rules: [] as object[] };
  for (const [i, t] of content.targets.entries()) {
    const id = idOf(diff?.targets.pairs, t);
    if (id)
      await db
        .updateTable('planTargets')
        .set({ ...targetRow(t), sortOrder: i, updatedAt: sql`now()` })
        .where('id', '=', id)
        .execute();
    else inserts.targets.push({ ...tenant, ...targetRow(t), sortOrder: i });
  }
  for (const [i, t] of content.tasks.entries()) {
    const id = idOf(diff?.tasks.pairs, t);
    if (id)
      await db
        .updateTable('planTasks')
        .set({ ...taskRow(t), sortOrder: i, updatedAt: sql`now()` })
        .where('id', '=', id)
        .execute();
    else inserts.tasks.push({ ...tenant, ...taskRow(t), sortOrder: i });
  }
  for (const [i, r] of content.reporting.entries()) {
    const id = idOf(diff?.reporting.pairs, r);
    if (id)
      await db
        .updateTable('planReportingRules')
        .set({ ...ruleRow(r), sortOrder: i, updatedAt: sql`now()` })
        .where('id', '=', id)
        .execute();
    else inserts.rules.push({ ...tenant, ...ruleRow(r), sortOrder: i });
  }
  for (let i = 0; i < inserts.targets.length; i += 500)
    await db
      .insertInto('planTargets')
      .values(inserts.targets.slice(i, i + 500) as never)
      .execute();
  for (let i = 0; i < inserts.tasks.length; i += 500)
    await db
      .insertInto('planTasks')
      .values(inserts.tasks.slice(i, i + 500) as never)
      .execute();
  if (inserts.rules.length)
    await db
      .insertInto('planReportingRules')
      .values(inserts.rules as never)
      .execute();
}

export function listCommuneUnits(db: Db, communeId: string) {
  return db
    .selectFrom('orgUnits')
    .select(['id', 'name'])
    .where('communeId', '=', communeId)
    .where('kind', '=', 'unit')
    .where('closedOn', 'is', null)
    .execute();
}

export function findImport(db: Db, id: string) {
  return db
    .selectFrom('planImports as m')
    .innerJoin('orgUnits as c', 'c.id', 'm.communeId')
    .selectAll('m')
    .select('c.fullName as communeName')
    .where('m.id', '=', id)
    .executeTakeFirst();
}
export type ImportRow = NonNullable<Awaited<ReturnType<typeof findImport>>>;

/** Of these ids, the tasks of one plan: a report's narrative names a task of its period's plan, checked here. */
export async function taskIdsOfPlan(db: Db, planId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('planTasks')
    .select('id')
    .where('planId', '=', planId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}
