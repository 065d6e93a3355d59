/**
 * Pure rules of tracked tasks (nhiệm vụ): the state folded from the append-only action log,
 * timing derived from dates and progress (overdue, at risk), the buttons a person gets, the
 * milestones cut from a plan's span, and the dates a reminder scan looks for.
 *
 * Legal and policy bases:
 * - "6 rõ" (Kết luận 226-KL/TW): one task → exactly one lead unit and one responsible person,
 *   a deadline, the approving authority and the expected product (RULES.md §5).
 * - Working days (Bộ luật Lao động 2019, Điều 111–112; QĐ 188/1999/QĐ-TTg): every count of
 *   working days here goes through calendar/working-days.rules.ts (RULES.md §10).
 * No I/O.
 */
import {
  buildCalendar,
  isWorkingDay,
  workingDaysBetween,
  type WorkingCalendar,
  addDays,
  fromDayNumber,
  parseIsoDate,
  toDayNumber,
  weekday,
  type IsoDate,
} from '../calendar/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { TaskActionKind, TaskStatus } from './tasks.tables.ts';

export type { TaskActionKind, TaskStatus } from './tasks.tables.ts';

/** Statuses in which the lead still has work to do (reminders go to these only). */
export const OPEN_STATUSES: TaskStatus[] = ['assigned', 'in_progress', 'returned'];
export const STATUS_LABELS: Record<TaskStatus, string> = {
  assigned: 'Đã giao',
  in_progress: 'Đang thực hiện',
  submitted: 'Chờ phê duyệt',
  verified: 'Đã hoàn thành',
  returned: 'Bị trả lại',
};
/** Board columns, left to right. */
export const BOARD_COLUMNS: TaskStatus[] = ['assigned', 'in_progress', 'returned', 'submitted', 'verified'];

/**
 * A task is at risk when its progress lags the straight line from start to due date (in working
 * days) by this many percentage points. A house rule, not a legal one: 25 points is a quarter
 * of the work, visible early enough for a leader to act.
 */
export const AT_RISK_GAP = 25;

// ——— The action log ———

export interface ActionEntry {
  seq: number;
  kind: TaskActionKind;
  actorId: string | null;
  onDate: IsoDate;
  percent: number | null;
}

export interface TaskSnapshot {
  status: TaskStatus;
  percent: number;
  submittedOn: IsoDate | null;
  submittedBy: string | null;
  verifiedOn: IsoDate | null;
  lastSeq: number;
}

/** From which statuses each action may be taken; `assign` only starts the log. */
export const ACTION_FROM: Record<TaskActionKind, TaskStatus[]> = {
  assign: [],
  edit: ['assigned', 'in_progress', 'returned', 'submitted'],
  progress: OPEN_STATUSES,
  evidence: OPEN_STATUSES,
  submit: OPEN_STATUSES,
  verify: ['submitted'],
  return: ['submitted'],
  comment: ['assigned', 'in_progress', 'submitted', 'verified', 'returned'],
};

const ACTION_LABELS: Record<TaskActionKind, string> = {
  assign: 'giao nhiệm vụ',
  edit: 'sửa nhiệm vụ',
  progress: 'cập nhật tiến độ',
  evidence: 'tải minh chứng',
  submit: 'trình kết quả',
  verify: 'phê duyệt',
  return: 'trả lại',
  comment: 'bình luận',
};

export const actionNotAllowed = (kind: TaskActionKind, status: TaskStatus | null) =>
  new AppError(
    'TASK_ACTION_NOT_ALLOWED',
    'conflict',
    status
      ? `Không thể ${ACTION_LABELS[kind]} khi nhiệm vụ đang ở trạng thái "${STATUS_LABELS[status]}".`
      : `Nhiệm vụ phải bắt đầu bằng việc giao, không thể ${ACTION_LABELS[kind]}.`,
    { details: { kind, status } },
  );

