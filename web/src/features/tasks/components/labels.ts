import type { MessageKey } from '../../../lib/messages/vi.ts';
import type { ActionView, TaskStatus, TaskTiming } from '../api/types.ts';

export const STATUS_COLOR: Record<TaskStatus, string> = {
  assigned: 'default',
  in_progress: 'processing',
  returned: 'error',
  submitted: 'warning',
  verified: 'success',
};
export const statusLabel = (s: TaskStatus) => `tasks.status.${s}` as MessageKey;

export const TIMING_COLOR: Record<TaskTiming, string> = {
  not_started: 'default',
  on_track: 'green',
  at_risk: 'orange',
  overdue: 'red',
  done: 'green',
  done_late: 'gold',
};
export const timingLabel = (t: TaskTiming) => `tasks.timing.${t}` as MessageKey;
/** Bars and progress lines by timing; red and orange are what a leader looks for. */
export const TIMING_STROKE: Record<TaskTiming, string> = {
  not_started: '#bfbfbf',
  on_track: '#1677ff',
  at_risk: '#fa8c16',
  overdue: '#cf1322',
  done: '#389e0d',
  done_late: '#d4b106',
};

export const actionLabel = (k: ActionView['kind']) => `tasks.log.${k}` as MessageKey;
