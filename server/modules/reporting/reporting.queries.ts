import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { reading } from '../../platform/db/reading.ts';
import type { ReportedValue, StoredValue } from './reporting.tables.ts';

export function findPeriod(db: Db, id: string) {
  return db.selectFrom('reportingPeriods').selectAll().where('id', '=', id).executeTakeFirst();
}
export type PeriodRow = NonNullable<Awaited<ReturnType<typeof findPeriod>>>;

export function listPeriods(db: Db, communeId: string, year?: number) {
  let q = db
    .selectFrom('reportingPeriods')
    .selectAll()
    .where('communeId', '=', communeId)
    .orderBy('dueOn')
    .orderBy('level', 'desc');
  if (year) q = q.where('startOn', '>=', `${year}-01-01`).where('startOn', '<=', `${year}-12-31`);
  return q.execute();
}

/** The units expected to report for a plan: those holding targets, and the lead units of its tasks. */
export async function expectedUnits(db: Db, planId: string) {
  return (
    db
      .selectFrom('orgUnits as u')
      .select(['u.id', 'u.name', 'u.fullName', 'u.sortKey'])
      // One IN over a UNION, not two INs joined by OR: with OR PostgreSQL scans the whole
      // organisation tree (20,000 units, ~5 ms); with the union it looks units up by key.
      .where('u.id', 'in', (eb) =>
        eb
          .selectFrom('planTargets')
          .select('reportingUnitId as id')
          .where('planId', '=', planId)
          .where('kind', '=', 'target')
          .where('reportingUnitId', 'is not', null)
          .union(
            eb
              .selectFrom('planTasks')
              .select('leadUnitId as id')
              .where('planId', '=', planId)
              .where('leadUnitId', 'is not', null),
          ),
      )
      .where('u.closedOn', 'is', null)
      .orderBy('u.sortKey')
      .execute()
  );
}

export function submissionsOfPeriods(db: Db, periodIds: string[]) {
  if (!periodIds.length) return Promise.resolve([]);
  return db.selectFrom('reportSubmissions').selectAll().where('periodId', 'in', periodIds).execute();
}

export function findSubmission(db: Db, periodId: string, unitId: string) {
  return reading(
    db,
    db.selectFrom('reportSubmissions').selectAll().where('periodId', '=', periodId).where('unitId', '=', unitId),
    (rows) => rows.at(0),
  );
}

/** A submission with its period and its unit's name, in one statement: what a review decides on. */
export async function findSubmissionToReview(db: Db, id: string) {
  const row = await db
    .selectFrom('reportSubmissions as s')
    .innerJoin('reportingPeriods as p', 'p.id', 's.periodId')
    .innerJoin('orgUnits as u', 'u.id', 's.unitId')
    .selectAll('p')
    .select([
      's.status as submissionStatus',
      's.unitId as submissionUnitId',
      's.submittedBy as submissionSubmittedBy',
      'u.fullName as unitName',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { submissionStatus, submissionUnitId, submissionSubmittedBy, unitName, ...period } = row;
  return {
    period: period satisfies PeriodRow,
    status: submissionStatus,
    submittedBy: submissionSubmittedBy,
    unit: { id: submissionUnitId, fullName: unitName },
  };
}

const targetsOfUnit = (db: Db, planId: string, unitId: string) =>
  db
    .selectFrom('planTargets as t')
    .where('t.planId', '=', planId)
    .where('t.reportingUnitId', '=', unitId)
    .where('t.kind', '=', 'target')
    .orderBy('t.sortOrder');

/** A unit's targets of a plan, with the catalogue's formula labels where the target is linked. */
export function unitTargets(db: Db, planId: string, unitId: string) {
  return reading(
    db,
    targetsOfUnit(db, planId, unitId)
      .leftJoin('indicators as i', 'i.id', 't.indicatorId')
      .select([
        't.id',
        't.groupName',
        't.text',
        't.comparator',
        't.value',
        't.valueMax',
        't.unit',
        't.year',
        't.kind',
        'i.code as indicatorCode',
        'i.numerator as numeratorLabel',
        'i.denominator as denominatorLabel',
      ]),
  );
}

/** A unit's targets in the same order with only what checking a value needs (its unit of measure), not their texts. */
export function unitTargetsToCheck(db: Db, planId: string, unitId: string) {
  return reading(db, targetsOfUnit(db, planId, unitId).select(['t.id', 't.unit']));
}

export function unitTasks(db: Db, planId: string, unitId: string) {
  return reading(
    db,
    db
      .selectFrom('planTasks')
      .select(['id', 'title', 'groupName'])
      .where('planId', '=', planId)
      .where('leadUnitId', '=', unitId)
      .orderBy('sortOrder'),
  );
}

/**
 * The latest approved value of each of a unit's targets from periods that ended before the
 * period's start. An approval writes every value it approves into `indicator_values` with
 * source 'report' (values/indicator-values.ts), so this is, per target, the newest such
 * row before the period — one backward step of the (commune_id, target_id, period_end) index
 * per target, whatever the commune's history. (Opening every approved value set of the
 * commune, as this did before, grew with years × units × values.) The targets are the unit's
 * now, whichever unit reported them then.
 */
export function previousApprovedValues(
  db: Db,
  period: { communeId: string; planId: string; startOn: string },
  unitId: string,
) {
  return reading(
    db,
    sql<{ targetId: string; value: string | number }>`select t.id as "targetId", v.value
      from plan_targets t
      cross join lateral (
        select iv.value from indicator_values iv
        where iv.commune_id = ${period.communeId} and iv.target_id = t.id and iv.source = 'report' and iv.period_end < ${period.startOn}
        order by iv.period_end desc, iv.produced_at desc
        limit 1
      ) v
      where t.plan_id = ${period.planId} and t.reporting_unit_id = ${unitId} and t.kind = 'target'`,
    (rows) => new Map(rows.map((r) => [r.targetId, Number(r.value)])),
  );
}

export function eventsOf(db: Db, where: { submissionId?: string; communeReportId?: string }) {
  let q = db
    .selectFrom('reportEvents as e')
    .leftJoin('users as u', 'u.id', 'e.actorId')
    .select(['e.kind', 'e.at', 'u.fullName as actorName', 'e.comment'])
    .orderBy('e.id');
  if (where.submissionId) q = q.where('e.submissionId', '=', where.submissionId);
  if (where.communeReportId) q = q.where('e.communeReportId', '=', where.communeReportId);
  return reading(db, q, (rows) => rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })));
}

