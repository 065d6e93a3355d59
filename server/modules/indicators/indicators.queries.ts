import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { IndicatorView } from './indicators.contract.ts';

const COLUMNS = [
  'i.id',
  'i.code',
  'i.name',
  'i.unit',
  'i.domain',
  'i.description',
  'i.numerator',
  'i.denominator',
  'i.source',
  'i.aliases',
  'i.provinceId',
  'i.mergedIntoId',
] as const;

function base(db: Db) {
  return db
    .selectFrom('indicators as i')
    .select(COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('planTargets as t')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('t.indicatorId', '=', 'i.id')
        .as('targetCount'),
    );
}

/** An entry as stored; the service adds what the actor may do with it. */
export type CatalogueEntryRow = Omit<IndicatorView, 'editable'>;

const toView = (r: Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>): CatalogueEntryRow => ({
  ...r,
  domain: r.domain as IndicatorView['domain'],
  aliases: (r.aliases as string[]) ?? [],
  targetCount: Number(r.targetCount ?? 0),
});

export async function listIndicators(db: Db, f: { folded?: string; domain?: string; includeMerged: boolean }) {
  let q = base(db).orderBy('i.code');
  if (!f.includeMerged) q = q.where('i.mergedIntoId', 'is', null);
  if (f.domain) q = q.where('i.domain', '=', f.domain as never);
  if (f.folded) {
    const like = `%${f.folded.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('i.searchText', 'like', like),
        eb('i.code', 'ilike', like),
        eb(sql`lower(f_unaccent(i.aliases::text))`, 'like', like),
      ]),
    );
  }
  return (await q.execute()).map(toView);
}

export async function findIndicator(db: Db, id: string) {
  const r = await base(db).where('i.id', '=', id).executeTakeFirst();
  return r ? toView(r) : undefined;
}

/** Every live catalogue entry in the compact form the suggestion rule needs. */
export async function listCatalogueForMatching(db: Db) {
  const rows = await db
    .selectFrom('indicators')
    .select(['id', 'name', 'unit', 'aliases'])
    .where('mergedIntoId', 'is', null)
    .execute();
  return rows.map((r) => ({ ...r, aliases: (r.aliases as string[]) ?? [] }));
}

/**
 * Of these ids, the catalogue entries a plan or a criteria set of this province may link to: the
 * shared ones and the province's own (never another province's own entries).
 */
export async function linkableIndicatorIds(db: Db, provinceId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('indicators')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .where((eb) => eb.or([eb('provinceId', 'is', null), eb('provinceId', '=', provinceId)]))
    .execute();
  return new Set(rows.map((r) => r.id));
}
