/**
 * Who curates which part of the indicator catalogue (pure). The shared catalogue — entries with
 * no province, which every commune's plan links to — is national: only the national level (the
 * system administrator) edits or merges it. A province's own entries are edited by that
 * province's officers (and the national level). A province never rewrites what other provinces
 * rely on: before, Thanh Hoá's officer renamed a shared indicator and merged it into one of Thanh
 * Hoá's, moving a Hải Phòng commune's target onto it (issue 22, finding 4).
 */
import { scopeOf, type Actor } from '../../platform/access.ts';

export interface CatalogueEntry {
  provinceId: string | null;
}

/** Whether the actor edits this entry (rename, describe, merge it away, add aliases to it). */
export function canEditIndicator(actor: Actor, entry: CatalogueEntry): boolean {
  const scope = scopeOf(actor, 'catalogue.manage');
  if (scope.all) return true;
  return entry.provinceId !== null && scope.provinceIds.includes(entry.provinceId);
}

/** Whether the actor adds entries, and whose they are: the nation's (null) or their province's. */
export function newEntryProvince(actor: Actor): { may: boolean; provinceId: string | null } {
  const scope = scopeOf(actor, 'catalogue.manage');
  if (scope.all) return { may: true, provinceId: null };
  return scope.provinceIds.length ? { may: true, provinceId: scope.provinceIds[0] } : { may: false, provinceId: null };
}

export type MergeRefusal = 'FORBIDDEN' | 'NARROWER';

/**
 * Merging `from` into `into` moves from's links to into. The actor must edit `from`; `into` must
 * reach at least as far (a shared entry never merges into a province's own, which other provinces
 * may not use); a province's entry merges into its own province's or a shared one. Aliases are
 * added to `into` only when the actor edits it too (mergeAddsAliases).
 */
export function mergeRefusal(actor: Actor, from: CatalogueEntry, into: CatalogueEntry): MergeRefusal | null {
  if (!canEditIndicator(actor, from)) return 'FORBIDDEN';
  if (into.provinceId !== null && into.provinceId !== from.provinceId) return 'NARROWER';
  if (into.provinceId !== null && !canEditIndicator(actor, into)) return 'FORBIDDEN';
  return null;
}

export const mergeAddsAliases = (actor: Actor, into: CatalogueEntry) => canEditIndicator(actor, into);
