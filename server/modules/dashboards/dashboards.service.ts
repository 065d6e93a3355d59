import { sql } from 'kysely';
import { can, scopeOf } from '../../platform/access.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { requireActor } from '../auth/auth.service.ts';
import { findNode } from '../org/org.queries.ts';
import { describeTarget } from '../plans/plans.content.ts';
import { vietnamDate } from '../reporting/reporting.rules.ts';
import { forecast } from './dashboards.rules.ts';

/** The commune's plan at a glance: reads the rollup rows, and per target its own short series. */
export async function communeDashboard(ctx: Ctx, communeId: string) {
  const actor = requireActor(ctx);
  const commune = await findNode(ctx.db, communeId);
  if (!commune || commune.kind !== 'commune' || !can(actor, 'plans.read', { provinceId: commune.provinceId, communeId })) throw notFound('ORG_UNIT_NOT_FOUND', 'xã');
  const plan = await ctx.db.selectFrom('plans').select(['id', 'title']).where('communeId', '=', communeId).where('archivedAt', 'is', null).orderBy('createdAt', 'desc').executeTakeFirst();
  const targets = plan
    ? await ctx.db
        .selectFrom('planTargets as t')
        .leftJoin('targetLatest as l', 'l.targetId', 't.id')
        .select(['t.id', 't.groupName', 't.text', 't.comparator', 't.value', 't.valueMax', 't.unit', 't.year', 't.indicatorId', 'l.value as latestValue', 'l.periodCode', 'l.source', 'l.attainment', 'l.status'])
        .where('t.planId', '=', plan.id)
        .where('t.kind', '=', 'target')
        .orderBy('t.sortOrder')
        .execute()
    : [];
  const series = plan
    ? await ctx.db
        .selectFrom('indicatorValues as v')
        .leftJoin('users as u', 'u.id', 'v.producedBy')
        .select(['v.targetId', 'v.periodCode', 'v.periodEnd', 'v.value', 'v.numerator', 'v.denominator', 'v.source', 'v.sourceRef', 'v.producer', 'v.sourceLink', 'v.producedAt', 'u.fullName as producedByName'])
        .where('v.communeId', '=', communeId)
        .orderBy('v.periodEnd')
        .orderBy('v.producedAt')
        .execute()
    : [];
  const today = vietnamDate(new Date());
  const tasks = await ctx.db
    .selectFrom('tasks')
    .select([sql<number>`count(*)`.as('total'), sql<number>`count(*) filter (where status = 'verified')`.as('done'), sql<number>`count(*) filter (where status <> 'verified' and due_date < ${today})`.as('overdue')])
    .where('communeId', '=', communeId)
    .executeTakeFirstOrThrow();
  const waiting = await ctx.db.selectFrom('reportSubmissions').select(sql<number>`count(*)`.as('n')).where('communeId', '=', communeId).where('status', '=', 'submitted').executeTakeFirstOrThrow();
  const counts = { reached: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  const rows = targets.map((t) => {
    const status = (t.status ?? 'no_data') as keyof typeof counts;
    counts[status]++;
    const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
    const values = series.filter((s) => s.targetId === t.id).map((s) => ({
      periodCode: s.periodCode, date: s.periodEnd, value: Number(s.value), numerator: num(s.numerator), denominator: num(s.denominator), source: s.source, sourceRef: s.sourceRef,
      producer: s.producer, producedByName: s.producedByName, producedAt: new Date(s.producedAt).toISOString(), sourceLink: s.sourceLink,
    }));
    // One point per period for the chart and the forecast: the value written last (as the rollup decides).
    const byPeriod = new Map<string, (typeof values)[number]>();
    for (const v of values) byPeriod.set(v.periodCode, v);
    const trend = [...byPeriod.values()].sort((a, b) => a.date.localeCompare(b.date));
    const target = { comparator: t.comparator, value: Number(t.value), valueMax: t.valueMax === null ? null : Number(t.valueMax), unit: t.unit, year: t.year };
    return {
      targetId: t.id, groupName: t.groupName, text: t.text, targetText: describeTarget({ ...target, text: '', year: null }).trim(), comparator: target.comparator, targetValue: target.value, targetValueMax: target.valueMax, unit: t.unit, deadlineYear: t.year, indicatorId: t.indicatorId,
      latest: t.latestValue === null ? null : { value: Number(t.latestValue), periodCode: t.periodCode!, source: t.source!, attainment: t.attainment === null ? null : Number(t.attainment) },
      status, trend, values, forecast: forecast(trend.map((p) => ({ date: p.date, value: p.value })), target),
    };
  });
  return {
    communeId, communeName: commune.fullName, planId: plan?.id ?? null, planTitle: plan?.title ?? null, counts, targets: rows,
    tasks: { total: Number(tasks.total), overdue: Number(tasks.overdue), done: Number(tasks.done) }, reportsWaiting: Number(waiting.n),
  };
}

async function indicatorOf(ctx: Ctx, id: string) {
  const i = await ctx.db.selectFrom('indicators').select(['id', 'code', 'name', 'unit']).where('id', '=', id).executeTakeFirst();
  if (!i) throw notFound('INDICATOR_NOT_FOUND', 'chỉ tiêu trong danh mục');
  return i;
}

/** All communes of a province side by side for one catalogue indicator, ranked (one index read). */
export async function provinceTile(ctx: Ctx, provinceId: string, indicatorId: string) {
  const actor = requireActor(ctx);
  const province = await findNode(ctx.db, provinceId);
  const scope = scopeOf(actor, 'reports.read');
  if (!province || province.kind !== 'province' || !(scope.all || scope.provinceIds.includes(provinceId))) throw notFound('ORG_UNIT_NOT_FOUND', 'tỉnh');
  const indicator = await indicatorOf(ctx, indicatorId);
  const rows = await ctx.db
    .selectFrom('targetLatest as l')
    .innerJoin('orgUnits as c', 'c.id', 'l.communeId')
    .select(['l.communeId', 'c.code', 'c.fullName', 'l.value', 'l.periodCode', 'l.periodEnd', 'l.attainment', 'l.status'])
    .where('l.provinceId', '=', provinceId)
    .where('l.indicatorId', '=', indicatorId)
    .execute();
  // A commune may link several targets to one indicator: keep its most recent value.
  const best = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!best.has(r.communeId) || r.periodEnd > best.get(r.communeId)!.periodEnd) best.set(r.communeId, r);
  const list = [...best.values()].sort((a, b) => Number(b.value) - Number(a.value));
  const values = list.map((r) => Number(r.value));
  return {
    provinceId, provinceName: province.fullName, indicator,
    communes: list.map((r, i) => ({ rank: i + 1, communeId: r.communeId, communeCode: r.code, communeName: r.fullName, value: Number(r.value), periodCode: r.periodCode, attainment: r.attainment === null ? null : Number(r.attainment), status: r.status })),
    summary: { communesReporting: list.length, reached: list.filter((r) => r.status === 'reached').length, average: values.length ? Math.round((10 * values.reduce((a, b) => a + b, 0)) / values.length) / 10 : null },
  };
}

