import type { z } from 'zod';
import type {
  ImportView as ImportViewSchema,
  PlanHeaderView,
  PlanSummary as PlanSummarySchema,
  PlanView as PlanViewSchema,
  ReportingRuleInput,
  TargetFields,
  TaskFields,
  VersionView as VersionViewSchema,
} from '../../../../../server/modules/plans/plans.contract.ts';

export type PlanView = z.infer<typeof PlanViewSchema>;
export type PlanSummary = z.infer<typeof PlanSummarySchema>;
export type TargetView = PlanView['targets'][number];
export type TaskView = PlanView['tasks'][number];
export type RuleView = PlanView['reporting'][number];
export type VersionSummary = PlanView['versions'][number];

/** A plan's content as the server takes it (review, preview, commit, hand edits). */
export type PlanHeader = z.infer<typeof PlanHeaderView>;
export type TargetContent = z.output<typeof TargetFields>;
export type TaskContent = z.output<typeof TaskFields>;
export type RuleContent = z.output<typeof ReportingRuleInput>;
export type Comparator = TargetContent['comparator'];
export type Cycle = RuleContent['cycle'];
export interface PlanContent {
  header: PlanHeader;
  targets: TargetContent[];
  tasks: TaskContent[];
  reporting: RuleContent[];
}

export interface Suggestion {
  indicatorId: string;
  indicatorName: string;
  score: number;
}
export type ImportView = Omit<z.infer<typeof ImportViewSchema>, 'extraction' | 'suggestions' | 'review'> & {
  extraction: PlanContent;
  suggestions: (Suggestion | null)[];
  review: PlanContent | null;
};

/** What changed between two versions (server: plans.rules.ts diffPlans, without pairs). */
export interface ItemChange<T> {
  before: T;
  after: T;
  fields: string[];
}
export interface ListChanges<T> {
  added: T[];
  removed: T[];
  changed: ItemChange<T>[];
  unchanged: number;
}
export interface PlanChanges {
  header: { field: string; before: unknown; after: unknown }[];
  targets: ListChanges<TargetContent>;
  tasks: ListChanges<TaskContent>;
  reporting: ListChanges<RuleContent>;
  summary?: string;
}

export type VersionView = Omit<z.infer<typeof VersionViewSchema>, 'snapshot' | 'changes'> & {
  snapshot: PlanContent;
  changes: PlanChanges | null;
};

export const planKeys = {
  all: ['plans'] as const,
  list: () => ['plans', 'list'] as const,
  plan: (id: string) => ['plans', 'plan', id] as const,
  version: (id: string, no: number) => ['plans', 'plan', id, 'version', no] as const,
  draft: (id: string) => ['plans', 'import', id] as const,
};