/** The state after one more action; throws TASK_ACTION_NOT_ALLOWED when it may not happen now. */
export function applyAction(state: TaskSnapshot | null, a: ActionEntry): TaskSnapshot {
  if (!state) {
    if (a.kind !== 'assign') throw actionNotAllowed(a.kind, null);
    return { status: 'assigned', percent: 0, submittedOn: null, submittedBy: null, verifiedOn: null, lastSeq: a.seq };
  }
  if (!ACTION_FROM[a.kind].includes(state.status)) throw actionNotAllowed(a.kind, state.status);
  const next = { ...state, lastSeq: a.seq };
  switch (a.kind) {
    case 'progress':
      return { ...next, status: 'in_progress', percent: a.percent ?? state.percent };
    case 'submit':
      return { ...next, status: 'submitted', percent: 100, submittedOn: a.onDate, submittedBy: a.actorId };
    case 'verify':
      return { ...next, status: 'verified', percent: 100, verifiedOn: a.onDate };
    case 'return':
      return { ...next, status: 'returned', verifiedOn: null };
    default:
      return next;
  }
}

/** The fold of a whole log (ordered by seq). History can only be read, never rewritten. */
export function foldActions(actions: ActionEntry[]): TaskSnapshot {
  const sorted = [...actions].sort((x, y) => x.seq - y.seq);
  let state: TaskSnapshot | null = null;
  for (const a of sorted) state = applyAction(state, a);
  if (!state) throw actionNotAllowed('progress', null);
  return state;
}

// ——— Working days, fast ———

/**
 * Working-day counts for lists of thousands of tasks: a prefix sum over the calendar's days,
 * built from isWorkingDay, so each count is O(1) and agrees with workingDaysBetween exactly
 * (tested in tasks.rules.test.ts).
 */
export class WorkingDayCounter {
  private readonly first: number;
  private readonly prefix: Int32Array;
  constructor(readonly calendar: WorkingCalendar) {
    this.first = toDayNumber(`${calendar.firstYear}-01-01`);
    const last = toDayNumber(`${calendar.lastYear}-12-31`);
    this.prefix = new Int32Array(last - this.first + 2);
    for (let n = this.first; n <= last; n++) {
      this.prefix[n - this.first + 1] =
        this.prefix[n - this.first] + (isWorkingDay(fromDayNumber(n), calendar) ? 1 : 0);
    }
  }
  /** The day's index in the prefix, or -1 outside the calendar. Dates from the database are well-formed, so no regex here. */
  private index(date: IsoDate): number {
    const n = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000 - this.first;
    return Number.isInteger(n) && n >= 0 && n < this.prefix.length - 1 ? n : -1;
  }
  /** Same as workingDaysBetween(a, b): forwards the working days in (a, b], backwards minus those in [b, a). */
  between(a: IsoDate, b: IsoDate): number {
    const [x, y] = [this.index(a), this.index(b)];
    if (x < 0 || y < 0 || a.length !== 10 || b.length !== 10) return workingDaysBetween(a, b, this.calendar); // validates, or throws the calendar's error
    return y >= x ? this.prefix[y + 1] - this.prefix[x + 1] : -(this.prefix[x] - this.prefix[y]);
  }
}

let cached: WorkingDayCounter | null = null;
/** A counter covering `dates` (and a margin), reused while it covers them. */
export function counterFor(...dates: IsoDate[]): WorkingDayCounter {
  const years = dates.map((d) => +d.slice(0, 4));
  if (cached && years.every((y) => y >= cached!.calendar.firstYear && y <= cached!.calendar.lastYear)) return cached;
  dates.forEach(parseIsoDate); // a new calendar only for well-formed dates
  const lo = Math.min(...years, cached?.calendar.firstYear ?? Infinity, 2024);
  const hi = Math.max(...years, cached?.calendar.lastYear ?? -Infinity, 2035);
  cached = new WorkingDayCounter(buildCalendar({ years: [Math.max(lo, 2021), Math.min(hi, 2100)] }));
  return cached;
}

// ——— Timing: overdue, at risk ———

export type TaskTiming = 'not_started' | 'on_track' | 'at_risk' | 'overdue' | 'done' | 'done_late';
export const TIMING_LABELS: Record<TaskTiming, string> = {
  not_started: 'Chưa đến ngày bắt đầu',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ chậm',
  overdue: 'Quá hạn',
  done: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành trễ hạn',
};

export interface TimingInput {
  startDate: IsoDate;
  dueDate: IsoDate;
  status: TaskStatus;
  percent: number;
  submittedOn: IsoDate | null;
}

export interface TaskTimingView {
  timing: TaskTiming;
  isOverdue: boolean;
  isAtRisk: boolean;
  /** Working days past the due date (0 when not overdue). */
  overdueWorkingDays: number;
  /** Working days left until the due date (0 when overdue or done). */
  remainingWorkingDays: number;
  /** Where progress should be by today on a straight line from start to due (working days). */
  expectedPercent: number;
}