/** The national view: every province for one indicator, aggregated from the rollup rows. */
export async function nationalTile(ctx: Ctx, indicatorId: string) {
  const actor = requireActor(ctx);
  if (!scopeOf(actor, 'reports.read').all) throw new AppError('FORBIDDEN', 'forbidden', 'Chỉ quản trị hệ thống xem được toàn quốc.');
  const indicator = await indicatorOf(ctx, indicatorId);
  const rows = await ctx.db
    .selectFrom('targetLatest as l')
    .innerJoin('orgUnits as p', 'p.id', 'l.provinceId')
    .select(['l.provinceId', 'p.fullName', 'p.sortKey', sql<number>`count(distinct l.commune_id)`.as('communes'), sql<number>`count(distinct l.commune_id) filter (where l.status = 'reached')`.as('reached'), sql<number>`round(avg(l.value), 1)`.as('average')])
    .where('l.indicatorId', '=', indicatorId)
    .groupBy(['l.provinceId', 'p.fullName', 'p.sortKey'])
    .orderBy('p.sortKey')
    .execute();
  return { indicator, provinces: rows.map((r) => ({ provinceId: r.provinceId, provinceName: r.fullName, communesReporting: Number(r.communes), reached: Number(r.reached), average: r.average === null ? null : Number(r.average) })) };
}
