import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrgNodeDetail } from '../../../../../server/modules/org/org.contract.ts';
import type { UserPage } from '../../../../../server/modules/users/users.contract.ts';
import type { PlanView as PlanViewSchema } from '../../../../../server/modules/plans/plans.contract.ts';
import { get } from '../../../lib/api-client.ts';

export type OrgNode = z.infer<typeof OrgNodeDetail>;
export type PlanView = z.infer<typeof PlanViewSchema>;
export interface Person {
  id: string;
  username: string;
  fullName: string;
  unitName: string;
}

/** An organisation node with its children: a commune's units, a province's communes. */
export function useOrgNode(id: string | undefined) {
  return useQuery({
    queryKey: ['tasks', 'org', id],
    enabled: !!id,
    staleTime: 5 * 60_000,
    queryFn: () => get<OrgNode>(`/org/units/${id}`),
  });
}

/** The open units of a commune, for lead and partner pickers and the unit filter. */
export function useCommuneUnits(communeId: string | undefined) {
  const node = useOrgNode(communeId);
  const units = (node.data?.children ?? [])
    .filter((c) => c.kind === 'unit' && !c.closedOn)
    .map((c) => ({ id: c.id, name: c.name }));
  return { units, isPending: node.isPending && !!communeId };
}

/**
 * The commune's officers (not citizens), for the responsible-person and approver pickers and
 * @-mentions. Needs 'users.read' (leaders, the plan officer); others get an empty list.
 */
export function useCommuneStaff(communeId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['tasks', 'staff', communeId],
    enabled: !!communeId && enabled,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<Person[]> => {
      const page = await get<z.infer<typeof UserPage>>('/users', { orgUnitId: communeId, limit: 100 });
      return page.items
        .filter((u) => !u.isDisabled && u.grants.some((g) => g.role !== 'citizen'))
        .map((u) => ({ id: u.id, username: u.username, fullName: u.fullName, unitName: u.orgUnitName }));
    },
  });
}

/** The commune's plans (for the plan filter and the "from plan" entry). */
export function useCommunePlans(communeId: string | undefined) {
  return useQuery({
    queryKey: ['tasks', 'plans', communeId],
    enabled: !!communeId,
    staleTime: 60_000,
    queryFn: () => get<{ items: { id: string; title: string; communeId: string }[] }>('/plans', { communeId }),
  });
}

/** One plan with its tasks' groups and its targets. */
export function usePlan(planId: string | undefined) {
  return useQuery({
    queryKey: ['tasks', 'plan', planId],
    enabled: !!planId,
    staleTime: 60_000,
    queryFn: () => get<PlanView>(`/plans/${planId}`),
  });
}
