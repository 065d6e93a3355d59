import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from './dates.ts';
import { leapMonthOf, lunarNewYear, lunarToSolar, solarToLunar } from './lunar.ts';

describe('lunar ↔ solar (Hồ Ngọc Đức, UTC+7)', () => {
  it.each([
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2030, '2030-02-02'], // Vietnam; China (UTC+8) has 2030-02-03 — the new moon is at 23:07 in Hà Nội
  ])('Tết %i is %s', (year, solar) => {
    expect(lunarNewYear(year)).toBe(solar);
    expect(solarToLunar(solar)).toEqual({ day: 1, month: 1, year, isLeap: false });
  });

  it.each([
    ['Giỗ Tổ 10/3/2026', { day: 10, month: 3, year: 2026 }, '2026-04-26'],
    ['1/6 nhuận 2025', { day: 1, month: 6, year: 2025, isLeap: true }, '2025-07-25'],
    ['1/6 2025 (not leap)', { day: 1, month: 6, year: 2025, isLeap: false }, '2025-06-25'],
    ['Rằm tháng Giêng 2026', { day: 15, month: 1, year: 2026 }, '2026-03-03'],
    ['1/11 nhuận 2033', { day: 1, month: 11, year: 2033, isLeap: true }, '2033-12-22'],
  ])('%s', (_name, lunar, solar) => {
    expect(lunarToSolar(lunar)).toBe(solar);
    expect(solarToLunar(solar)).toEqual({ isLeap: false, ...lunar });
  });

  it.each([
    [2020, 4],
    [2023, 2],
    [2025, 6],
    [2026, null],
    [2028, 5],
    [2033, 11],
  ])('leap month of %i is %s', (year, month) => {
    expect(leapMonthOf(year)).toBe(month);
  });

  it.each([
    ['a leap flag on a month that is not leap', { day: 1, month: 5, year: 2025, isLeap: true }],
    ['a leap month in a year without one', { day: 1, month: 6, year: 2026, isLeap: true }],
    ['day 30 of a 29-day month (12/Ất Tỵ)', { day: 30, month: 12, year: 2025 }],
    ['month 13', { day: 1, month: 13, year: 2026 }],
    ['day 0', { day: 0, month: 1, year: 2026 }],
  ])('rejects %s', (_name, lunar) => {
    expect(() => lunarToSolar(lunar)).toThrow(expect.objectContaining({ code: 'LUNAR_DATE_INVALID', kind: 'invalid' }));
  });

  it('the day before a month the published code misnumbers is day 30, not day 0', () => {
    expect(solarToLunar('2054-05-07')).toEqual({ day: 30, month: 3, year: 2054, isLeap: false });
  });

  it('round-trips every day 2020–2035 and lunar days advance by one', () => {
    let previous = solarToLunar('2019-12-31');
    const last = toDayNumber('2035-12-31');
    for (let d = '2020-01-01'; toDayNumber(d) <= last; d = addDays(d, 1)) {
      const lunar = solarToLunar(d);
      expect(lunarToSolar(lunar), d).toBe(d);
      expect(lunar.day === previous.day + 1 || (lunar.day === 1 && previous.day >= 29), d).toBe(true);
      previous = lunar;
    }
  });
});
