import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateIndicatorBody,
  IndicatorDomain,
  IndicatorView,
} from '../../../../../server/modules/indicators/indicators.contract.ts';
import { get, patch, post } from '../../../lib/api-client.ts';

export type Indicator = z.infer<typeof IndicatorView>;
export type Domain = z.infer<typeof IndicatorDomain>;
export type IndicatorInput = z.input<typeof CreateIndicatorBody>;

export const catalogueKeys = { indicators: ['catalogue', 'indicators'] as const, sets: ['catalogue', 'sets'] as const };

export const listIndicators = (q: string, domain?: Domain) =>
  get<{ items: Indicator[] }>('/catalogue/indicators', { q: q || undefined, domain });
export function useIndicators(q: string, domain?: Domain) {
  return useQuery({
    queryKey: [...catalogueKeys.indicators, q, domain ?? null],
    queryFn: () => listIndicators(q, domain),
    placeholderData: keepPreviousData,
  });
}

function useCatalogueMutation<V>(fn: (v: V) => Promise<Indicator>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: catalogueKeys.indicators });
      void qc.invalidateQueries({ queryKey: ['plans'] }); // plan pages show indicator names
    },
  });
}

export const useCreateIndicator = () =>
  useCatalogueMutation((body: IndicatorInput) => post<Indicator>('/catalogue/indicators', body));
export const useUpdateIndicator = (id: string) =>
  useCatalogueMutation((body: Omit<Partial<IndicatorInput>, 'code'>) =>
    patch<Indicator>(`/catalogue/indicators/${id}`, body),
  );
export const useMergeIndicator = (id: string) =>
  useCatalogueMutation((intoId: string) => post<Indicator>(`/catalogue/indicators/${id}/merge`, { intoId }));
