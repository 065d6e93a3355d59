/**
 * The values module's SQL: indicator values with their provenance, each target's rollup row
 * (target_latest) and the plan targets values belong to. A value takes its place (province,
 * commune) and its catalogue indicator from its target, in the statement that writes it.
 * (The reads and writes of value files, indicator_imports, are in imports.service.ts.)
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { reading } from '../../platform/db/reading.ts';
import type { TargetLatestTable } from './values.tables.ts';

/** A value to write; its place and indicator come from its target. */
export interface ValueRow {
  targetId: string;
  periodCode: string;
  periodEnd: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: 'report' | 'computed' | 'import';
  sourceRef: string | null;
  producedBy: string | null;
  producer: string | null;
  sourceLink: string | null;
}

/**
 * Upserts values (one per target, period and source: a later one replaces the earlier), each
 * with the place and indicator of its target — INSERT … SELECT … JOIN plan_targets, so the
 * caller need not read the targets first; a value whose target does not exist is skipped.
 * The rows travel as one JSON parameter: one statement text whatever their number (the
 * embedded database plans it once), and no limit of 65,535 parameters.
 */
export const upsertValues = (db: Db, rows: ValueRow[]) =>
  reading(
    db,
    sql`insert into indicator_values (province_id, commune_id, target_id, indicator_id, period_code, period_end, value,
        numerator, denominator, source, source_ref, produced_by, producer, source_link)
      select t.province_id, t.commune_id, t.id, t.indicator_id, v.period_code, v.period_end, v.value,
        v.numerator, v.denominator, v.source, v.source_ref, v.produced_by, v.producer, v.source_link
      from json_to_recordset(${JSON.stringify(
        rows.map((r) => ({
          target_id: r.targetId,
          period_code: r.periodCode,
          period_end: r.periodEnd,
          value: r.value,
          numerator: r.numerator,
          denominator: r.denominator,
          source: r.source,
          source_ref: r.sourceRef,
          produced_by: r.producedBy,
          producer: r.producer,
          source_link: r.sourceLink,
        })),
      )}::json) as v (target_id uuid, period_code text, period_end date, value numeric, numerator numeric,
        denominator numeric, source text, source_ref text, produced_by uuid, producer text, source_link text)
      join plan_targets t on t.id = v.target_id
      on conflict (target_id, period_code, source) do update set
        value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
        source_ref = excluded.source_ref, produced_by = excluded.produced_by, producer = excluded.producer,
        source_link = excluded.source_link, produced_at = now()`,
  );

/**
 * What each target's rollup needs: the target (its place, its indicator, what it aims at, its
 * plan's first year) with its latest value, whichever source — the newest period, then the
 * newest write. One keyed step of the (commune_id, target_id, period_end) index per target
 * (a lateral join), not a sort of the target's whole history; a target with no value is left out.
 */
export const targetsWithLatestValue = (db: Db, targetIds: string[]) =>
  reading(
    db,
    db
      .selectFrom('planTargets as t')
      .innerJoin('plans as p', 'p.id', 't.planId')
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('indicatorValues as v')
            .select(['v.value', 'v.periodCode', 'v.periodEnd', 'v.source'])
            .whereRef('v.communeId', '=', 't.communeId')
            .whereRef('v.targetId', '=', 't.id')
            .orderBy('v.periodEnd', 'desc')
            .orderBy('v.producedAt', 'desc')
            // A literal: under a prepared statement's generic plan a parameter would hide "one row" from the planner.
            .limit(sql.lit(1))
            .as('l'),
        (join) => join.onTrue(),
      )
      .select([
        't.id',
        't.provinceId',
        't.communeId',
        't.indicatorId',
        't.comparator',
        't.value as targetValue',
        't.valueMax',
        't.year',
        'p.periodFrom',
        'l.value',
        'l.periodCode',
        'l.periodEnd',
        'l.source',
      ])
      .where('t.id', 'in', targetIds),
  );

/** Rows per rollup INSERT: 10 parameters each stays far below PostgreSQL's 65,535 per statement. */
const ROLLUP_CHUNK = 1000;

/** Writes the targets' rollup rows (one per target), replacing what they held. */
export async function upsertRollups(db: Db, rows: Omit<TargetLatestTable, 'updatedAt'>[]) {
  for (let i = 0; i < rows.length; i += ROLLUP_CHUNK) {
    await db
      .insertInto('targetLatest')
      .values(rows.slice(i, i + ROLLUP_CHUNK))
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

// ——— Computed values ———

/** The targets of the commune's current plans linked to one of these catalogue indicators. */
export function linkedTargets(db: Db, communeId: string, codes: readonly string[]) {
  return db
    .selectFrom('planTargets as t')
    .innerJoin('plans as p', 'p.id', 't.planId')
    .innerJoin('indicators as i', 'i.id', 't.indicatorId')
    .select(['t.id', 't.provinceId', 'i.code'])
    .where('t.communeId', '=', communeId)
    .where('t.kind', '=', 'target')
    .where('p.archivedAt', 'is', null)
    .where('i.code', 'in', codes)
    .execute();
}

/** The communes with a target of a current plan linked to one of these catalogue indicators. */
export function communesWithLinkedTargets(db: Db, codes: readonly string[]) {
  return db
    .selectFrom('planTargets as t')
    .innerJoin('plans as p', 'p.id', 't.planId')
    .innerJoin('indicators as i', 'i.id', 't.indicatorId')
    .select('t.communeId')
    .distinct()
    .where('t.kind', '=', 'target')
    .where('p.archivedAt', 'is', null)
    .where('i.code', 'in', codes)
    .orderBy('t.communeId')
    .execute();
}

/** The computed values the targets hold for a period (to write only what changed). */
export function storedComputedValues(db: Db, communeId: string, targetIds: string[], periodCode: string) {
  return db
    .selectFrom('indicatorValues')
    .select(['targetId', 'value', 'numerator', 'denominator'])
    .where('communeId', '=', communeId)
    .where('targetId', 'in', targetIds)
    .where('periodCode', '=', periodCode)
    .where('source', '=', 'computed')
    .execute();
}
