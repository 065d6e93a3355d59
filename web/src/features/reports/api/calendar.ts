import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrgNodeDetail } from '../../../../../server/modules/org/org.contract.ts';
import { get, patch, post } from '../../../lib/api-client.ts';
import { reportKeys, type CalendarView, type PeriodView } from './types.ts';

export type OrgNode = z.infer<typeof OrgNodeDetail>;

export function useCalendar(communeId: string | undefined, year: number) {
  return useQuery({
    queryKey: reportKeys.calendar(communeId ?? '', year),
    enabled: !!communeId,
    queryFn: () => get<CalendarView>('/reporting/calendar', { communeId, year }),
  });
}

/** An organisation node with its ancestors and children (commune of a unit, communes of a province). */
export function useOrgNode(id: string | undefined) {
  return useQuery({
    queryKey: ['reports', 'org', id],
    enabled: !!id,
    staleTime: 5 * 60_000,
    queryFn: () => get<OrgNode>(`/org/units/${id}`),
  });
}

/** The commune's plans: the calendar is generated from each plan's reporting rules. */
export function useCommunePlans(communeId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['reports', 'plans', communeId],
    enabled: !!communeId && enabled,
    queryFn: () => get<{ items: { id: string; title: string }[] }>('/plans', { communeId }),
  });
}

export function useGenerateCalendar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, year }: { planId: string; year: number }) =>
      post<CalendarView & { added: number }>(`/reporting/plans/${planId}/calendar`, { year }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reports', 'calendar'] }),
  });
}

export function useUpdatePeriod() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, dueOn }: { id: string; dueOn: string }) =>
      patch<PeriodView>(`/reporting/periods/${id}`, { dueOn }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.all }),
  });
}