/** A submission's narrative rows (phần thuyết minh), as saved. */
export function narrativesOf(db: Db, submissionId: string) {
  return reading(
    db,
    db
      .selectFrom('reportNarratives')
      .select(['planTaskId', 'taskTitle', 'done', 'difficulties', 'proposals'])
      .where('submissionId', '=', submissionId),
  );
}

export const countAll = sql<number>`count(*)`;

/** The value sets of these submissions, by submission id (a submission never saved has none). */
export async function valueSets(db: Db, submissionIds: string[]) {
  if (!submissionIds.length) return new Map<string, ReportedValue[]>();
  const rows = await db
    .selectFrom('reportValueSets')
    .select(['submissionId', 'items'])
    .where('submissionId', 'in', submissionIds)
    .execute();
  return new Map(rows.map((r) => [r.submissionId, r.items.map(reportedValue)]));
}

/** The values saved in one submission (none when it was never saved). */
export function savedValues(db: Db, submissionId: string) {
  return reading(
    db,
    db.selectFrom('reportValueSets').select('items').where('submissionId', '=', submissionId),
    (rows) => rows.at(0)?.items.map(reportedValue) ?? [],
  );
}

/** A stored entry as a reported value: a field it left out is empty (sets written before this carry the nulls too). */
const reportedValue = (v: StoredValue): ReportedValue => ({
  targetId: v.targetId,
  value: v.value ?? null,
  numerator: v.numerator ?? null,
  denominator: v.denominator ?? null,
  note: v.note ?? null,
  warning: v.warning ?? null,
});

/** An entry as stored: the target and the fields that hold something. */
function storedValue(v: ReportedValue): StoredValue {
  const out: StoredValue = { targetId: v.targetId };
  if (v.value !== null) out.value = v.value;
  if (v.numerator !== null) out.numerator = v.numerator;
  if (v.denominator !== null) out.denominator = v.denominator;
  if (v.note !== null) out.note = v.note;
  if (v.warning !== null) out.warning = v.warning;
  return out;
}

/** Writes a unit report's values over what was saved: one row, the set as one JSON array of entries without their empty fields. */
export async function writeValueSet(
  db: Db,
  tenant: { provinceId: string; communeId: string; submissionId: string },
  items: ReportedValue[],
) {
  await db
    .insertInto('reportValueSets')
    .values({ ...tenant, items: JSON.stringify(items.map(storedValue)) })
    .onConflict((oc) =>
      oc.column('submissionId').doUpdateSet((eb) => ({ items: eb.ref('excluded.items'), updatedAt: sql`now()` })),
    )
    .execute();
}
