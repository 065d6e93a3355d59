/**
 * Pure rules of the dashboards: where a target's values are heading by its deadline.
 *
 * Forecast method (stated to the person beside the figure): ordinary least-squares line
 * through the values so far against time (in years), read at the end of the deadline year;
 * with one value only, no forecast. Rates are kept within 0–100 %. A line is honest about
 * "at this pace" and needs no tuning; plans' horizons (1–5 years, quarterly values) give too
 * few points for anything cleverer to be more than decoration.
 */
import { formatViNumber } from '../../platform/text.ts';

export interface Point {
  /** 'YYYY-MM-DD' end of the period the value belongs to. */
  date: string;
  value: number;
}

export interface Forecast {
  /** Projected value at the end of the deadline year. */
  value: number;
  atDate: string;
  /** Change per year of the fitted line. */
  slopePerYear: number;
  points: number;
  method: string;
  /** "Với tốc độ hiện nay, cuối năm 2027 đạt 82 %, mục tiêu 100 %." */
  sentence: string;
}

/** A date as a year with its fraction ('2026-07-02' → 2026.498…); SQL computes the same in the commune dashboard. */
export const toYears = (iso: string) =>
  Number(iso.slice(0, 4)) +
  (Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) -
    Date.UTC(Number(iso.slice(0, 4)), 0, 1)) /
    (365.25 * 86_400_000);

/** The least-squares line through a target's points: what the forecast needs of them. */
export interface LineFit {
  /** How many points (one per period). */
  n: number;
  /** Mean of the points' times, in years (see `toYears`). */
  meanX: number;
  meanY: number;
  /** Σ(x − x̄)²: 0 when every point has the same date (no line). */
  sxx: number;
  /** Σ(x − x̄)(y − ȳ). */
  sxy: number;
}

/** The fit of a list of points; the commune dashboard gets the same sums from SQL (regr_*). */
export function fitLine(points: Point[]): LineFit {
  const xs = points.map((p) => toYears(p.date));
  const ys = points.map((p) => p.value);
  const n = points.length;
  const meanX = n ? xs.reduce((a, b) => a + b, 0) / n : 0;
  const meanY = n ? ys.reduce((a, b) => a + b, 0) / n : 0;
  return {
    n,
    meanX,
    meanY,
    sxx: xs.reduce((a, x) => a + (x - meanX) ** 2, 0),
    sxy: xs.reduce((a, x, i) => a + (x - meanX) * (ys[i] - meanY), 0),
  };
}

const unitSuffix = (unit: string) => (unit === '%' ? ' %' : unit === 'count' ? '' : ` ${unit}`);

export function forecast(
  points: Point[],
  target: { value: number; unit: string; year: number | null },
): Forecast | null {
  return forecastFromFit(fitLine(points), target);
}

/** The forecast from a line fit: the projected value at the end of the deadline year, in words. */
export function forecastFromFit(
  fit: LineFit,
  target: { value: number; unit: string; year: number | null },
): Forecast | null {
  if (fit.n < 2 || target.year === null || !(fit.sxx > 0)) return null;
  const slope = fit.sxy / fit.sxx;
  const atDate = `${target.year}-12-31`;
  let value = fit.meanY + slope * (toYears(atDate) - fit.meanX);
  if (target.unit === '%') value = Math.min(100, Math.max(0, value));
  value = Math.round(value * 10) / 10;
  const fmt = (v: number) => `${formatViNumber(v, 1)}${unitSuffix(target.unit)}`;
  return {
    value,
    atDate,
    slopePerYear: Math.round(slope * 100) / 100,
    points: fit.n,
    method: `Đường thẳng bình phương tối thiểu qua ${fit.n} giá trị đã có, kéo đến cuối năm ${target.year}`,
    sentence: `Với tốc độ hiện nay, cuối năm ${target.year} đạt ${fmt(value)}, mục tiêu ${fmt(target.value)}.`,
  };
}

/**
 * A target's chart: one point per period, the value written last (whatever its source), as
 * the rollup decides the latest value. `values` come oldest write first.
 */
export function trendOf<T extends { periodCode: string; date: string }>(values: T[]): T[] {
  const byPeriod = new Map<string, T>();
  for (const v of values) byPeriod.set(v.periodCode, v);
  return [...byPeriod.values()].sort((a, b) => a.date.localeCompare(b.date));
}