/**
 * Overdue: not verified, the due date has passed, and no submission on time waits for approval
 * (an approver's delay is not the lead's lateness). Done late: verified, last submitted after
 * the due date. At risk: open, not overdue, progress lags the straight line by AT_RISK_GAP.
 */
export function timingOf(
  t: TimingInput,
  today: IsoDate,
  counter = counterFor(t.startDate, t.dueDate, today),
): TaskTimingView {
  const total = counter.between(t.startDate, t.dueDate);
  const elapsed = Math.min(Math.max(counter.between(t.startDate, today), 0), total);
  const expectedPercent = total === 0 ? (today >= t.dueDate ? 100 : 0) : Math.round((100 * elapsed) / total);
  const base = { isOverdue: false, isAtRisk: false, overdueWorkingDays: 0, remainingWorkingDays: 0, expectedPercent };
  if (t.status === 'verified')
    return { ...base, timing: t.submittedOn && t.submittedOn > t.dueDate ? 'done_late' : 'done', expectedPercent: 100 };
  const waitingOnTime = t.status === 'submitted' && t.submittedOn !== null && t.submittedOn <= t.dueDate;
  if (today > t.dueDate && !waitingOnTime) {
    return {
      ...base,
      timing: 'overdue',
      isOverdue: true,
      overdueWorkingDays: Math.max(counter.between(t.dueDate, today), 0),
    };
  }
  const remainingWorkingDays = Math.max(counter.between(today, t.dueDate), 0);
  if (today < t.startDate) return { ...base, timing: 'not_started', remainingWorkingDays };
  const atRisk = OPEN_STATUSES.includes(t.status) && expectedPercent - t.percent >= AT_RISK_GAP;
  return { ...base, timing: atRisk ? 'at_risk' : 'on_track', isAtRisk: atRisk, remainingWorkingDays };
}

export interface TaskState extends TaskSnapshot, TaskTimingView {}

/** The whole state of a task: status from the log, overdue / at risk from dates and progress. */
export function deriveTaskState(
  task: { startDate: IsoDate; dueDate: IsoDate },
  actions: ActionEntry[],
  today: IsoDate,
  counter?: WorkingDayCounter,
): TaskState {
  const snapshot = foldActions(actions);
  return { ...snapshot, ...timingOf({ ...task, ...snapshot }, today, counter) };
}

// ——— Who gets which button ———

/** How a person stands to a task; one person may stand in several ways. */
export type TaskRelation = 'assigner' | 'approver' | 'lead' | 'partner' | 'reader';
export type TaskButton = 'edit' | 'progress' | 'evidence' | 'submit' | 'verify' | 'return' | 'comment';

const BUTTONS: { button: TaskButton; kind: TaskActionKind; who: TaskRelation[] }[] = [
  { button: 'edit', kind: 'edit', who: ['assigner'] },
  { button: 'progress', kind: 'progress', who: ['lead'] },
  { button: 'evidence', kind: 'evidence', who: ['lead'] },
  { button: 'submit', kind: 'submit', who: ['lead'] },
  { button: 'verify', kind: 'verify', who: ['approver'] },
  { button: 'return', kind: 'return', who: ['approver'] },
  { button: 'comment', kind: 'comment', who: ['lead', 'partner', 'assigner', 'approver'] },
];

/**
 * The actions a person may take now. An approver does not approve their own submission
 * (separation of duties): `selfSubmitted` says the submission waiting is theirs.
 */
export function availableActions(
  state: Pick<TaskSnapshot, 'status'>,
  relations: TaskRelation[],
  opts: { selfSubmitted?: boolean } = {},
): TaskButton[] {
  return BUTTONS.filter((b) => ACTION_FROM[b.kind].includes(state.status) && b.who.some((r) => relations.includes(r)))
    .filter((b) => !(opts.selfSubmitted && (b.button === 'verify' || b.button === 'return')))
    .map((b) => b.button);
}

// ——— From a plan: span and milestones ———

export type MilestoneMode = 'yearly' | 'quarterly' | 'none';

/**
 * The dates of a plan item "2026–2030": from 1 January of its first year (or today, when that
 * has passed) to 31 December of its last year; a plan item with no years takes the plan's period.
 */
