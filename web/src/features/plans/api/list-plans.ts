import { useQuery } from '@tanstack/react-query';
import { get } from '../../../lib/api-client.ts';
import { planKeys, type PlanSummary } from './types.ts';

export const listPlans = () => get<{ items: PlanSummary[] }>('/plans');

export function usePlanList() {
  return useQuery({ queryKey: planKeys.list(), queryFn: listPlans });
}
