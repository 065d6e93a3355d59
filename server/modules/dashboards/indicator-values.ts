/**
 * Writing indicator values: every value keeps its provenance, and the target's rollup row
 * (target_latest) is brought up to date in the same transaction, so the commune, province
 * and national views show it at once — no nightly analytics run.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { attainment, targetStatus } from '../reporting/reporting.rules.ts';

export interface NewValue {
  targetId: string;
  periodCode: string;
  periodEnd: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: 'report' | 'computed' | 'import';
  sourceRef: string | null;
  producedBy: string | null;
  /** What produced it, in words: "Mô-đun nhiệm vụ của Xã Số", 'Tệp "so-lieu.xlsx", dòng 7'. */
  producer?: string | null;
  /** The records behind a computed value (an API query). */
  sourceLink?: string | null;
}

export async function recordValues(tx: Ctx, values: NewValue[]) {
  if (!values.length) return;
  const targets = await tx.db
    .selectFrom('planTargets as t')
    .innerJoin('plans as p', 'p.id', 't.planId')
    .select(['t.id', 't.provinceId', 't.communeId', 't.indicatorId', 't.comparator', 't.value', 't.valueMax', 't.year', 'p.periodFrom'])
    .where('t.id', 'in', values.map((v) => v.targetId))
    .execute();
  for (const v of values) {
    const t = targets.find((x) => x.id === v.targetId);
    if (!t) continue;
    await tx.db
      .insertInto('indicatorValues')
      .values({ provinceId: t.provinceId, communeId: t.communeId, targetId: t.id, indicatorId: t.indicatorId, periodCode: v.periodCode, periodEnd: v.periodEnd, value: v.value, numerator: v.numerator, denominator: v.denominator, source: v.source, sourceRef: v.sourceRef, producedBy: v.producedBy, producer: v.producer ?? null, sourceLink: v.sourceLink ?? null })
      .onConflict((oc) => oc.columns(['targetId', 'periodCode', 'source']).doUpdateSet({ value: v.value, numerator: v.numerator, denominator: v.denominator, sourceRef: v.sourceRef, producedBy: v.producedBy, producer: v.producer ?? null, sourceLink: v.sourceLink ?? null, producedAt: sql`now()` }))
      .execute();
    // The latest value of the target, whichever source: the newest period, then the newest write.
    const latest = await tx.db.selectFrom('indicatorValues').selectAll().where('targetId', '=', t.id).orderBy('periodEnd', 'desc').orderBy('producedAt', 'desc').limit(1).executeTakeFirstOrThrow();
    const target = { comparator: t.comparator, value: Number(t.value), valueMax: t.valueMax === null ? null : Number(t.valueMax), year: t.year };
    const value = Number(latest.value);
    const row = {
      provinceId: t.provinceId, communeId: t.communeId, indicatorId: t.indicatorId, value, periodCode: latest.periodCode, periodEnd: latest.periodEnd,
      attainment: attainment(target, value), status: targetStatus(target, value, { date: latest.periodEnd, planStartYear: t.periodFrom }), source: latest.source,
    };
    await tx.db.insertInto('targetLatest').values({ targetId: t.id, ...row }).onConflict((oc) => oc.column('targetId').doUpdateSet({ ...row, updatedAt: sql`now()` })).execute();
  }
}
