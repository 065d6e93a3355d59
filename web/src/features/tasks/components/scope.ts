import { useSearchParams } from 'react-router-dom';
import type { CurrentUser } from '../../../lib/session.ts';
import { useOrgNode } from '../api/lookups.ts';
import type { TaskFilter } from '../api/types.ts';

/**
 * Where the person works: their commune (a commune grant, or the commune of their unit) and,
 * for province officers, their province (they pick a commune). The server decides what they see.
 */
export function useHomeScope(user: CurrentUser) {
  const commune = user.grants.find((g) => g.orgKind === 'commune');
  const province = user.grants.find((g) => g.orgKind === 'province');
  const unit = user.grants.find((g) => g.orgKind === 'unit');
  const lookup = commune || province ? undefined : (unit?.orgUnitId ?? user.orgUnitId);
  const node = useOrgNode(lookup);
  return {
    communeId:
      commune?.orgUnitId ?? (node.data?.kind === 'commune' ? node.data.id : (node.data?.communeId ?? undefined)),
    provinceId: province?.orgUnitId ?? node.data?.provinceId ?? undefined,
    unitId: unit?.orgUnitId,
    isProvince: !!province,
    isNation: user.grants.some((g) => g.orgKind === 'nation'),
    pending: !!lookup && node.isPending,
  };
}

const FILTER_KEYS = ['communeId', 'planId', 'groupName', 'unitId', 'assigneeId', 'year'] as const;

/** The filter in the address (so a filtered board can be bookmarked or sent), with the home commune by default. */
export function useTaskFilter(user: CurrentUser) {
  const home = useHomeScope(user);
  const [params, setParams] = useSearchParams();
  const filter: TaskFilter = { communeId: params.get('communeId') ?? home.communeId };
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (!v || k === 'communeId') continue;
    if (k === 'year') filter.year = Number(v) || undefined;
    else filter[k] = v;
  }
  const set = (patch: Partial<TaskFilter>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === null || v === '') p.delete(k);
          else p.set(k, String(v));
        }
        if ('planId' in patch) p.delete('groupName');
        if ('communeId' in patch) ['planId', 'groupName', 'unitId', 'assigneeId'].forEach((k) => p.delete(k));
        return p;
      },
      { replace: true },
    );
  return { filter, set, home, ready: !!filter.communeId };
}
