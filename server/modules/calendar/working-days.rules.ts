/**
 * The one working-day calendar behind every legal deadline counted in working days (one-stop
 * processing, feedback handling, report deadlines, task reminders 7/3/1 working days ahead).
 *
 * A working day is Monday–Friday (QĐ 188/1999/QĐ-TTg: state bodies rest Saturday and Sunday)
 * that is not a holiday or make-up day (Bộ luật Lao động 2019, Điều 111–112) nor an announced
 * day off; an announced make-up Saturday is a working day. Dates are Vietnamese local
 * 'YYYY-MM-DD' strings. Pure: the caller builds a calendar once and passes it in.
 */
import { AppError } from '../../platform/errors.ts';
import { ANNOUNCED_ADJUSTMENTS, ANNOUNCED_CHOICES } from './adjustments.data.ts';
import { addDays, isWeekend, parseIsoDate, toDayNumber, type IsoDate } from './dates.ts';
import {
  assertSupportedYear,
  holidaysOf,
  type CalendarAdjustment,
  type Holiday,
  type HolidayChoice,
} from './holidays.ts';

export { holidaysOf, statutoryHolidays, compensatoryDays } from './holidays.ts';
export type { CalendarAdjustment, Holiday, HolidayChoice, HolidayKind } from './holidays.ts';
export type { IsoDate } from './dates.ts';

export interface WorkingCalendar {
  /** The calendar answers for every date of firstYear…lastYear and throws outside. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** Weekday-or-weekend days off: statutory, make-up and announced, keyed by date. */
  readonly daysOff: ReadonlyMap<IsoDate, Holiday>;
  /** Weekend days announced as working days (make-up Saturdays of a swap). */
  readonly workingWeekendDays: ReadonlyMap<IsoDate, CalendarAdjustment>;
}

export interface BuildCalendarInput {
  /** The years to cover; gaps are filled, so [2026, 2028] covers 2026–2028. */
  years: number[];
  /** Default: the announcements in adjustments.data.ts. */
  adjustments?: CalendarAdjustment[];
  /** Per-year choices of Tết start and Quốc khánh adjacent day; default from adjustments.data.ts. */
  choices?: Record<number, HolidayChoice>;
}

const adjustmentInvalid = (a: unknown, why: string) =>
  new AppError(
    'CALENDAR_ADJUSTMENT_INVALID',
    'invalid',
    `Điều chỉnh lịch làm việc không hợp lệ (${why}): ${JSON.stringify(a)}.`,
  );

export function buildCalendar({
  years,
  adjustments = ANNOUNCED_ADJUSTMENTS,
  choices = ANNOUNCED_CHOICES,
}: BuildCalendarInput): WorkingCalendar {
  if (!years.length)
    throw new AppError('CALENDAR_YEARS_EMPTY', 'invalid', 'Cần ít nhất một năm để lập lịch ngày làm việc.');
  years.forEach(assertSupportedYear);
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  for (const a of adjustments) {
    parseIsoDate(a.date);
    if (a.kind !== 'day_off' && a.kind !== 'working_day')
      throw adjustmentInvalid(a, 'kind phải là day_off hoặc working_day');
    if (!a.reason?.trim() || !a.legalBasis?.trim()) throw adjustmentInvalid(a, 'thiếu lý do hoặc căn cứ');
  }
  const daysOff = new Map<IsoDate, Holiday>();
  for (let year = firstYear; year <= lastYear; year++) {
    for (const h of holidaysOf(year, adjustments, choices[year] ?? {})) daysOff.set(h.date, h);
  }
  const workingWeekendDays = new Map<IsoDate, CalendarAdjustment>();
  for (const a of adjustments) if (a.kind === 'working_day' && isWeekend(a.date)) workingWeekendDays.set(a.date, a);
  return { firstYear, lastYear, daysOff, workingWeekendDays };
}

function assertCovered(date: IsoDate, calendar: WorkingCalendar): void {
  const { year } = parseIsoDate(date);
  if (year < calendar.firstYear || year > calendar.lastYear) {
    throw new AppError(
      'CALENDAR_YEAR_MISSING',
      'invalid',
      `Lịch ngày làm việc chỉ có các năm ${calendar.firstYear}–${calendar.lastYear}; ngày ${date} nằm ngoài lịch.`,
      { details: { date, firstYear: calendar.firstYear, lastYear: calendar.lastYear } },
    );
  }
}

export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar): boolean {
  assertCovered(date, calendar);
  if (calendar.daysOff.has(date)) return false;
  if (calendar.workingWeekendDays.has(date)) return true;
  return !isWeekend(date);
}

/** Why `date` is not a working day, or null when it is one. */
export function dayOffReason(date: IsoDate, calendar: WorkingCalendar): string | null {
  if (isWorkingDay(date, calendar)) return null;
  return calendar.daysOff.get(date)?.name ?? 'Nghỉ hằng tuần';
}

/**
 * The n-th working day after `date` (n > 0) or before it (n < 0). Like a legal time limit, the
 * count starts the day after the event: the start day is never counted, whatever it is, so
 * "within 3 working days" of a Friday filing lands on Wednesday. n = 0 returns `date` unchanged.
 */
export function addWorkingDays(date: IsoDate, n: number, calendar: WorkingCalendar): IsoDate {
  if (!Number.isInteger(n))
    throw new AppError('WORKING_DAYS_INVALID', 'invalid', `Số ngày làm việc phải là số nguyên (nhận ${n}).`);
  assertCovered(date, calendar);
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0;) {
    d = addDays(d, step);
    if (isWorkingDay(d, calendar)) left--;
  }
  return d;
}

/**
 * Working days from `a` to `b`, counted like addWorkingDays: forwards the days in (a, b],
 * backwards minus the days in [b, a). So addWorkingDays(a, workingDaysBetween(a, b)) === b
 * whenever b is a working day, and workingDaysBetween(a, addWorkingDays(a, n)) === n always.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, calendar: WorkingCalendar): number {
  assertCovered(a, calendar);
  assertCovered(b, calendar);
  const [from, to] = [toDayNumber(a), toDayNumber(b)];
  if (from === to) return 0;
  let count = 0;
  if (to > from) {
    for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count++;
    return count;
  }
  for (let d = b; d < a; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count++;
  return -count;
}

/**
 * `date` itself when it is a working day, else the next one — for a deadline that lands on a
 * day off (Bộ luật Dân sự 2015, Điều 148.5, when the governing text counts that way).
 */
export function workingDayOnOrAfter(date: IsoDate, calendar: WorkingCalendar): IsoDate {
  let d = date;
  while (!isWorkingDay(d, calendar)) d = addDays(d, 1);
  return d;
}
