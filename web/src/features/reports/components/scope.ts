import type { CurrentUser } from '../../../lib/session.ts';
import { useOrgNode } from '../api/calendar.ts';

/**
 * Where the person reports: their commune (from a commune grant, or the commune of their unit)
 * and, for province officers, their province. The server decides what they may see.
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
    isProvince: !!province,
    pending: !!lookup && node.isPending,
  };
}

export const thisYear = () => new Date().getFullYear();
export const yearOptions = (around = thisYear()) =>
  [around - 1, around, around + 1].map((y) => ({ value: y, label: String(y) }));
