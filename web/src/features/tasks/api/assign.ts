import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { post } from '../../../lib/api-client.ts';
import {
  taskKeys,
  type CreatedTasks,
  type CreateTaskInput,
  type FromPlanInput,
  type PlanDraft,
  type TaskDetail,
} from './types.ts';

export type MilestoneMode = 'yearly' | 'quarterly' | 'none';

/** "Giao từ kế hoạch", step 1: the plan's tasks as proposed assignments (nothing written). */
export function usePlanDraft(planId: string, milestones: MilestoneMode) {
  return useQuery({
    queryKey: taskKeys.preview(planId, milestones),
    queryFn: () => post<PlanDraft>('/tasks/from-plan/preview', { planId, milestones }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** Step 2: the adjusted items, all created or none. */
export function useCreateFromPlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FromPlanInput) => post<CreatedTasks>('/tasks/from-plan', body),
    // Not awaited: the page moves on to the board at once (which loads fresh).
    onSuccess: () => void qc.invalidateQueries({ queryKey: taskKeys.all }),
  });
}

/** An ad-hoc task (meeting conclusion, letter) assigned by a leader. */
export function useCreateTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTaskInput) => post<TaskDetail>('/tasks', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
