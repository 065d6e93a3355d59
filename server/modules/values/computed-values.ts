/**
 * Indicator values the platform computes from its own records (provenance "computed"):
 * tasks tracked electronically, done on time, overdue (the tasks module's `stats`), and unit
 * reports submitted through the system and on time (reporting's `reportingFigures`) — the
 * same functions those modules use themselves, so a figure is computed one way only.
 *
 * `refreshComputedValues` is the hook the tasks and reporting services call inside the
 * transaction of every write that can change these numbers (a task created, edited, submitted,
 * verified, returned; a unit report submitted, returned, approved). It rewrites the commune's
 * computed values for the current quarter and their rollup rows (target_latest), so the
 * commune, province and national views show them as soon as the write commits; a dashboard
 * request never counts tasks or reports itself. It reads one commune's current rows only, and
 * returns at once (one indexed query) when no target of the commune's plans is linked to one
 * of these catalogue indicators.
 */
import type { Actor } from '../../platform/access.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { vietnamToday } from '../calendar/dates.ts';
import { REPORTING_PRODUCER, reportingFigures, reportingValues } from '../reporting/platform-values.ts';
import { stats } from '../tasks/tasks.lists.service.ts';
import { quarterOf, taskFigures, type ComputedFigure } from '../dashboards/dashboards.rules.ts';
import { recordValues, type NewValue } from './indicator-values.ts';

export const TASKS_PRODUCER = 'Tính từ dữ liệu nhiệm vụ của Xã Số';

/** Each computed catalogue indicator: what it counts and where its records are (API query). */
export const COMPUTED_INDICATORS: Record<
  string,
  { from: 'tasks' | 'reports'; formula: string; link: (communeId: string, year: number) => string }
> = {
  'CQS-09': {
    from: 'tasks',
    formula: 'Nhiệm vụ của kế hoạch đã giao và theo dõi trên Xã Số ÷ nhiệm vụ của kế hoạch',
    link: (c) => `/api/v1/tasks/stats?communeId=${c}`,
  },
  'CQS-16': {
    from: 'tasks',
    formula: 'Nhiệm vụ được xác nhận hoàn thành đúng hạn ÷ nhiệm vụ đã hoàn thành hoặc đã đến hạn',
    link: (c) => `/api/v1/tasks?communeId=${c}&timing=done`,
  },
  'CQS-17': {
    from: 'tasks',
    formula: 'Nhiệm vụ chưa hoàn thành đã quá hạn ÷ tổng số nhiệm vụ',
    link: (c) => `/api/v1/tasks?communeId=${c}&timing=overdue`,
  },
  'CQS-08': {
    from: 'reports',
    formula: 'Báo cáo đơn vị đã nộp qua Xã Số ÷ báo cáo đơn vị đã đến hạn',
    link: (c, y) => `/api/v1/reporting/completeness?communeId=${c}&year=${y}`,
  },
  'CQS-18': {
    from: 'reports',
    formula: 'Báo cáo đơn vị nộp đúng hạn ÷ báo cáo đơn vị đã đến hạn',
    link: (c, y) => `/api/v1/reporting/completeness?communeId=${c}&year=${y}`,
  },
};
const CODES = Object.keys(COMPUTED_INDICATORS);

/** Reads as the commune's own reader (no person): the tasks module checks scope on every call. */
function readerOf(place: { provinceId: string; communeId: string }): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'xaso.computed',
    fullName: 'Xã Số',
    sessionId: null,
    grants: [
      {
        id: 'computed-values',
        role: 'commune_admin',
        orgUnitId: place.communeId,
        orgKind: 'commune',
        provinceId: place.provinceId,
        communeId: place.communeId,
      },
    ],
  };
}

/**
 * Recomputes the commune's computed indicator values for the current quarter; returns how many
 * changed and were written. `only` names the records a write touched: a unit report changes
 * the reporting figures and never the task figures (whose count is the costlier read), and a
 * task write the reverse; without it, all are recomputed.
 */
