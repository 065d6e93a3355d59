import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { expectedUnits, type PeriodRow } from './reporting.queries.ts';

export interface KnownValue {
  value: number;
  numerator: number;
  denominator: number;
  /** Shown beside the pre-filled value: where it comes from. */
  source: string;
}

/** Where the reporting figures come from, in words (prefill note and dashboard provenance). */
export const REPORTING_PRODUCER = 'Tính từ hệ thống báo cáo của Xã Số';

export interface ReportingFigures {
  /** Unit reports due by `asOf` (periods × expected units). */
  due: number;
  /** …of which submitted through Xã Số (submitted or approved). */
  submitted: number;
  /** …of which submitted no later than the period's deadline. */
  onTime: number;
}

const percent = (n: number, d: number) => Math.round((10_000 * n) / d) / 100;

/**
 * The unit reports of a commune whose deadline falls on or before `asOf` ('YYYY-MM-DD'):
 * how many were due, submitted through the system, and submitted on time. One function for
 * both users of these figures: the pre-fill of a unit's report form (asOf = the period's end)
 * and the computed indicator values of the dashboards (asOf = today).
 */
export async function reportingFigures(db: Db, communeId: string, asOf: string): Promise<ReportingFigures> {
  const due = await db
    .selectFrom('reportingPeriods as p')
    .select(['p.id', 'p.planId'])
    .where('p.communeId', '=', communeId)
    .where('p.level', '=', 'unit')
    .where('p.dueOn', '<=', asOf)
    .execute();
  if (!due.length) return { due: 0, submitted: 0, onTime: 0 };
  const counts = await db
    .selectFrom('reportSubmissions')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.count<number>('id').filterWhere('isLate', '=', false).as('onTime'),
    ])
    .where('communeId', '=', communeId)
    .where(
      'periodId',
      'in',
      due.map((d) => d.id),
    )
    .where('status', 'in', ['submitted', 'approved'])
    .executeTakeFirstOrThrow();
  let expected = 0;
  for (const planId of new Set(due.map((d) => d.planId)))
    expected += (await expectedUnits(db, planId)).length * due.filter((d) => d.planId === planId).length;
  return { due: expected, submitted: Number(counts.n), onTime: Number(counts.onTime) };
}

/**
 * The reporting figures as catalogue-coded values (a share needs something due):
 * - CQS-08 "Tỷ lệ báo cáo thực hiện trên Hệ thống thông tin báo cáo": submitted ÷ due;
 * - CQS-18 "Tỷ lệ báo cáo định kỳ của đơn vị nộp đúng hạn": submitted on time ÷ due.
 */
export function reportingValues(f: ReportingFigures, source = REPORTING_PRODUCER): Map<string, KnownValue> {
  const out = new Map<string, KnownValue>();
  if (f.due > 0) {
    out.set('CQS-08', { value: percent(f.submitted, f.due), numerator: f.submitted, denominator: f.due, source });
    out.set('CQS-18', { value: percent(f.onTime, f.due), numerator: f.onTime, denominator: f.due, source });
  }
  return out;
}

/**
 * Values the platform computes from its own records for a period, keyed by catalogue code,
 * so units never retype them (the pre-fill of a unit's report form).
 */
export async function platformValues(ctx: Ctx, period: PeriodRow): Promise<Map<string, KnownValue>> {
  return reportingValues(await reportingFigures(ctx.db, period.communeId, period.endOn));
}
