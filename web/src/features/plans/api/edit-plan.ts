import { useMutation, useQueryClient } from '@tanstack/react-query';
import { del, patch, post } from '../../../lib/api-client.ts';
import {
  planKeys,
  type PlanHeader,
  type PlanView,
  type RuleContent,
  type TargetContent,
  type TaskContent,
} from './types.ts';

export type ItemKind = 'targets' | 'tasks' | 'reporting';
type Body = Partial<PlanHeader> | Partial<TargetContent> | Partial<TaskContent> | Partial<RuleContent>;

export type PlanEdit =
  | { op: 'header'; body: Partial<PlanHeader> }
  | { op: 'add'; kind: ItemKind; body: Body }
  | { op: 'update'; kind: ItemKind; itemId: string; body: Body }
  | { op: 'delete'; kind: ItemKind; itemId: string };

/** Every hand edit answers the whole plan, which replaces the cached one. */
export function editPlan(planId: string, e: PlanEdit): Promise<PlanView> {
  const base = `/plans/${encodeURIComponent(planId)}`;
  switch (e.op) {
    case 'header':
      return patch<PlanView>(base, e.body);
    case 'add':
      return post<PlanView>(`${base}/${e.kind}`, e.body);
    case 'update':
      return patch<PlanView>(`${base}/${e.kind}/${e.itemId}`, e.body);
    case 'delete':
      return del<PlanView>(`${base}/${e.kind}/${e.itemId}`);
  }
}

export function useEditPlan(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (e: PlanEdit) => editPlan(planId, e),
    onSuccess: (plan) => {
      qc.setQueryData(planKeys.plan(planId), plan);
      void qc.invalidateQueries({ queryKey: planKeys.list() });
    },
  });
}
