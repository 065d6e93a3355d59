import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CriteriaSetList, CriteriaSetView } from '../../../../../server/modules/indicators/indicators.contract.ts';
import { get, post } from '../../../lib/api-client.ts';
import { catalogueKeys } from './indicators.ts';

export type CriteriaSetSummary = z.infer<typeof CriteriaSetList>['items'][number];
export type CriteriaSet = z.infer<typeof CriteriaSetView>;
export type Criterion = CriteriaSet['criteria'][number];
export type ScoringRule = Criterion['scoring'];

export function useCriteriaSets() {
  return useQuery({
    queryKey: catalogueKeys.sets,
    queryFn: () => get<{ items: CriteriaSetSummary[] }>('/catalogue/criteria-sets'),
  });
}
export function useCriteriaSet(id: string | null) {
  return useQuery({
    queryKey: [...catalogueKeys.sets, id],
    enabled: !!id,
    queryFn: () => get<CriteriaSet>(`/catalogue/criteria-sets/${id}`),
  });
}
/** The body is the person's pasted JSON; the server validates it. */
export function useCreateCriteriaSet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => post<CriteriaSet>('/catalogue/criteria-sets', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: catalogueKeys.sets }),
  });
}
