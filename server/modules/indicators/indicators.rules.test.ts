import { describe, expect, it } from 'vitest';
import { ratioPercent, scoreCriterion } from './indicators.rules.ts';

describe('scoreCriterion', () => {
  it.each([
    [{ kind: 'ratio' as const, threshold: 80 }, 10, 40, 5],
    [{ kind: 'ratio' as const, threshold: 80 }, 10, 80, 10],
    [{ kind: 'ratio' as const, threshold: 80 }, 10, 95, 10],
    [{ kind: 'ratio' as const, threshold: 50 }, 22, 33.3, 14.65],
    [
      {
        kind: 'steps' as const,
        steps: [
          { min: 0, points: 0 },
          { min: 50, points: 3 },
          { min: 90, points: 5 },
        ],
      },
      5,
      72,
      3,
    ],
    [
      {
        kind: 'steps' as const,
        steps: [
          { min: 90, points: 5 },
          { min: 50, points: 3 },
        ],
      },
      5,
      95,
      5,
    ],
    [{ kind: 'steps' as const, steps: [{ min: 50, points: 3 }] }, 5, 10, 0],
  ])('%j max %d at %d → %d', (rule, max, value, points) => {
    expect(scoreCriterion(rule, max, value)).toBe(points);
  });
  it('gives no score without a value (denominator 0)', () => {
    expect(scoreCriterion({ kind: 'ratio', threshold: 80 }, 10, ratioPercent(3, 0))).toBeNull();
    expect(ratioPercent(3, 4)).toBe(75);
  });
});
