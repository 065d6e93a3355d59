/**
 * The dashboards' SQL. A dashboard request reads rollup rows and per-target aggregates, never
 * the value history row by row: the commune dashboard gets each target's line fit (for the
 * forecast) and its last few periods from one grouped query, and a target's full history is
 * read only when someone opens that target (or exports the workbook).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { RECENT_PERIODS } from './dashboards.contract.ts';

/** The commune's current (not archived) plan, newest first. */
export function findCurrentPlan(db: Db, communeId: string) {
  return db
    .selectFrom('plans')
    .select(['id', 'title'])
    .where('communeId', '=', communeId)
    .where('archivedAt', 'is', null)
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
}

/** The plan's targets with their rollup row (latest value, attainment, status). */
export function planTargetsWithLatest(db: Db, planId: string) {
  return db
    .selectFrom('planTargets as t')
    .leftJoin('targetLatest as l', 'l.targetId', 't.id')
    .select([
      't.id',
      't.groupName',
      't.text',
      't.comparator',
      't.value',
      't.valueMax',
      't.unit',
      't.year',
      't.indicatorId',
      'l.value as latestValue',
      'l.periodCode',
      'l.source',
      'l.attainment',
      'l.status',
    ])
    .where('t.planId', '=', planId)
    .where('t.kind', '=', 'target')
    .orderBy('t.sortOrder')
    .execute();
}

export interface TargetSeriesSummary {
  targetId: string;
  /** Periods with a value. */
  n: number;
  meanX: number;
  meanY: number;
  sxx: number | null;
  sxy: number | null;
  /** The last RECENT_PERIODS points, oldest first. */
  recent: { periodCode: string; date: string; value: number }[];
}

/**
 * Per target of the plan: the least-squares sums of its trend (one value per period, the one
 * written last — as `trendOf` decides in TypeScript) and its last periods. x is the period's
 * end as a year with its fraction, day of year ÷ 365.25, exactly as `toYears` computes it.
 * One grouped query: the rows read stay in the database, 100 small rows come back.
 */
export async function targetSeriesSummaries(db: Db, communeId: string, planId: string): Promise<TargetSeriesSummary[]> {
  const r = await sql<{
    targetId: string;
    n: number;
    meanX: number;
    meanY: number;
    sxx: number | null;
    sxy: number | null;
    recent: { periodCode: string; date: string; value: number | string }[];
  }>`
    with trend as (
      select distinct on (v.target_id, v.period_code) v.target_id, v.period_code, v.period_end, v.value::float8 as value
      from indicator_values v
      where v.commune_id = ${communeId}
        and v.target_id in (select t.id from plan_targets t where t.plan_id = ${planId} and t.kind = 'target')
      order by v.target_id, v.period_code, v.produced_at desc
    ), points as (
      select target_id, period_code, period_end, value,
        extract(year from period_end)::float8 + (period_end - date_trunc('year', period_end)::date)::float8 / 365.25 as x,
        row_number() over (partition by target_id order by period_end desc) as rn
      from trend
    )
    select target_id, count(*)::int as n, avg(x) as mean_x, avg(value) as mean_y, regr_sxx(value, x) as sxx, regr_sxy(value, x) as sxy,
      json_agg(json_build_object('periodCode', period_code, 'date', period_end::text, 'value', value) order by period_end) filter (where rn <= ${RECENT_PERIODS}) as recent
    from points
    group by target_id`.execute(db);
  const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
  return r.rows.map((row) => ({
    targetId: row.targetId,
    n: Number(row.n),
    meanX: Number(row.meanX),
    meanY: Number(row.meanY),
    sxx: num(row.sxx),
    sxy: num(row.sxy),
    recent: (typeof row.recent === 'string' ? JSON.parse(row.recent) : (row.recent ?? [])).map(
      (p: { periodCode: string; date: string; value: number | string }) => ({
        periodCode: p.periodCode,
        date: p.date,
        value: Number(p.value),
      }),
    ),
  }));
}

/** Tasks of the commune (all, verified, open past due) and unit reports waiting for review, in one round trip. */
export async function communeWorkCounts(db: Db, communeId: string, today: string) {
  const r = await sql<{ total: number; done: number; overdue: number; waiting: number }>`
    select t.total, t.done, t.overdue, (select count(*) from report_submissions s where s.commune_id = ${communeId} and s.status = 'submitted') as waiting
    from (select count(*) as total, count(*) filter (where status = 'verified') as done, count(*) filter (where status <> 'verified' and due_date < ${today}) as overdue
          from tasks where commune_id = ${communeId}) t`.execute(db);
  const row = r.rows[0];
  return {
    total: Number(row.total),
    done: Number(row.done),
    overdue: Number(row.overdue),
    waiting: Number(row.waiting),
  };
}

/** Every value of the given targets with its provenance, oldest period first, then oldest write. */
export function valuesOfTargets(db: Db, communeId: string, targetIds: string[]) {
  if (!targetIds.length) return Promise.resolve([]);
  return db
    .selectFrom('indicatorValues as v')
    .leftJoin('users as u', 'u.id', 'v.producedBy')
    .select([
      'v.targetId',
      'v.periodCode',
      'v.periodEnd',
      'v.value',
      'v.numerator',
      'v.denominator',
      'v.source',
      'v.sourceRef',
      'v.producer',
      'v.sourceLink',
      'v.producedAt',
      'u.fullName as producedByName',
    ])
    .where('v.communeId', '=', communeId)
    .where('v.targetId', 'in', targetIds)
    .orderBy('v.periodEnd')
    .orderBy('v.producedAt')
    .execute();
}
export type ValueRow = Awaited<ReturnType<typeof valuesOfTargets>>[number];

/** A target of the commune (any of its plans), or undefined. */
export function findCommuneTarget(db: Db, communeId: string, targetId: string) {
  return db
    .selectFrom('planTargets')
    .select(['id', 'text'])
    .where('communeId', '=', communeId)
    .where('id', '=', targetId)
    .where('kind', '=', 'target')
    .executeTakeFirst();
}
