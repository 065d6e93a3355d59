import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { IndicatorView } from '../../../../../server/modules/indicators/indicators.contract.ts';
import type { OrgNodeDetail } from '../../../../../server/modules/org/org.contract.ts';
import { get } from '../../../lib/api-client.ts';

export type Indicator = z.infer<typeof IndicatorView>;

/** Catalogue indicators for linking a target (accent-free search on the server). */
export const searchIndicators = (q: string) =>
  get<{ items: Indicator[] }>('/catalogue/indicators', { q: q || undefined });
export function useIndicatorSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: ['plans', 'indicators', q],
    queryFn: () => searchIndicators(q),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 60_000,
  });
}

/** The commune's units, for choosing a task's lead unit. */
export function useCommuneUnits(communeId: string | undefined) {
  return useQuery({
    queryKey: ['plans', 'units', communeId],
    enabled: !!communeId,
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const node = await get<z.infer<typeof OrgNodeDetail>>(`/org/units/${communeId}`);
      return node.children.filter((c) => c.kind === 'unit' && !c.closedOn).map((c) => ({ id: c.id, name: c.name }));
    },
  });
}
