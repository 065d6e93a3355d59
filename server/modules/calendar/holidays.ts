/**
 * Public holidays (ngày nghỉ lễ, tết) computed by rule — Bộ luật Lao động 2019, Điều 112.1,
 * in force 01/01/2021 (it added the second Quốc khánh day). Weekly rest for state bodies is
 * Saturday and Sunday (QĐ 188/1999/QĐ-TTg). Lunar dates come from lunar.ts (UTC+7), not a list.
 *
 * The exact Tết and Quốc khánh days are announced each year by the Prime Minister / Bộ Nội vụ,
 * so everything here is a default: a year's announcement is entered as data — a per-year
 * `HolidayChoice` and `CalendarAdjustment`s (adjustments.data.ts) — never by editing the rule.
 */
import { AppError } from '../../platform/errors.ts';
import { addDays, isWeekend, isoDate, parseIsoDate, type IsoDate } from './dates.ts';
import { ANNOUNCED_ADJUSTMENTS, ANNOUNCED_CHOICES } from './adjustments.data.ts';
import { lunarNewYear, lunarToSolar } from './lunar.ts';

export const LABOUR_CODE_HOLIDAYS = 'Bộ luật Lao động 2019, Điều 112';
export const LABOUR_CODE_COMPENSATION = 'Bộ luật Lao động 2019, Điều 111.3';
export const LABOUR_CODE_EFFECTIVE_FROM = '2021-01-01';
/** Earlier years followed Bộ luật Lao động 2012 (one Quốc khánh day); we do not model them. */
export const FIRST_SUPPORTED_YEAR = 2021;
export const LAST_SUPPORTED_YEAR = 2100;

export type HolidayKind = 'statutory' | 'compensatory' | 'announced';

export interface Holiday {
  date: IsoDate;
  name: string;
  kind: HolidayKind;
  legalBasis: string;
  effectiveFrom: IsoDate;
}

/** A yearly announced change: an extra day off, or a weekend day worked to make up for it (hoán đổi). */
export interface CalendarAdjustment {
  date: IsoDate;
  kind: 'day_off' | 'working_day';
  reason: string;
  /** The announcing text, e.g. 'Thông báo số …/TB-BNV'. */
  legalBasis: string;
}

/** The per-year choices Điều 112 leaves to the yearly announcement. */
export interface HolidayChoice {
  /** First of the five Tết days, in days from mùng 1 Tết. Default −1: the last day of the old year + mùng 1–4. */
  tetFirstDayOffset?: number;
  /** The day next to 2/9: 'before' = 1/9 (our default), 'after' = 3/9. */
  nationalDayAdjacent?: 'before' | 'after';
}

export const yearUnsupported = (year: number) =>
  new AppError(
    'CALENDAR_YEAR_UNSUPPORTED',
    'invalid',
    `Lịch ngày làm việc chỉ tính cho các năm ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR} (Bộ luật Lao động 2019 có hiệu lực từ 01/01/2021); năm ${year} không được hỗ trợ.`,
  );

export function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) throw yearUnsupported(year);
}

const statutory = (date: IsoDate, name: string): Holiday => ({
  date,
  name,
  kind: 'statutory',
  legalBasis: LABOUR_CODE_HOLIDAYS,
  effectiveFrom: LABOUR_CODE_EFFECTIVE_FROM,
});

/** The statutory days of Điều 112.1 for `year`, before compensation and adjustments. */
export function statutoryHolidays(year: number, choice: HolidayChoice = ANNOUNCED_CHOICES[year] ?? {}): Holiday[] {
  assertSupportedYear(year);
  const tet = lunarNewYear(year);
  const tetOffset = choice.tetFirstDayOffset ?? -1;
  if (!Number.isInteger(tetOffset) || tetOffset < -4 || tetOffset > 0) {
    throw new AppError(
      'HOLIDAY_CHOICE_INVALID',
      'invalid',
      `Ngày bắt đầu nghỉ Tết phải trong khoảng 4 ngày trước mùng 1 đến mùng 1 (nhận ${tetOffset}).`,
    );
  }
  const tetDays = [0, 1, 2, 3, 4].map((i) => {
    const offset = tetOffset + i;
    const name =
      offset < 0
        ? `Tết Âm lịch (${offset === -1 ? 'ngày cuối năm cũ' : `${-offset} ngày trước mùng 1`})`
        : `Tết Âm lịch (mùng ${offset + 1})`;
    return statutory(addDays(tet, offset), name);
  });
  const adjacent = (choice.nationalDayAdjacent ?? 'before') === 'before' ? 1 : 3;
  return [
    statutory(isoDate(year, 1, 1), 'Tết Dương lịch'),
    ...tetDays,
    statutory(lunarToSolar({ day: 10, month: 3, year }), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    statutory(isoDate(year, 4, 30), 'Ngày Chiến thắng (30/4)'),
    statutory(isoDate(year, 5, 1), 'Ngày Quốc tế lao động (1/5)'),
    statutory(isoDate(year, 9, 2), 'Quốc khánh (2/9)'),
    statutory(isoDate(year, 9, adjacent), `Quốc khánh (ngày liền kề ${adjacent}/9)`),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Điều 111.3: a holiday that falls on the weekly rest day is made up on the next working day.
 * Holidays are taken in date order and each make-up day skips weekends, holidays and make-up
 * days already given — so 30/4 on Saturday and 1/5 on Sunday give Monday 2/5 and Tuesday 3/5.
 * A make-up day may spill into January of the next year; it is returned with this year's holidays.
 */
export function compensatoryDays(holidays: Holiday[]): Holiday[] {
  const taken = new Set(holidays.map((h) => h.date));
  const out: Holiday[] = [];
  for (const h of [...holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    out.push({
      date: d,
      name: `Nghỉ bù ${h.name}`,
      kind: 'compensatory',
      legalBasis: LABOUR_CODE_COMPENSATION,
      effectiveFrom: LABOUR_CODE_EFFECTIVE_FROM,
    });
  }
  return out;
}

/**
 * Every day off in `year` that is not a plain weekend: statutory days, their make-up days
 * and the announced `day_off` adjustments, minus the days an announcement turns into working
 * days. Adjustments are applied last, as announced; they are not themselves compensated.
 * Defaults: the announcements in adjustments.data.ts.
 */
export function holidaysOf(
  year: number,
  adjustments: CalendarAdjustment[] = ANNOUNCED_ADJUSTMENTS,
  choice: HolidayChoice = ANNOUNCED_CHOICES[year] ?? {},
): Holiday[] {
  const base = statutoryHolidays(year, choice);
  const days = new Map<IsoDate, Holiday>();
  for (const h of [...base, ...compensatoryDays(base)]) if (!days.has(h.date)) days.set(h.date, h);
  for (const a of adjustments) {
    const { year: y } = parseIsoDate(a.date);
    if (y !== year) continue;
    if (a.kind === 'working_day') days.delete(a.date);
    else
      days.set(a.date, {
        date: a.date,
        name: a.reason,
        kind: 'announced',
        legalBasis: a.legalBasis,
        effectiveFrom: a.date,
      });
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}
