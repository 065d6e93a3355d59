import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SearchResult } from '../../../../server/modules/org/org.contract.ts';
import { get } from '../api-client.ts';
import type { OrgKindValue } from '../labels.ts';

export type OrgSearchResult = z.infer<typeof SearchResult>;
export type OrgSearchItem = OrgSearchResult['items'][number];

/** Shared by the organisation browser and the unit pickers: accent-free search in the person's scope. */
export const searchOrg = (q: string, kind?: OrgKindValue, limit = 20) =>
  get<OrgSearchResult>('/org/search', { q, kind, limit });

export function useOrgSearch(q: string, kind?: OrgKindValue) {
  const term = q.trim();
  return useQuery({
    queryKey: ['org', 'search', term, kind ?? null],
    queryFn: () => searchOrg(term, kind),
    enabled: term.length >= 1,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
