import { sql } from 'kysely';
import { can, requireActor, scopeOf } from '../../platform/access.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { findNode } from '../org/index.ts';
import { describeTarget } from '../plans/index.ts';
import { vietnamDate } from '../reporting/index.ts';
import * as q from './dashboards.queries.ts';
import { forecastFromFit, trendOf } from './dashboards.rules.ts';

async function readableCommune(ctx: Ctx, communeId: string) {
  const actor = requireActor(ctx);
  const commune = await findNode(ctx.db, communeId);
  if (
    !commune ||
    commune.kind !== 'commune' ||
    !can(actor, 'plans.read', { provinceId: commune.provinceId, communeId })
  )
    throw notFound('ORG_UNIT_NOT_FOUND', 'xã');
  return commune;
}

const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));

/**
 * The commune's plan at a glance: per target its rollup row, its last periods and its
 * forecast from a line fit computed in SQL. The value history itself is not sent (at ten
 * years of monthly values that was 5.7 MB per request): `targetHistory` gives one target's.
 */
export async function communeDashboard(ctx: Ctx, communeId: string) {
  const commune = await readableCommune(ctx, communeId);
  const plan = await q.findCurrentPlan(ctx.db, communeId);
  const [targets, summaries, work] = await Promise.all([
    plan ? q.planTargetsWithLatest(ctx.db, plan.id) : [],
    plan ? q.targetSeriesSummaries(ctx.db, communeId, plan.id) : [],
    q.communeWorkCounts(ctx.db, communeId, vietnamDate(new Date())),
  ]);
  const summaryOf = new Map(summaries.map((x) => [x.targetId, x]));
  const counts = { reached: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  const rows = targets.map((t) => {
    const status = (t.status ?? 'no_data') as keyof typeof counts;
    counts[status]++;
    const series = summaryOf.get(t.id);
    const target = {
      comparator: t.comparator,
      value: Number(t.value),
      valueMax: num(t.valueMax),
      unit: t.unit,
      year: t.year,
    };
    return {
      targetId: t.id,
      groupName: t.groupName,
      text: t.text,
      targetText: describeTarget({ ...target, text: '', year: null }).trim(),
      comparator: target.comparator,
      targetValue: target.value,
      targetValueMax: target.valueMax,
      unit: t.unit,
      deadlineYear: t.year,
      indicatorId: t.indicatorId,
      latest:
        t.latestValue === null
          ? null
          : {
              value: Number(t.latestValue),
              periodCode: t.periodCode!,
              source: t.source!,
              attainment: num(t.attainment),
            },
      status,
      periods: series?.n ?? 0,
      recent: series?.recent ?? [],
      forecast:
        series && series.sxx !== null && series.sxy !== null
          ? forecastFromFit(
              { n: series.n, meanX: series.meanX, meanY: series.meanY, sxx: series.sxx, sxy: series.sxy },
              target,
            )
          : null,
    };
  });
  return {
    communeId,
    communeName: commune.fullName,
    planId: plan?.id ?? null,
    planTitle: plan?.title ?? null,
    counts,
    targets: rows,
    tasks: { total: work.total, overdue: work.overdue, done: work.done },
    reportsWaiting: work.waiting,
  };
}

const valueView = (s: q.ValueRow) => ({
  periodCode: s.periodCode,
  date: s.periodEnd,
  value: Number(s.value),
  numerator: num(s.numerator),
  denominator: num(s.denominator),
  source: s.source,
  sourceRef: s.sourceRef,
  producer: s.producer,
  producedByName: s.producedByName,
  producedAt: new Date(s.producedAt).toISOString(),
  sourceLink: s.sourceLink,
});

/** One target's whole history with provenance, and its chart (one point per period): read when a person opens the target. */
export async function targetHistory(ctx: Ctx, communeId: string, targetId: string) {
  await readableCommune(ctx, communeId);
  if (!(await q.findCommuneTarget(ctx.db, communeId, targetId)))
    throw notFound('PLAN_TARGET_NOT_FOUND', 'chỉ tiêu của xã');
  const values = (await q.valuesOfTargets(ctx.db, communeId, [targetId])).map(valueView);
  return {
    targetId,
    trend: trendOf(values).map((v) => ({ periodCode: v.periodCode, date: v.date, value: v.value })),
    values,
  };
}

/** Every value of every target of the commune's current plan, by target (the .xlsx export). */
export async function communeValues(ctx: Ctx, communeId: string, targetIds: string[]) {
  await readableCommune(ctx, communeId);
  const out = new Map<string, ReturnType<typeof valueView>[]>();
  for (const row of await q.valuesOfTargets(ctx.db, communeId, targetIds)) {
    let list = out.get(row.targetId);
    if (!list) out.set(row.targetId, (list = []));
    list.push(valueView(row));
  }
  return out;
}

async function indicatorOf(ctx: Ctx, id: string) {
  const i = await ctx.db
    .selectFrom('indicators')
    .select(['id', 'code', 'name', 'unit'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!i) throw notFound('INDICATOR_NOT_FOUND', 'chỉ tiêu trong danh mục');
  return i;
}

/** All communes of a province side by side for one catalogue indicator, ranked (one index read). */
export async function provinceTile(ctx: Ctx, provinceId: string, indicatorId: string) {
  const actor = requireActor(ctx);
  const province = await findNode(ctx.db, provinceId);
  const scope = scopeOf(actor, 'reports.read');
  if (!province || province.kind !== 'province' || !(scope.all || scope.provinceIds.includes(provinceId)))
    throw notFound('ORG_UNIT_NOT_FOUND', 'tỉnh');
  const indicator = await indicatorOf(ctx, indicatorId);
  const rows = await ctx.db
    .selectFrom('targetLatest as l')
    .innerJoin('orgUnits as c', 'c.id', 'l.communeId')
    .select([
      'l.communeId',
      'c.code',
      'c.fullName',
      'l.value',
      'l.periodCode',
      'l.periodEnd',
      'l.attainment',
      'l.status',
    ])
    .where('l.provinceId', '=', provinceId)
    .where('l.indicatorId', '=', indicatorId)
    .execute();
  // A commune may link several targets to one indicator: keep its most recent value.
  const best = new Map<string, (typeof rows)[number]>();
  for (const r of rows)
    if (!best.has(r.communeId) || r.periodEnd > best.get(r.communeId)!.periodEnd) best.set(r.communeId, r);
  const list = [...best.values()].sort((a, b) => Number(b.value) - Number(a.value));
  const values = list.map((r) => Number(r.value));
  return {
    provinceId,
    provinceName: province.fullName,
    indicator,
    communes: list.map((r, i) => ({
      rank: i + 1,
      communeId: r.communeId,
      communeCode: r.code,
      communeName: r.fullName,
      value: Number(r.value),
      periodCode: r.periodCode,
      attainment: r.attainment === null ? null : Number(r.attainment),
      status: r.status,
    })),
    summary: {
      communesReporting: list.length,
      reached: list.filter((r) => r.status === 'reached').length,
      average: values.length ? Math.round((10 * values.reduce((a, b) => a + b, 0)) / values.length) / 10 : null,
    },
  };
}

/** The national view: every province for one indicator, aggregated from the rollup rows. */
export async function nationalTile(ctx: Ctx, indicatorId: string) {
  const actor = requireActor(ctx);
  if (!scopeOf(actor, 'reports.read').all)
    throw new AppError('FORBIDDEN', 'forbidden', 'Chỉ quản trị hệ thống xem được toàn quốc.');
  const indicator = await indicatorOf(ctx, indicatorId);
  const rows = await ctx.db
    .selectFrom('targetLatest as l')
    .innerJoin('orgUnits as p', 'p.id', 'l.provinceId')
    .select([
      'l.provinceId',
      'p.fullName',
      'p.sortKey',
      sql<number>`count(distinct l.commune_id)`.as('communes'),
      sql<number>`count(distinct l.commune_id) filter (where l.status = 'reached')`.as('reached'),
      sql<number>`round(avg(l.value), 1)`.as('average'),
    ])
    .where('l.indicatorId', '=', indicatorId)
    .groupBy(['l.provinceId', 'p.fullName', 'p.sortKey'])
    .orderBy('p.sortKey')
    .execute();
  return {
    indicator,
    provinces: rows.map((r) => ({
      provinceId: r.provinceId,
      provinceName: r.fullName,
      communesReporting: Number(r.communes),
      reached: Number(r.reached),
      average: r.average === null ? null : Number(r.average),
    })),
  };
}
