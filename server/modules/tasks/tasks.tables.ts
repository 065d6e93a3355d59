import type { ColumnType, Generated } from 'kysely';

/** 'YYYY-MM-DD' on both databases (see the date type parsers). */
type DateText = string;
type Json = ColumnType<unknown, string | undefined, string>;

export type TaskStatus = 'assigned' | 'in_progress' | 'submitted' | 'verified' | 'returned';
export type TaskSource = 'plan' | 'meeting' | 'letter' | 'other';
export type TaskActionKind = 'assign' | 'edit' | 'progress' | 'evidence' | 'submit' | 'verify' | 'return' | 'comment';

export interface TaskTable {
  id: Generated<string>;
  provinceId: string;
  communeId: string;
  planId: string | null;
  planTaskId: string | null;
  groupName: string | null;
  source: TaskSource;
  sourceRef: string | null;
  title: string;
  description: string | null;
  leadUnitId: string;
  assigneeId: string;
  approverId: string;
  approvingAuthority: string;
  expectedProduct: string;
  startDate: DateText;
  dueDate: DateText;
  status: Generated<TaskStatus>;
  percent: Generated<number>;
  submittedOn: DateText | null;
  verifiedOn: DateText | null;
  lastSeq: Generated<number>;
  createdBy: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface TaskPartnerTable {
  taskId: string;
  orgUnitId: string;
  provinceId: string;
  communeId: string;
}

export interface TaskTargetTable {
  taskId: string;
  planTargetId: string;
  provinceId: string;
  communeId: string;
}

export interface TaskMilestoneTable {
  id: Generated<string>;
  taskId: string;
  provinceId: string;
  communeId: string;
  title: string;
  dueDate: DateText;
  reachedOn: DateText | null;
  sortOrder: number;
}

/** Append-only (see the trigger in 0003-tasks.sql): insert, never update or delete. */
export interface TaskActionTable {
  id: Generated<number>;
  taskId: string;
  provinceId: string;
  communeId: string;
  seq: number;
  kind: TaskActionKind;
  actorId: string | null;
  actorName: string;
  at: Generated<Date>;
  onDate: DateText;
  percent: number | null;
  note: string | null;
  details: Json;
}

export interface TaskTables {
  tasks: TaskTable;
  taskPartners: TaskPartnerTable;
  taskTargets: TaskTargetTable;
  taskMilestones: TaskMilestoneTable;
  taskActions: TaskActionTable;
}
