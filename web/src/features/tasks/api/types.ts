import type { z } from 'zod';
import type {
  ActionView as ActionViewSchema,
  Board as BoardSchema,
  CreatedTasks as CreatedTasksSchema,
  CreateTaskBody,
  FileView as FileViewSchema,
  FromPlanBody,
  MilestoneView as MilestoneViewSchema,
  MyTasks as MyTasksSchema,
  OverdueList as OverdueListSchema,
  PlanDraft as PlanDraftSchema,
  TaskCard as TaskCardSchema,
  TaskDetail as TaskDetailSchema,
  Timeline as TimelineSchema,
} from '../../../../../server/modules/tasks/tasks.contract.ts';

export type TaskCard = z.infer<typeof TaskCardSchema>;
export type TaskDetail = z.infer<typeof TaskDetailSchema>;
export type TaskStatus = TaskCard['status'];
export type TaskTiming = TaskCard['timing'];
export type TaskButton = TaskCard['allowedActions'][number];
export type ActionView = z.infer<typeof ActionViewSchema>;
export type FileView = z.infer<typeof FileViewSchema>;
export type MilestoneView = z.infer<typeof MilestoneViewSchema>;
export type MyTasks = z.infer<typeof MyTasksSchema>;
export type BoardView = z.infer<typeof BoardSchema>;
export type TimelineView = z.infer<typeof TimelineSchema>;
export type OverdueView = z.infer<typeof OverdueListSchema>;
export type PlanDraft = z.infer<typeof PlanDraftSchema>;
export type PlanDraftItem = PlanDraft['items'][number];
export type CreatedTasks = z.infer<typeof CreatedTasksSchema>;
export type FromPlanInput = z.input<typeof FromPlanBody>;
export type CreateTaskInput = z.input<typeof CreateTaskBody>;

/** The filters every list view shares (the query string of /tasks/*). */
export interface TaskFilter {
  communeId?: string;
  planId?: string;
  groupName?: string;
  unitId?: string;
  assigneeId?: string;
  year?: number;
}

export const taskKeys = {
  all: ['tasks'] as const,
  mine: () => ['tasks', 'mine'] as const,
  board: (f: TaskFilter) => ['tasks', 'board', f] as const,
  timeline: (f: TaskFilter) => ['tasks', 'timeline', f] as const,
  overdue: (f: TaskFilter) => ['tasks', 'overdue', f] as const,
  detail: (id: string) => ['tasks', 'detail', id] as const,
  preview: (planId: string, mode: string) => ['tasks', 'from-plan', planId, mode] as const,
};
