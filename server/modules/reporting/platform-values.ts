import type { Ctx } from '../../platform/context.ts';
import { expectedUnits, type PeriodRow } from './reporting.queries.ts';

export interface KnownValue {
  value: number;
  numerator: number;
  denominator: number;
  /** Shown beside the pre-filled value: where it comes from. */
  source: string;
}

/**
 * Values the platform computes from its own records for a period, keyed by catalogue code,
 * so units never retype them:
 * - CQS-08 "Tỷ lệ báo cáo thực hiện trên Hệ thống thông tin báo cáo": unit reports of the
 *   commune submitted through Xã Số ÷ unit reports due, for periods due by this one's end.
 */
export async function platformValues(ctx: Ctx, period: PeriodRow): Promise<Map<string, KnownValue>> {
  const out = new Map<string, KnownValue>();
  const due = await ctx.db
    .selectFrom('reportingPeriods as p')
    .select(['p.id', 'p.planId'])
    .where('p.communeId', '=', period.communeId)
    .where('p.level', '=', 'unit')
    .where('p.dueOn', '<=', period.endOn)
    .execute();
  if (due.length) {
    const submitted = await ctx.db
      .selectFrom('reportSubmissions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('periodId', 'in', due.map((d) => d.id))
      .where('status', 'in', ['submitted', 'approved'])
      .executeTakeFirstOrThrow();
    let expected = 0;
    for (const planId of new Set(due.map((d) => d.planId))) expected += (await expectedUnits(ctx.db, planId)).length * due.filter((d) => d.planId === planId).length;
    if (expected > 0) {
      const n = Number(submitted.n);
      out.set('CQS-08', { value: Math.round((10_000 * n) / expected) / 100, numerator: n, denominator: expected, source: 'Tính từ hệ thống báo cáo của Xã Số' });
    }
  }
  return out;
}
