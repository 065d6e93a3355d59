/**
 * Writing indicator values: every value keeps its provenance, and the target's rollup row
 * (target_latest) is brought up to date in the same transaction, so the commune, province
 * and national views show it at once — no nightly analytics run.
 */
import { sql } from 'kysely';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { reading, together } from '../../platform/db/reading.ts';
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

/** What writing a target's values needs to know of it: its place, its indicator, what it aims at, its plan's first year. */
const recordable = (db: Db) =>
  db
    .selectFrom('planTargets as t')
    .innerJoin('plans as p', 'p.id', 't.planId')
    .select([
      't.id',
      't.provinceId',
      't.communeId',
      't.indicatorId',
      't.comparator',
      't.value',
      't.valueMax',
      't.year',
      'p.periodFrom',
    ]);
export type TargetToRecord = Awaited<ReturnType<ReturnType<typeof recordable>['execute']>>[number];

/** A unit's targets of a plan as recordValues needs them — to read with other things and hand over. */
export const unitTargetsToRecord = (db: Db, planId: string, unitId: string) =>
  reading(
    db,
    recordable(db)
      .where('t.planId', '=', planId)
      .where('t.reportingUnitId', '=', unitId)
      .where('t.kind', '=', 'target'),
  );

/** Rows per INSERT: 14 parameters each stays far below PostgreSQL's 65,535 per statement. */
const CHUNK = 1000;

/**
 * Writes values and their targets' rollup rows set-wise: one multi-row upsert of the values
 * (per 1,000), one read of each touched target's latest value, one multi-row upsert of the
 * rollups — instead of three statements per value (a 300-value report or a file import made
 * ~900 round trips). A value given twice for the same target, period and source keeps the
 * last one, as writing them one after the other did.
 */
export async function recordValues(tx: Ctx, values: NewValue[], read: TargetToRecord[] = []): Promise<void> {
  if (!values.length) return;
  // Values and their rollups are written together or not at all (and the latest-value read below must follow the writes on one connection).
  if (!tx.db.isTransaction) return inTransaction(tx, (inner) => recordValues(inner, values, read));
  const unique = new Map<string, NewValue>();
  for (const v of values) unique.set(`${v.targetId} ${v.periodCode} ${v.source}`, v);
  // The targets the caller has read already (a unit's, read with its report); the others now.
  const readOf = new Map(read.map((t) => [t.id, t]));
  const targetIds = [...new Set(values.map((v) => v.targetId))];
  const unread = targetIds.filter((id) => !readOf.has(id));
  const targets = [
    ...targetIds.flatMap((id) => readOf.get(id) ?? []),
    ...(unread.length ? await recordable(tx.db).where('t.id', 'in', unread).execute() : []),
  ];
  if (!targets.length) return;
  const targetOf = new Map(targets.map((t) => [t.id, t]));
  const rows = [...unique.values()].flatMap((v) => {
    const t = targetOf.get(v.targetId);
    return t
      ? [
          {
            provinceId: t.provinceId,
            communeId: t.communeId,
            targetId: t.id,
            indicatorId: t.indicatorId,
            periodCode: v.periodCode,
            periodEnd: v.periodEnd,
            value: v.value,
            numerator: v.numerator,
            denominator: v.denominator,
            source: v.source,
            sourceRef: v.sourceRef,
            producedBy: v.producedBy,
            producer: v.producer ?? null,
            sourceLink: v.sourceLink ?? null,
          },
        ]
      : [];
  });
  const writes = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    writes.push(
      reading(
        tx.db,
        tx.db
          .insertInto('indicatorValues')
          .values(rows.slice(i, i + CHUNK))
          .onConflict((oc) =>
            oc.columns(['targetId', 'periodCode', 'source']).doUpdateSet((eb) => ({
              value: eb.ref('excluded.value'),
              numerator: eb.ref('excluded.numerator'),
              denominator: eb.ref('excluded.denominator'),
              sourceRef: eb.ref('excluded.sourceRef'),
              producedBy: eb.ref('excluded.producedBy'),
              producer: eb.ref('excluded.producer'),
              sourceLink: eb.ref('excluded.sourceLink'),
              producedAt: sql`now()`,
            })),
          ),
      ),
    );
  }
  // The latest value of each target, whichever source: the newest period, then the newest write.
  // Read after the writes in the same trip (reading.ts): it needs nothing from their answers.
  const latestOf = reading(
    tx.db,
    tx.db
      .selectFrom('indicatorValues')
      .select(['targetId', 'value', 'periodCode', 'periodEnd', 'source'])
      .distinctOn('targetId')
      .where('communeId', 'in', [...new Set(targets.map((t) => t.communeId))])
      .where(
        'targetId',
        'in',
        targets.map((t) => t.id),
      )
      .orderBy('targetId')
      .orderBy('periodEnd', 'desc')
      .orderBy('producedAt', 'desc'),
  );
  const latest = (await together([...writes, latestOf])).at(-1) as Awaited<typeof latestOf>;
  const rollups = latest.map((l) => {
    const t = targetOf.get(l.targetId)!;
    const target = {
      comparator: t.comparator,
      value: Number(t.value),
      valueMax: t.valueMax === null ? null : Number(t.valueMax),
      year: t.year,
    };
    const value = Number(l.value);
    return {
      targetId: t.id,
      provinceId: t.provinceId,
      communeId: t.communeId,
      indicatorId: t.indicatorId,
      value,
      periodCode: l.periodCode,
      periodEnd: l.periodEnd,
      attainment: attainment(target, value),
      status: targetStatus(target, value, { date: l.periodEnd, planStartYear: t.periodFrom }),
      source: l.source,
    };
  });
  for (let i = 0; i < rollups.length; i += CHUNK) {
    await tx.db
      .insertInto('targetLatest')
      .values(rollups.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.column('targetId').doUpdateSet((eb) => ({
          provinceId: eb.ref('excluded.provinceId'),
          communeId: eb.ref('excluded.communeId'),
          indicatorId: eb.ref('excluded.indicatorId'),
          value: eb.ref('excluded.value'),
          periodCode: eb.ref('excluded.periodCode'),
          periodEnd: eb.ref('excluded.periodEnd'),
          attainment: eb.ref('excluded.attainment'),
          status: eb.ref('excluded.status'),
          source: eb.ref('excluded.source'),
          updatedAt: sql`now()`,
        })),
      )
      .execute();
  }
}
