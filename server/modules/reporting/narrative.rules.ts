/**
 * The "kết quả thực hiện" text a unit's report starts from: written from the unit's tracked
 * tasks (server/modules/tasks) as they stood at the end of the period's data-closing window
 * (NĐ 09/2019/NĐ-CP, Điều 12: số liệu chốt đến ngày 14 của tháng cuối kỳ), so that nobody
 * retypes progress the platform already knows. The person edits it before submitting; once
 * saved, their text is kept and never written over (reporting.service.ts).
 *
 * Which tasks, and in which state, is decided with the tasks module's own rules: the state is
 * the fold of the task's action log up to that day and its timing (overdue, at risk, done on
 * time) is `timingOf` — the same words the task pages use. Pure, no I/O.
 */
import type { IsoDate } from '../calendar/index.ts';
import { deriveTaskState, type ActionEntry, type TaskState } from '../tasks/index.ts';
import { viNum, viShortDate } from './document/report-format.ts';

/** One tracked task as the reporting module reads it: its dates, its log, its latest note. */
export interface TrackedTask {
  title: string;
  startDate: IsoDate;
  dueDate: IsoDate;
  actions: (ActionEntry & { note: string | null })[];
}

export interface TaskAtDate {
  title: string;
  dueDate: IsoDate;
  state: TaskState;
  /** The latest progress or submission text written on or before the day. */
  latest: { onDate: IsoDate; note: string } | null;
}

/** The day the narrative speaks of: the end of the data-closing window, or today if earlier. */
export const narrativeDate = (window: { closingEnd: IsoDate }, today: IsoDate): IsoDate =>
  today < window.closingEnd ? today : window.closingEnd;

/**
 * A task's state on `asOf`, or null when it does not belong in this period's report: not yet
 * assigned or not yet started by then, or already verified before the window opened (an
 * earlier period reported it).
 */
export function taskAtDate(task: TrackedTask, window: { closingStart: IsoDate }, asOf: IsoDate): TaskAtDate | null {
  if (task.startDate > asOf) return null;
  const log = task.actions.filter((a) => a.onDate <= asOf);
  if (!log.some((a) => a.kind === 'assign')) return null;
  const state = deriveTaskState(task, log, asOf);
  if (state.verifiedOn !== null && state.verifiedOn < window.closingStart) return null;
  const noted = log
    .filter((a) => (a.kind === 'progress' || a.kind === 'submit') && a.note?.trim())
    .sort((x, y) => y.seq - x.seq)[0];
  return {
    title: task.title,
    dueDate: task.dueDate,
    state,
    latest: noted ? { onDate: noted.onDate, note: noted.note!.trim() } : null,
  };
}

const pct = (n: number) => `${viNum(n)}%`;
const sentence = (s: string) => (/[.!?…]$/u.test(s) ? s : `${s}.`);

/** One task in one sentence: where it stands, by how much, and the latest text its lead wrote. */
export function taskLine(t: TaskAtDate): string {
  const s = t.state;
  const due = viShortDate(t.dueDate);
  let head: string;
  if (s.status === 'verified') {
    head = `Đã hoàn thành${s.timing === 'done_late' ? ', trễ hạn' : ', đúng hạn'} (phê duyệt ngày ${viShortDate(s.verifiedOn!)})`;
  } else if (s.status === 'submitted') {
    head = `Đã hoàn thành, chờ phê duyệt (trình ngày ${viShortDate(s.submittedOn!)}${s.isOverdue ? `, quá hạn ${due}` : ''})`;
  } else {
    // After a return the percent still says 100 (the submission's); the words say where it is.
    const done =
      s.status === 'assigned'
        ? 'chưa cập nhật tiến độ'
        : s.status === 'returned'
          ? 'bị trả lại để hoàn thiện'
          : `đạt ${pct(s.percent)}`;
    if (s.isOverdue) head = `Quá hạn ${viNum(s.overdueWorkingDays)} ngày làm việc (hạn ${due}), ${done}`;
    else if (s.status === 'returned') head = `Đang thực hiện, ${done} (hạn ${due})`;
    else if (s.isAtRisk)
      head = `Đang thực hiện, ${done}, chậm so với tiến độ dự kiến ${pct(s.expectedPercent)} (hạn ${due})`;
    else head = `${s.status === 'assigned' ? 'Đã giao' : 'Đang thực hiện'}, ${done} (hạn ${due})`;
  }
  return t.latest
    ? `${head}; cập nhật ngày ${viShortDate(t.latest.onDate)}: ${sentence(t.latest.note)}`
    : sentence(head);
}

/**
 * The prefilled "kết quả thực hiện" of one narrative row from its tracked tasks: one sentence
 * for one task, a line per task ("- title: …") for several; null when no task applies.
 */
export function narrativeFromTasks(tasks: TaskAtDate[]): string | null {
  if (!tasks.length) return null;
  const sorted = [...tasks].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title, 'vi'));
  if (sorted.length === 1) return taskLine(sorted[0]);
  return sorted.map((t) => `- ${t.title.replace(/[.;:\s]+$/u, '')}: ${taskLine(t)}`).join('\n');
}
