/**
 * What dropping a card on a board column means: the action that brings a task into that
 * column's status. Pure; the server still decides (the card's allowedActions come from it).
 */
import type { TaskButton, TaskCard, TaskStatus } from '../api/types.ts';

export type MoveAction = Extract<TaskButton, 'progress' | 'submit' | 'verify' | 'return'>;

/** The action whose result is a task in this status; "assigned" is only ever the start. */
export const MOVE_INTO: Record<TaskStatus, MoveAction | null> = {
  assigned: null,
  in_progress: 'progress',
  submitted: 'submit',
  verified: 'verify',
  returned: 'return',
};

/** The action a drop of `card` on column `to` calls, or null when that move is not allowed. */
export function moveFor(card: Pick<TaskCard, 'status' | 'allowedActions'>, to: TaskStatus): MoveAction | null {
  const action = MOVE_INTO[to];
  if (!action || card.status === to || !card.allowedActions.includes(action)) return null;
  return action;
}

/** Every column the card may move to, in board order (for the phone's action menu). */
export function movesOf(
  card: Pick<TaskCard, 'status' | 'allowedActions'>,
  columns: TaskStatus[],
): { to: TaskStatus; action: MoveAction }[] {
  return columns.flatMap((to) => {
    const action = moveFor(card, to);
    return action ? [{ to, action }] : [];
  });
}

/** Cards a board column shows at first, and how many more each "show more" adds (the server stops at 200). */
export const BOARD_PAGE = 50;
export const BOARD_MAX = 200;

/** The board's `more` parameter: the columns a person opened further, e.g. `assigned:100,submitted:150`. */
export const boardMore = (more: Partial<Record<string, number>>) =>
  Object.entries(more)
    .filter(([, n]) => n !== undefined && n > BOARD_PAGE)
    .map(([s, n]) => `${s}:${Math.min(n!, BOARD_MAX)}`)
    .join(',') || undefined;