export function planTaskSpan(
  item: { fromYear: number | null; toYear: number | null },
  plan: { periodFrom: number | null; periodTo: number | null },
  today: IsoDate,
) {
  const thisYear = parseIsoDate(today).year;
  const fromYear = item.fromYear ?? plan.periodFrom ?? thisYear;
  const toYear = Math.max(item.toYear ?? item.fromYear ?? plan.periodTo ?? fromYear, fromYear);
  let startDate = `${fromYear}-01-01`;
  if (startDate < today && `${toYear}-12-31` >= today) startDate = today;
  return { startDate, dueDate: `${toYear}-12-31` };
}

/** Milestones for a span: the end of each year, or of each quarter, that falls inside it. */
export function planMilestones(
  startDate: IsoDate,
  dueDate: IsoDate,
  mode: MilestoneMode,
): { title: string; dueDate: IsoDate }[] {
  if (mode === 'none') return [];
  const out: { title: string; dueDate: IsoDate }[] = [];
  const [y0, y1] = [parseIsoDate(startDate).year, parseIsoDate(dueDate).year];
  for (let y = y0; y <= y1; y++) {
    const ends =
      mode === 'yearly'
        ? [[`Năm ${y}`, `${y}-12-31`]]
        : [
            [`Quý I/${y}`, `${y}-03-31`],
            [`Quý II/${y}`, `${y}-06-30`],
            [`Quý III/${y}`, `${y}-09-30`],
            [`Quý IV/${y}`, `${y}-12-31`],
          ];
    for (const [title, end] of ends) {
      const date = end > dueDate ? dueDate : end;
      if (date >= startDate && !out.some((m) => m.dueDate === date)) out.push({ title, dueDate: date });
    }
  }
  return out;
}

// ——— Reminders ———

/**
 * How far back an overdue or escalation reminder is still sent. A daily scan only has to look
 * at tasks that fell due recently (fast at national scale); a server down for longer than this
 * skips the older reminders, and the leader's weekly digest still counts every overdue task.
 */
export const CATCH_UP_DAYS = 31;

/** Reminders 7, 3 and 1 working days before the due date (issue 5). */
export const REMINDER_DAYS = [7, 3, 1] as const;

export interface ReminderWindows {
  /** Due dates whose remaining working days fall in (next band, days]; one reminder per band. */
  bands: { days: number; from: IsoDate; to: IsoDate }[];
  /** Open tasks due in [overdueFrom, overdueBefore) fell overdue recently. */
  overdueFrom: IsoDate;
  overdueBefore: IsoDate;
  /** Open tasks due in [escalateFrom, escalateOnOrBefore] are overdue by more than `escalateAfter` working days. */
  escalateFrom: IsoDate;
  escalateOnOrBefore: IsoDate;
  /** Monday of today's week, the key of the weekly digest; null when today is no working day. */
  digestWeek: IsoDate | null;
}

/**
 * Which due dates each reminder looks for today. Bands, not exact days, so a scan that did not
 * run for a day (server down) still sends the nearest reminder, once (unique keys).
 */
export function reminderWindows(today: IsoDate, calendar: WorkingCalendar, escalateAfter: number): ReminderWindows {
  const bands: ReminderWindows['bands'] = [];
  const limits = [...REMINDER_DAYS, 0];
  for (let i = 0; i < REMINDER_DAYS.length; i++) {
    const [hi, lo] = [limits[i], limits[i + 1]];
    let from: IsoDate | null = null;
    let to: IsoDate | null = null;
    for (let d = addDays(today, 1), n = 0; n < 60; d = addDays(d, 1), n++) {
      const left = workingDaysBetween(today, d, calendar);
      if (left > hi) break;
      if (left > lo) {
        from ??= d;
        to = d;
      }
    }
    if (from && to) bands.push({ days: hi, from, to });
  }
  let escalate = addDays(today, -1);
  while (workingDaysBetween(escalate, today, calendar) <= escalateAfter) escalate = addDays(escalate, -1);
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  return {
    bands,
    overdueFrom: addDays(today, -CATCH_UP_DAYS),
    overdueBefore: today,
    escalateFrom: addDays(escalate, -CATCH_UP_DAYS),
    escalateOnOrBefore: escalate,
    digestWeek: isWorkingDay(today, calendar) ? monday : null,
  };
}
