import { describe, expect, it } from 'vitest';
import { attainment, targetStatus } from '../reporting/reporting.rules.ts';
import { fitLine, forecast, forecastFromFit, quarterOf, taskFigures, toYears, trendOf } from './dashboards.rules.ts';

describe('forecast', () => {
  const target = { value: 100, unit: '%', year: 2027 };
  it('extends the line through the values so far to the end of the deadline year', () => {
    const f = forecast(
      [
        { date: '2026-03-31', value: 40 },
        { date: '2026-06-30', value: 46 },
        { date: '2026-09-30', value: 52 },
      ],
      target,
    )!;
    expect(f.points).toBe(3);
    expect(f.slopePerYear).toBeCloseTo(23.9, 0);
    expect(f.value).toBeGreaterThan(80);
    expect(f.value).toBeLessThan(90);
    expect(f.sentence).toMatch(/^Với tốc độ hiện nay, cuối năm 2027 đạt 8\d(,\d)? %, mục tiêu 100 %\.$/);
  });
  it('keeps rates within 0–100 % and needs two values and a deadline', () => {
    expect(
      forecast(
        [
          { date: '2026-03-31', value: 80 },
          { date: '2026-06-30', value: 99 },
        ],
        target,
      )!.value,
    ).toBe(100);
    expect(forecast([{ date: '2026-03-31', value: 80 }], target)).toBeNull();
    expect(
      forecast(
        [
          { date: '2026-03-31', value: 1 },
          { date: '2026-06-30', value: 2 },
        ],
        { ...target, year: null },
      ),
    ).toBeNull();
  });
  it('reads counts as they are', () => {
    const f = forecast(
      [
        { date: '2025-12-31', value: 1 },
        { date: '2026-12-31', value: 3 },
      ],
      { value: 5, unit: 'count', year: 2027 },
    )!;
    expect(f.value).toBe(5);
    expect(f.sentence).toBe('Với tốc độ hiện nay, cuối năm 2027 đạt 5, mục tiêu 5.');
  });
});

describe('computed values', () => {
  it('belong to the quarter of the day they are computed', () => {
    expect(quarterOf('2026-11-23')).toEqual({ code: '2026-Q4', end: '2026-12-31' });
    expect(quarterOf('2026-01-01')).toEqual({ code: '2026-Q1', end: '2026-03-31' });
    expect(quarterOf('2026-06-30')).toEqual({ code: '2026-Q2', end: '2026-06-30' });
  });

  it('turn the task figures into shares by catalogue code, leaving out a share of nothing', () => {
    const f = taskFigures({
      tracked: { numerator: 3, denominator: 4 },
      doneOnTime: { numerator: 1, denominator: 3 },
      overdue: { numerator: 0, denominator: 0 },
    });
    expect(Object.fromEntries(f)).toEqual({
      'CQS-09': { value: 75, numerator: 3, denominator: 4 },
      'CQS-16': { value: 33.33, numerator: 1, denominator: 3 },
    });
  });

  it('give attainment and status like any other value, lower-is-better targets included', () => {
    const tracked = { comparator: '=' as const, value: 100, valueMax: null, year: 2026 };
    const overdue = { comparator: '<=' as const, value: 5, valueMax: null, year: 2026 };
    expect(attainment(tracked, 75)).toBe(75);
    expect(targetStatus(tracked, 75, { date: '2026-12-31', planStartYear: 2026 })).toBe('off_track');
    expect(targetStatus(tracked, 100, { date: '2026-12-31', planStartYear: 2026 })).toBe('reached');
    expect(attainment(overdue, 10)).toBe(50);
    expect(targetStatus(overdue, 0, { date: '2026-12-31', planStartYear: 2026 })).toBe('reached');
    expect(targetStatus(overdue, 10, { date: '2026-12-31', planStartYear: 2026 })).toBe('off_track');
  });
});

describe('line fit', () => {
  it('gives the forecast from sums alone, as the commune dashboard reads them from SQL', () => {
    const pts = [
      { date: '2026-03-31', value: 40 },
      { date: '2026-06-30', value: 46 },
      { date: '2026-09-30', value: 52 },
      { date: '2026-12-31', value: 51 },
    ];
    const fit = fitLine(pts);
    expect(fit.n).toBe(4);
    expect(fit.meanY).toBe(47.25);
    expect(fit.meanX).toBeCloseTo(
      (toYears('2026-03-31') + toYears('2026-06-30') + toYears('2026-09-30') + toYears('2026-12-31')) / 4,
      12,
    );
    const target = { value: 100, unit: '%', year: 2028 };
    expect(forecastFromFit(fit, target)).toEqual(forecast([...pts].reverse(), target));
    // Every point on one date: no line, no forecast.
    expect(
      forecastFromFit(
        fitLine([
          { date: '2026-03-31', value: 1 },
          { date: '2026-03-31', value: 2 },
        ]),
        target,
      ),
    ).toBeNull();
    expect(toYears('2026-01-01')).toBe(2026);
  });
  it('writes the sentence with a Vietnamese decimal comma and the unit', () => {
    const f = forecast(
      [
        { date: '2025-12-31', value: 1.25 },
        { date: '2026-12-31', value: 2.5 },
      ],
      { value: 1500.5, unit: 'ha', year: 2027 },
    )!;
    expect(f.sentence).toBe('Với tốc độ hiện nay, cuối năm 2027 đạt 3,8 ha, mục tiêu 1.500,5 ha.');
  });
});

describe('trend', () => {
  it('keeps one point per period, the value written last, in date order', () => {
    const v = (periodCode: string, date: string, value: number, source: string) => ({
      periodCode,
      date,
      value,
      source,
    });
    const trend = trendOf([
      v('2026-Q2', '2026-06-30', 50, 'report'),
      v('2026-Q1', '2026-03-31', 40, 'report'),
      v('2026-Q2', '2026-06-30', 55, 'computed'),
    ]);
    expect(trend).toEqual([v('2026-Q1', '2026-03-31', 40, 'report'), v('2026-Q2', '2026-06-30', 55, 'computed')]);
    expect(trendOf([])).toEqual([]);
  });
});
