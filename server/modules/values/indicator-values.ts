/**
 * Writing indicator values: every value keeps its provenance, and the target's rollup row
 * (target_latest) is brought up to date in the same transaction, so the commune, province
 * and national views show it at once — no nightly analytics run.
 */
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { together } from '../../platform/db/reading.ts';
import { attainment, targetStatus } from '../reporting/index.ts';
import * as q from './values.queries.ts';

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

/**
 * Writes values and their targets' rollup rows set-wise, in two trips to the database: one
 * upsert of all the values (each takes its place from its target in the statement) and the
 * read of each target with its latest value — sent together (platform/db/reading.ts), the read
 * after the write on one connection —, then one multi-row upsert of the rollups. A value given
 * twice for the same target, period and source keeps the last one, as writing them one after
 * the other did; a value of a target that does not exist is skipped.
 */
export async function recordValues(tx: Ctx, values: NewValue[]): Promise<void> {
  if (!values.length) return;
  // Values and their rollups are written together or not at all (and the latest-value read below must follow the writes on one connection).
  if (!tx.db.isTransaction) return inTransaction(tx, (inner) => recordValues(inner, values));
  const unique = new Map<string, NewValue>();
  for (const v of values) unique.set(`${v.targetId} ${v.periodCode} ${v.source}`, v);
  const rows = [...unique.values()].map((v) => ({
    ...v,
    producer: v.producer ?? null,
    sourceLink: v.sourceLink ?? null,
  }));
  const [, latest] = await together([
    q.upsertValues(tx.db, rows),
    q.targetsWithLatestValue(tx.db, [...new Set(rows.map((v) => v.targetId))]),
  ]);
  const rollups = latest.map((l) => {
    const target = {
      comparator: l.comparator,
      value: Number(l.targetValue),
      valueMax: l.valueMax === null ? null : Number(l.valueMax),
      year: l.year,
    };
    const value = Number(l.value);
    return {
      targetId: l.id,
      provinceId: l.provinceId,
      communeId: l.communeId,
      indicatorId: l.indicatorId,
      value,
      periodCode: l.periodCode,
      periodEnd: l.periodEnd,
      attainment: attainment(target, value),
      status: targetStatus(target, value, { date: l.periodEnd, planStartYear: l.periodFrom }),
      source: l.source,
    };
  });
  await q.upsertRollups(tx.db, rollups);
}
