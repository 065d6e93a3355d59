import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import {
  addWorkingDays,
  buildCalendar,
  dayOffReason,
  holidaysOf,
  isWorkingDay,
  workingDayOnOrAfter,
  workingDaysBetween,
  type CalendarAdjustment,
} from './working-days.rules.ts';

const cal = buildCalendar({ years: [2025, 2027] });
const invalid = (code: string) => expect.objectContaining({ code, kind: 'invalid' });

describe('holidaysOf', () => {
  it('gives the 11 statutory days of Điều 112 with their legal basis', () => {
    const statutory = holidaysOf(2026).filter((h) => h.kind === 'statutory');
    expect(statutory.map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
    for (const h of statutory)
      expect(h).toMatchObject({ legalBasis: 'Bộ luật Lao động 2019, Điều 112', effectiveFrom: '2021-01-01' });
  });

  it.each([
    // [year, holiday on a weekend, its make-up day (Điều 111.3)]
    [2026, '2026-04-26', '2026-04-27'], // Giỗ Tổ on Sunday → Monday
    [2022, '2022-04-30', '2022-05-02'], // 30/4 Saturday, 1/5 Sunday → Monday and Tuesday
    [2022, '2022-05-01', '2022-05-03'],
    [2022, '2022-01-01', '2022-01-03'],
    [2023, '2023-09-02', '2023-09-04'],
    [2027, '2027-02-06', '2027-02-10'], // Tết mùng 1 and 2 on the weekend → after mùng 4
    [2027, '2027-02-07', '2027-02-11'],
  ])('%i: %s on a weekend is made up on %s', (year, holiday, makeUp) => {
    const h = holidaysOf(year).find((x) => x.date === makeUp);
    expect(h).toMatchObject({ kind: 'compensatory', legalBasis: 'Bộ luật Lao động 2019, Điều 111.3' });
    expect(h!.name).toContain(holidaysOf(year).find((x) => x.date === holiday)!.name);
  });

  it.each([
    [
      'Tết from two days before mùng 1 (as announced for 2021: off 10–16/2)',
      2021,
      { tetFirstDayOffset: -2 },
      'Tết Âm lịch',
      ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', '2021-02-15', '2021-02-16'],
    ],
    [
      'Quốc khánh with 3/9 instead of 1/9',
      2026,
      { nationalDayAdjacent: 'after' as const },
      'Quốc khánh',
      ['2026-09-02', '2026-09-03'],
    ],
  ])('a yearly choice moves the days: %s', (_name, year, choice, name, expected) => {
    const days = holidaysOf(year, [], choice)
      .filter((h) => h.name.includes(name))
      .map((h) => h.date);
    expect(days).toEqual(expected);
  });

  it('rejects years before Bộ luật Lao động 2019 took effect', () => {
    expect(() => holidaysOf(2020)).toThrow(invalid('CALENDAR_YEAR_UNSUPPORTED'));
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-02-13', true, 'Friday before Tết'],
    ['2026-02-14', false, 'Saturday'],
    ['2026-02-16', false, 'last day of Ất Tỵ'],
    ['2026-02-17', false, 'mùng 1 Bính Ngọ'],
    ['2026-02-20', false, 'mùng 4'],
    ['2026-02-22', false, 'Sunday'],
    ['2026-02-23', true, 'back to work'],
    ['2026-04-27', false, 'make-up for Giỗ Tổ'],
    ['2026-04-29', true, 'Wednesday'],
    ['2026-04-30', false, '30/4 Thursday'],
    ['2026-05-01', false, '1/5 Friday'],
    ['2026-05-04', true, 'Monday after'],
    ['2027-05-03', false, 'make-up for 1/5/2027 (Saturday)'],
    ['2025-07-25', true, 'an ordinary Friday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, cal)).toBe(expected);
  });

  it('names the reason for a day off', () => {
    expect(dayOffReason('2026-02-17', cal)).toBe('Tết Âm lịch (mùng 1)');
    expect(dayOffReason('2026-02-14', cal)).toBe('Nghỉ hằng tuần');
    expect(dayOffReason('2026-02-23', cal)).toBeNull();
  });

  it('applies announced swaps: a day off and a make-up Saturday', () => {
    const basis = 'Thông báo giả định (ví dụ trong kiểm thử)';
    const adjustments: CalendarAdjustment[] = [
      { date: '2026-08-31', kind: 'day_off', reason: 'Nghỉ hoán đổi trước Quốc khánh', legalBasis: basis },
      { date: '2026-08-22', kind: 'working_day', reason: 'Làm bù cho ngày 31/8', legalBasis: basis },
    ];
    const swapped = buildCalendar({ years: [2026], adjustments });
    expect(isWorkingDay('2026-08-31', swapped)).toBe(false);
    expect(isWorkingDay('2026-08-22', swapped)).toBe(true);
    expect(dayOffReason('2026-08-31', swapped)).toBe('Nghỉ hoán đổi trước Quốc khánh');
    expect(addWorkingDays('2026-08-28', 1, swapped)).toBe('2026-09-03');
  });
});

describe('addWorkingDays (the start day is not counted)', () => {
  it.each([
    ['2026-02-12', 3, '2026-02-24', 'across the 2026 Tết block'],
    ['2026-02-13', 3, '2026-02-25', 'Friday before Tết'],
    ['2026-02-17', 1, '2026-02-23', 'starting on a holiday'],
    ['2026-04-29', 1, '2026-05-04', '30/4–1/5 next to a weekend'],
    ['2026-04-24', 2, '2026-04-29', 'Giỗ Tổ make-up Monday and 28/4'],
    ['2026-03-06', 5, '2026-03-13', 'a plain week'],
    ['2026-03-07', 1, '2026-03-09', 'from a Saturday'],
    ['2026-03-06', 0, '2026-03-06', 'zero'],
    ['2026-02-25', -1, '2026-02-24', 'reminder 1 working day before'],
    ['2026-02-25', -3, '2026-02-13', 'reminder 3 working days before, across Tết'],
    ['2026-02-25', -7, '2026-02-09', 'reminder 7 working days before'],
    ['2026-12-31', 1, '2027-01-04', 'across New Year'],
  ])('%s + %i → %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(date, n, cal)).toBe(expected);
  });

  it.each([
    ['outside the calendar', () => addWorkingDays('2027-12-31', 1, cal), 'CALENDAR_YEAR_MISSING'],
    ['a non-integer count', () => addWorkingDays('2026-03-02', 1.5, cal), 'WORKING_DAYS_INVALID'],
    ['an impossible date', () => addWorkingDays('2026-02-30', 1, cal), 'DATE_INVALID'],
    ['a non-ISO date', () => isWorkingDay('17/02/2026', cal), 'DATE_INVALID'],
  ])('rejects %s', (_name, run, code) => {
    expect(run).toThrow(invalid(code));
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-02-13', '2026-02-23', 1],
    ['2026-02-12', '2026-02-24', 3],
    ['2026-03-02', '2026-03-02', 0],
    ['2026-03-02', '2026-03-09', 5],
    ['2026-02-24', '2026-02-12', -3],
    ['2026-04-24', '2026-05-04', 3], // 28, 29/4 and 4/5
  ])('%s → %s = %i', (a, b, n) => {
    expect(workingDaysBetween(a, b, cal)).toBe(n);
  });

  it('is the inverse of addWorkingDays through 2026', () => {
    for (let d = '2026-01-01'; d <= '2026-12-20'; d = addDays(d, 1)) {
      for (const n of [-7, -3, -1, 1, 3, 7]) expect(workingDaysBetween(d, addWorkingDays(d, n, cal), cal)).toBe(n);
    }
  });
});

describe('workingDayOnOrAfter', () => {
  it.each([
    ['2026-02-16', '2026-02-23'],
    ['2026-02-23', '2026-02-23'],
    ['2026-05-01', '2026-05-04'],
  ])('%s → %s', (date, expected) => {
    expect(workingDayOnOrAfter(date, cal)).toBe(expected);
  });
});
