/**
 * Recounting the values Xã Số computes from its own records (the declarations of
 * computed-indicators.ts) for one commune: in the transaction of a write whose event a
 * declaration names (values.subscribers.ts), and once a day for every commune (a task falls
 * overdue with the date alone, no write to trigger it). It rewrites the commune's computed
 * values for the current quarter and their rollup rows (target_latest), so the commune,
 * province and national views show them as soon as the write commits; a dashboard request
 * never counts tasks or reports itself. It returns at once (one indexed query) when no target
 * of the commune's plans is linked to one of the indicators recounted.
 */
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { vietnamToday } from '../calendar/index.ts';
import { COMPUTED_INDICATORS, sourcesFor, type ComputedIndicator } from './computed-indicators.ts';
import { recordValues, type NewValue } from './indicator-values.ts';
import { figureOf, quarterOf } from './values.rules.ts';
import * as q from './values.queries.ts';

/**
 * Recounts the commune's computed values for the current quarter — all of them, or the
 * `indicators` a write's events can have changed — and writes those that changed. Returns how
 * many were written.
 */
export async function recountComputedValues(
  tx: Ctx,
  communeId: string,
  opts: { today?: string; indicators?: readonly ComputedIndicator[] } = {},
): Promise<number> {
  const today = opts.today ?? vietnamToday();
  const indicators = opts.indicators ?? COMPUTED_INDICATORS;
  if (!indicators.length) return 0;
  const targets = await q.linkedTargets(
    tx.db,
    communeId,
    indicators.map((d) => d.code),
  );
  if (!targets.length) return 0;
  // Each count once, each source once (memoised): three task figures, one read of the tasks.
  const sources = sourcesFor({ tx, provinceId: targets[0].provinceId, communeId, today });
  const linked = indicators.filter((d) => targets.some((t) => t.code === d.code));
  // One after the other: the transaction's connection runs one statement at a time anyway.
  const figures = new Map<string, ReturnType<typeof figureOf>>();
  for (const d of linked) figures.set(d.code, figureOf(await d.count(sources)));
  const period = quarterOf(today);
  const year = Number(today.slice(0, 4));
  const values: NewValue[] = targets.flatMap((t) => {
    const d = linked.find((x) => x.code === t.code)!;
    const f = figures.get(t.code);
    if (!f) return [];
    return [
      {
        targetId: t.id,
        periodCode: period.code,
        periodEnd: period.end,
        value: f.value,
        numerator: f.numerator,
        denominator: f.denominator,
        source: 'computed' as const,
        sourceRef: `${d.code}: ${d.formula} = ${f.numerator}/${f.denominator}`,
        producedBy: null,
        producer: d.producer,
        sourceLink: d.link(communeId, year),
      },
    ];
  });
  // Most writes (progress on a task, a report sent in another period) leave the figures as they were: write only what changed.
  const stored = values.length
    ? await q.storedComputedValues(
        tx.db,
        communeId,
        values.map((v) => v.targetId),
        period.code,
      )
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
 * The daily recount: every commune whose current plan has a target linked to a computed
 * indicator, one transaction each (a failure in one commune does not hold back the others'
 * figures; the next day's run tries again). Returns how many communes were read and how many
 * values changed.
 */
export async function recountAllCommunes(
  ctx: Ctx,
  today: string = vietnamToday(),
): Promise<{ communes: number; written: number; failed: { communeId: string; error: string }[] }> {
  const communes = await q.communesWithLinkedTargets(
    ctx.db,
    COMPUTED_INDICATORS.map((d) => d.code),
  );
  let written = 0;
  const failed: { communeId: string; error: string }[] = [];
  for (const c of communes) {
    try {
      written += await inTransaction(ctx, (tx) => recountComputedValues(tx, c.communeId, { today }));
    } catch (e) {
      // Reported with the run's result (the loop logs it); the other communes still get their figures.
      failed.push({ communeId: c.communeId, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return { communes: communes.length, written, failed };
}
