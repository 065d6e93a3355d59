import { describe, expect, it } from 'vitest';
import { fitLine, forecast, forecastFromFit, toYears, trendOf } from './dashboards.rules.ts';

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
