import { describe, expect, it } from 'vitest';
import { forecast } from './dashboards.rules.ts';

describe('forecast', () => {
  const target = { value: 100, unit: '%', year: 2027 };
  it('extends the line through the values so far to the end of the deadline year', () => {
    const f = forecast([{ date: '2026-03-31', value: 40 }, { date: '2026-06-30', value: 46 }, { date: '2026-09-30', value: 52 }], target)!;
    expect(f.points).toBe(3);
    expect(f.slopePerYear).toBeCloseTo(23.9, 0);
    expect(f.value).toBeGreaterThan(80);
    expect(f.value).toBeLessThan(90);
    expect(f.sentence).toMatch(/^Với tốc độ hiện nay, cuối năm 2027 đạt 8\d(,\d)? %, mục tiêu 100 %\.$/);
  });
  it('keeps rates within 0–100 % and needs two values and a deadline', () => {
    expect(forecast([{ date: '2026-03-31', value: 80 }, { date: '2026-06-30', value: 99 }], target)!.value).toBe(100);
    expect(forecast([{ date: '2026-03-31', value: 80 }], target)).toBeNull();
    expect(forecast([{ date: '2026-03-31', value: 1 }, { date: '2026-06-30', value: 2 }], { ...target, year: null })).toBeNull();
  });
  it('reads counts as they are', () => {
    const f = forecast([{ date: '2025-12-31', value: 1 }, { date: '2026-12-31', value: 3 }], { value: 5, unit: 'count', year: 2027 })!;
    expect(f.value).toBe(5);
    expect(f.sentence).toBe('Với tốc độ hiện nay, cuối năm 2027 đạt 5, mục tiêu 5.');
  });
});
