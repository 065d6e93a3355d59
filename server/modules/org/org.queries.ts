import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { reading, type Reading } from '../../platform/db/reading.ts';
import type { OrgNode } from './org.contract.ts';

const NODE_COLUMNS = [
  'id',
  'kind',
  'unitType',
  'code',
  'name',
  'fullName',
  'nameEn',
  'adminLevel',
  'parentId',
  'provinceId',
  'communeId',
  'openedOn',
  'closedOn',
] as const;

export function findNode(db: Db, id: string): Reading<(OrgNode & { path: string }) | undefined> {
  return reading(
    db,
    db
      .selectFrom('orgUnits')
      .select([...NODE_COLUMNS, 'path'])
      .where('id', '=', id),
    (rows) => rows.at(0),
  );
}

export function findNodeByCode(db: Db, code: string) {
  return db
    .selectFrom('orgUnits')
    .select([...NODE_COLUMNS, 'path'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Ancestors from the root down, found by the materialised path of codes. */
export async function listAncestors(db: Db, path: string): Promise<OrgNode[]> {
  const codes = path.split('/').filter(Boolean).slice(0, -1);
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('orgUnits')
    .select([...NODE_COLUMNS, 'path'])
    .where('code', 'in', codes)
    .execute();
  return rows.sort((a, b) => a.path.length - b.path.length).map(({ path: _p, ...n }) => n);
}

export async function listChildren(db: Db, parentId: string, includeClosed: boolean) {
  let q = db
    .selectFrom('orgUnits as o')
    .select(NODE_COLUMNS.map((c) => `o.${c}` as const))
    .select((eb) =>
      eb
        .selectFrom('orgUnits as c')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('c.parentId', '=', 'o.id')
        .where('c.closedOn', 'is', null)
        .as('childCount'),
    )
    .where('o.parentId', '=', parentId)
    .orderBy('o.sortKey');
  if (!includeClosed) q = q.where('o.closedOn', 'is', null);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, childCount: Number(r.childCount ?? 0) }));
}

export interface SearchScope {
  all: boolean;
  provinceIds: string[];
  communeIds: string[];
}

/** Accent-free search ("tuong linh" finds Tượng Lĩnh) limited to what the actor may read. */
export async function searchNodes(db: Db, folded: string, scope: SearchScope, kind: string | undefined, limit: number) {
  let q = db
    .selectFrom('orgUnits')
    .select([...NODE_COLUMNS, 'path'])
    .where('searchText', 'like', `%${folded.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)
    .where('kind', '!=', 'nation')
    .where('closedOn', 'is', null);
  if (kind) q = q.where('kind', '=', kind as never);
  if (!scope.all) {
    q = q.where((eb) =>
      eb.or([
        ...(scope.provinceIds.length ? [eb('provinceId', 'in', scope.provinceIds)] : []),
        ...(scope.communeIds.length ? [eb('communeId', 'in', scope.communeIds)] : []),
        eb.val(false),
      ]),
    );
  }
  return q
    .orderBy(sql`case kind when 'province' then 0 when 'commune' then 1 else 2 end`)
    .orderBy(sql`length(name)`)
    .orderBy('sortKey')
    .limit(limit)
    .execute();
}

export async function listNamesByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('orgUnits').select(['code', 'name']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function nextUnitCode(db: Db, communeCode: string): Promise<string> {
  const rows = await db.selectFrom('orgUnits').select('code').where('code', 'like', `${communeCode}-U%`).execute();
  const max = rows.reduce((m, r) => Math.max(m, Number.parseInt(r.code.slice(communeCode.length + 2), 10) || 0), 0);
  return `${communeCode}-U${String(max + 1).padStart(3, '0')}`;
}

/** Of these ids, the units (open or closed) of one commune: a write naming a unit checks it here. */
export async function unitIdsOfCommune(db: Db, communeId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('orgUnits')
    .select('id')
    .where('communeId', '=', communeId)
    .where('kind', '=', 'unit')
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}
