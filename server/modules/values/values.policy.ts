/**
 * Who may import indicator values from a file, and where — pure, deny by default. The plan
 * officer and the leaders for their commune, the province's officer (Sở KH&CN) for the
 * communes of the province, the system administrator anywhere. Other administrators manage
 * people and the tree, not figures; unit officers report through their unit's form.
 */
import type { Actor, Grant } from '../../platform/access.ts';
import type { Role } from '../../platform/platform.tables.ts';

const COMMUNE_IMPORTERS: Role[] = ['plan_officer', 'commune_leader'];

function covers(g: Grant, place: { provinceId: string; communeId: string | null }): boolean {
  if (g.role === 'system_admin' && g.orgKind === 'nation') return true;
  if (g.role === 'province_officer' && g.orgKind === 'province') return g.provinceId === place.provinceId;
  if (COMMUNE_IMPORTERS.includes(g.role) && g.orgKind === 'commune')
    return place.communeId !== null && g.communeId === place.communeId;
  return false;
}

/** May import values for this commune — or, with communeId null, for the province as a whole. */
export const canImportValues = (actor: Actor | null, place: { provinceId: string; communeId: string | null }) =>
  !!actor?.grants.some((g) => covers(g, place));

/** May import values anywhere at all (decides 403 before a file is even read). */
export const isImporter = (actor: Actor | null) =>
  !!actor?.grants.some(
    (g) =>
      (g.role === 'system_admin' && g.orgKind === 'nation') ||
      (g.role === 'province_officer' && g.orgKind === 'province') ||
      (COMMUNE_IMPORTERS.includes(g.role) && g.orgKind === 'commune'),
  );
