import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ReportValueTable } from './reporting.tables.ts';

export function findPeriod(db: Db, id: string) {
  return db.selectFrom('reportingPeriods').selectAll().where('id', '=', id).executeTakeFirst();
}
export type PeriodRow = NonNullable<Awaited<ReturnType<typeof findPeriod>>>;

export function listPeriods(db: Db, communeId: string, year?: number) {
  let q = db.selectFrom('reportingPeriods').selectAll().where('communeId', '=', communeId).orderBy('dueOn').orderBy('level', 'desc');
  if (year) q = q.where('startOn', '>=', `${year}-01-01`).where('startOn', '<=', `${year}-12-31`);
  return q.execute();
}

/** The units expected to report for a plan: those holding targets, and the lead units of its tasks. */
export async function expectedUnits(db: Db, planId: string) {
  return db
    .selectFrom('orgUnits as u')
    .select(['u.id', 'u.name', 'u.fullName', 'u.sortKey'])
    // One IN over a UNION, not two INs joined by OR: with OR PostgreSQL scans the whole
    // organisation tree (20,000 units, ~5 ms); with the union it looks units up by key.
    .where('u.id', 'in', (eb) =>
      eb.selectFrom('planTargets').select('reportingUnitId as id').where('planId', '=', planId).where('kind', '=', 'target').where('reportingUnitId', 'is not', null)
        .union(eb.selectFrom('planTasks').select('leadUnitId as id').where('planId', '=', planId).where('leadUnitId', 'is not', null)),
    )
    .where('u.closedOn', 'is', null)
    .orderBy('u.sortKey')
    .execute();
}

export function submissionsOfPeriods(db: Db, periodIds: string[]) {
  if (!periodIds.length) return Promise.resolve([]);
  return db.selectFrom('reportSubmissions').selectAll().where('periodId', 'in', periodIds).execute();
}

export function findSubmission(db: Db, periodId: string, unitId: string) {
  return db.selectFrom('reportSubmissions').selectAll().where('periodId', '=', periodId).where('unitId', '=', unitId).executeTakeFirst();
}
export function findSubmissionById(db: Db, id: string) {
  return db.selectFrom('reportSubmissions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A unit's targets of a plan, with the catalogue's formula labels where the target is linked. */
export function unitTargets(db: Db, planId: string, unitId: string) {
  return db
    .selectFrom('planTargets as t')
    .leftJoin('indicators as i', 'i.id', 't.indicatorId')
    .select(['t.id', 't.groupName', 't.text', 't.comparator', 't.value', 't.valueMax', 't.unit', 't.year', 't.kind', 'i.code as indicatorCode', 'i.numerator as numeratorLabel', 'i.denominator as denominatorLabel'])
    .where('t.planId', '=', planId)
    .where('t.reportingUnitId', '=', unitId)
    .where('t.kind', '=', 'target')
    .orderBy('t.sortOrder')
    .execute();
}

export function unitTasks(db: Db, planId: string, unitId: string) {
  return db.selectFrom('planTasks').select(['id', 'title', 'groupName']).where('planId', '=', planId).where('leadUnitId', '=', unitId).orderBy('sortOrder').execute();
}

/**
 * The latest approved value of each target from periods that ended before `before`. Scoped by
 * commune so PostgreSQL reads report_values by its (commune_id, target_id) index: by target id
 * alone it scanned the whole table, which at the deadline wave holds a million rows.
 */
export async function previousApprovedValues(db: Db, communeId: string, targetIds: string[], before: string) {
  if (!targetIds.length) return new Map<string, number>();
  const rows = await db
    .selectFrom('reportValues as v')
    .innerJoin('reportSubmissions as s', 's.id', 'v.submissionId')
    .innerJoin('reportingPeriods as p', 'p.id', 's.periodId')
    .select(['v.targetId', 'v.value', 'p.endOn'])
    .where('v.communeId', '=', communeId)
    .where('v.targetId', 'in', targetIds)
    .where('s.status', '=', 'approved')
    .where('p.endOn', '<', before)
    .where('v.value', 'is not', null)
    .orderBy('p.endOn', 'desc')
    .execute();
  const out = new Map<string, number>();
  for (const r of rows) if (!out.has(r.targetId)) out.set(r.targetId, Number(r.value));
  return out;
}

export function eventsOf(db: Db, where: { submissionId?: string; communeReportId?: string }) {
  let q = db.selectFrom('reportEvents as e').leftJoin('users as u', 'u.id', 'e.actorId').select(['e.kind', 'e.at', 'u.fullName as actorName', 'e.comment']).orderBy('e.id');
  if (where.submissionId) q = q.where('e.submissionId', '=', where.submissionId);
  if (where.communeReportId) q = q.where('e.communeReportId', '=', where.communeReportId);
  return q.execute().then((rows) => rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })));
}

export const countAll = sql<number>`count(*)`;

/** A value of a unit's report as written: the row without its keys and tenant columns. */
export type NewReportValue = Pick<ReportValueTable, 'targetId' | 'value' | 'numerator' | 'denominator' | 'note' | 'warning'>;

/**
 * A unit report's values in one INSERT over unnest() of six arrays, instead of one VALUES row
 * of nine parameters per value: a 300-value report is one short statement (prepared once on
 * PostgreSQL) with 9 parameters, not 2,700 that Kysely builds a node for and PostgreSQL parses.
 */
export async function insertReportValues(db: Db, tenant: { provinceId: string; communeId: string; submissionId: string }, values: NewReportValue[]) {
  if (!values.length) return;
  const column = <K extends keyof NewReportValue>(k: K) => values.map((v) => v[k]);
  await sql`insert into report_values (province_id, commune_id, submission_id, target_id, value, numerator, denominator, note, warning)
    select ${tenant.provinceId}::uuid, ${tenant.communeId}::uuid, ${tenant.submissionId}::uuid, v.target_id, v.value, v.numerator, v.denominator, v.note, v.warning
    from unnest(${column('targetId')}::uuid[], ${column('value')}::numeric[], ${column('numerator')}::numeric[], ${column('denominator')}::numeric[], ${column('note')}::text[], ${column('warning')}::text[])
      as v(target_id, value, numerator, denominator, note, warning)`.execute(db);
}

