import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../../../lib/api-client.ts';
import { BOARD_PAGE, boardMore } from '../components/board.rules.ts';
import {
  taskKeys,
  type BoardView,
  type MyTasks,
  type OverdueView,
  type TaskFilter,
  type TimelineView,
} from './types.ts';

/** The query string of a filter (empty values left out). */
const query = (f: TaskFilter) => ({ ...f });

export function useMyTasks() {
  return useQuery({ queryKey: taskKeys.mine(), queryFn: () => get<MyTasks>('/tasks/mine', { limit: 50 }) });
}

/**
 * The board needs a commune; a person of one commune may leave it out (the server picks theirs).
 * While a column loads more, the board keeps showing what it had.
 */
export function useBoard(f: TaskFilter, enabled = true, more: Partial<Record<string, number>> = {}) {
  const m = boardMore(more);
  return useQuery({
    queryKey: [...taskKeys.board(f), m ?? ''],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () => get<BoardView>('/tasks/board', { ...query(f), limit: BOARD_PAGE, ...(m ? { more: m } : {}) }),
  });
}

export function useTimeline(f: TaskFilter, enabled = true) {
  return useQuery({
    queryKey: taskKeys.timeline(f),
    enabled,
    queryFn: () => get<TimelineView>('/tasks/timeline', query(f)),
  });
}

export function useOverdue(f: TaskFilter, enabled = true) {
  return useQuery({
    queryKey: taskKeys.overdue(f),
    enabled,
    queryFn: () => get<OverdueView>('/tasks/overdue', query(f)),
  });
}

/** The .xlsx of the filtered list: a plain link, so the browser downloads it with the session cookie. */
export const exportUrl = (f: TaskFilter) => withQuery('/api/v1/tasks/export.xlsx', query(f));
