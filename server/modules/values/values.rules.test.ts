import { describe, expect, it } from 'vitest';
import { attainment, targetStatus } from '../reporting/reporting.rules.ts';
import { figureOf, quarterOf } from './values.rules.ts';

describe('computed values', () => {
  it('belong to the quarter of the day they are computed', () => {
    expect(quarterOf('2026-11-23')).toEqual({ code: '2026-Q4', end: '2026-12-31' });
    expect(quarterOf('2026-01-01')).toEqual({ code: '2026-Q1', end: '2026-03-31' });
    expect(quarterOf('2026-06-30')).toEqual({ code: '2026-Q2', end: '2026-06-30' });
  });

  it('are shares in % with two decimals, leaving out a share of nothing rather than showing 0 %', () => {
    expect(figureOf({ numerator: 3, denominator: 4 })).toEqual({ value: 75, numerator: 3, denominator: 4 });
    expect(figureOf({ numerator: 1, denominator: 3 })).toEqual({ value: 33.33, numerator: 1, denominator: 3 });
    expect(figureOf({ numerator: 0, denominator: 0 })).toBeNull();
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
