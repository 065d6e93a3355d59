import { useQuery } from '@tanstack/react-query';
import { get } from '../../../lib/api-client.ts';
import { planKeys, type PlanView, type VersionView } from './types.ts';

export const getPlan = (id: string) => get<PlanView>(`/plans/${encodeURIComponent(id)}`);
export const getVersion = (id: string, no: number) =>
  get<VersionView>(`/plans/${encodeURIComponent(id)}/versions/${no}`);

export function usePlan(id: string) {
  return useQuery({ queryKey: planKeys.plan(id), queryFn: () => getPlan(id) });
}

/** An old version never changes: keep it as long as the page lives. */
export function usePlanVersion(id: string, no: number) {
  return useQuery({ queryKey: planKeys.version(id, no), queryFn: () => getVersion(id, no), staleTime: Infinity });
}
