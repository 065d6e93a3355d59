/**
 * Calendar dates as 'YYYY-MM-DD' strings: Vietnamese local dates with no time and no zone.
 * Legal deadlines count whole days, so we never build a local `Date` (whose meaning depends on the
 * server's TZ) — every computation goes through a day number (days since 1970-01-01) in UTC.
 */
import { AppError } from '../../platform/errors.ts';

/** A Vietnamese local date 'YYYY-MM-DD'. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const dateInvalid = (value: unknown) =>
  new AppError(
    'DATE_INVALID',
    'invalid',
    `Ngày "${String(value)}" không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2026-02-17.`,
  );

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a strict 'YYYY-MM-DD' (a real day: 2026-02-30 is rejected) into its parts. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!m) throw dateInvalid(value);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw dateInvalid(value);
  return { year, month, day };
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (UTC arithmetic, so no daylight-saving or server-zone surprises). */
export function toDayNumber(value: IsoDate): number {
  const { year, month, day } = parseIsoDate(value);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * MS_PER_DAY);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(value: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(value) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(value: IsoDate): number {
  return (((toDayNumber(value) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export const isWeekend = (value: IsoDate): boolean => {
  const w = weekday(value);
  return w === 0 || w === 6;
};

/** Today's date in Vietnam (UTC+7, no daylight saving) — for callers; the rules take dates as input. */
export function vietnamToday(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** 'd/m/yyyy' as written in Vietnamese documents, e.g. '17/3/2026'. */
export function formatViDate(value: IsoDate): string {
  const { year, month, day } = parseIsoDate(value);
  return `${day}/${month}/${year}`;
}
