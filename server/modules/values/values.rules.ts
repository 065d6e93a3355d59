/**
 * Pure rules of the values module: which period a computed value belongs to, and a share as
 * the percentage stored for it.
 */

/** The calendar quarter a date falls in: computed values belong to the current quarter. */
export function quarterOf(isoDate: string): { code: string; end: string } {
  const year = Number(isoDate.slice(0, 4));
  const q = Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1;
  const end = ['03-31', '06-30', '09-30', '12-31'][q - 1];
  return { code: `${year}-Q${q}`, end: `${year}-${end}` };
}

/** A count of records over the records it is taken from (tử số / mẫu số). */
export interface Share {
  numerator: number;
  denominator: number;
}

/** A computed value: the share in % (two decimals) with what it was counted from. */
export interface ComputedFigure extends Share {
  value: number;
}

/** The share as a value in %, or null with nothing to divide by (left out rather than shown as 0 %). */
export function figureOf(s: Share): ComputedFigure | null {
  if (!(s.denominator > 0)) return null;
  return {
    value: Math.round((10_000 * s.numerator) / s.denominator) / 100,
    numerator: s.numerator,
    denominator: s.denominator,
  };
}