export async function refreshComputedValues(
  tx: Ctx,
  communeId: string,
  opts: { today?: string; only?: 'tasks' | 'reports' } = {},
): Promise<number> {
  const today = opts.today ?? vietnamToday();
  const codes = opts.only ? CODES.filter((c) => COMPUTED_INDICATORS[c].from === opts.only) : CODES;
  const targets = await tx.db
    .selectFrom('planTargets as t')
    .innerJoin('plans as p', 'p.id', 't.planId')
    .innerJoin('indicators as i', 'i.id', 't.indicatorId')
    .select(['t.id', 't.provinceId', 'i.code'])
    .where('t.communeId', '=', communeId)
    .where('t.kind', '=', 'target')
    .where('p.archivedAt', 'is', null)
    .where('i.code', 'in', codes)
    .execute();
  if (!targets.length) return 0;
  const wanted = new Set(targets.map((t) => COMPUTED_INDICATORS[t.code].from));
  const figures = new Map<string, ComputedFigure & { producer: string }>();
  if (wanted.has('tasks')) {
    const s = await stats({ ...tx, actor: readerOf({ provinceId: targets[0].provinceId, communeId }) }, { communeId });
    for (const [code, f] of taskFigures(s.commune)) figures.set(code, { ...f, producer: TASKS_PRODUCER });
  }
  if (wanted.has('reports')) {
    for (const [code, f] of reportingValues(await reportingFigures(tx.db, communeId, today)))
      figures.set(code, { ...f, producer: REPORTING_PRODUCER });
  }
  const period = quarterOf(today);
  const year = Number(today.slice(0, 4));
  const values: NewValue[] = [];
  for (const t of targets) {
    const f = figures.get(t.code);
    if (!f) continue;
    const def = COMPUTED_INDICATORS[t.code];
    values.push({
      targetId: t.id,
      periodCode: period.code,
      periodEnd: period.end,
      value: f.value,
      numerator: f.numerator,
      denominator: f.denominator,
      source: 'computed',
      sourceRef: `${t.code}: ${def.formula} = ${f.numerator}/${f.denominator}`,
      producedBy: null,
      producer: f.producer,
      sourceLink: def.link(communeId, year),
    });
  }
  // Most task actions (progress, comments on the log) leave the figures as they were: write only what changed.
  const stored = values.length
    ? await tx.db
        .selectFrom('indicatorValues')
        .select(['targetId', 'value', 'numerator', 'denominator'])
        .where('communeId', '=', communeId)
        .where(
          'targetId',
          'in',
          values.map((v) => v.targetId),
        )
        .where('periodCode', '=', period.code)
        .where('source', '=', 'computed')
        .execute()
    : [];
  const storedOf = new Map(stored.map((x) => [x.targetId, x]));
  const changed = values.filter((v) => {
    const old = storedOf.get(v.targetId);
    return (
      !old ||
      Number(old.value) !== v.value ||
      Number(old.numerator) !== v.numerator ||
      Number(old.denominator) !== v.denominator
    );
  });
  await recordValues(tx, changed);
  return changed.length;
}

/**
 * The daily refresh: every commune whose current plan has a target linked to a computed
 * indicator, one transaction each (a failure in one commune does not hold back the others'
 * figures; the next day's run tries again). Returns how many communes were read and how many
 * values changed.
 */
export async function refreshAllComputedValues(
  ctx: Ctx,
  today: string = vietnamToday(),
): Promise<{ communes: number; written: number; failed: { communeId: string; error: string }[] }> {
  const communes = await ctx.db
    .selectFrom('planTargets as t')
    .innerJoin('plans as p', 'p.id', 't.planId')
    .innerJoin('indicators as i', 'i.id', 't.indicatorId')
    .select('t.communeId')
    .distinct()
    .where('t.kind', '=', 'target')
    .where('p.archivedAt', 'is', null)
    .where('i.code', 'in', CODES)
    .orderBy('t.communeId')
    .execute();
  let written = 0;
  const failed: { communeId: string; error: string }[] = [];
  for (const c of communes) {
    try {
      written += await inTransaction(ctx, (tx) => refreshComputedValues(tx, c.communeId, { today }));
    } catch (e) {
      // Reported with the run's result (the loop logs it); the other communes still get their figures.
      failed.push({ communeId: c.communeId, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return { communes: communes.length, written, failed };
}
