/**
 * Pure rules of the dashboards: where a target's values are heading by its deadline.
 *
 * Forecast method (stated to the person beside the figure): ordinary least-squares line
 * through the values so far against time (in years), read at the end of the deadline year;
 * with one value only, no forecast. Rates are kept within 0–100 %. A line is honest about
 * "at this pace" and needs no tuning; plans' horizons (1–5 years, quarterly values) give too
 * few points for anything cleverer to be more than decoration.
 */
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

const toYears = (iso: string) => Number(iso.slice(0, 4)) + (Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) - Date.UTC(Number(iso.slice(0, 4)), 0, 1)) / (365.25 * 86_400_000);

export function forecast(points: Point[], target: { value: number; unit: string; year: number | null }): Forecast | null {
  const pts = [...points].sort((a, b) => a.date.localeCompare(b.date));
  if (pts.length < 2 || target.year === null) return null;
  const xs = pts.map((p) => toYears(p.date));
  const ys = pts.map((p) => p.value);
  const n = pts.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const slope = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / sxx;
  const atDate = `${target.year}-12-31`;
  let value = my + slope * (toYears(atDate) - mx);
  if (target.unit === '%') value = Math.min(100, Math.max(0, value));
  value = Math.round(value * 10) / 10;
  const fmt = (v: number) => `${v.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}${target.unit === '%' ? ' %' : target.unit === 'count' ? '' : ` ${target.unit}`}`;
  return {
    value,
    atDate,
    slopePerYear: Math.round(slope * 100) / 100,
    points: n,
    method: `Đường thẳng bình phương tối thiểu qua ${n} giá trị đã có, kéo đến cuối năm ${target.year}`,
    sentence: `Với tốc độ hiện nay, cuối năm ${target.year} đạt ${fmt(value)}, mục tiêu ${fmt(target.value)}.`,
  };
}

/** The calendar quarter a date falls in: computed values belong to the current quarter. */
export function quarterOf(isoDate: string): { code: string; end: string } {
  const year = Number(isoDate.slice(0, 4));
  const q = Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1;
  const end = ['03-31', '06-30', '09-30', '12-31'][q - 1];
  return { code: `${year}-Q${q}`, end: `${year}-${end}` };
}

export interface Share {
  numerator: number;
  denominator: number;
}
export interface ComputedFigure {
  value: number;
  numerator: number;
  denominator: number;
}

/**
 * The task figures (from the tasks module's own `stats`) as catalogue-coded shares in %:
 * CQS-09 plan tasks tracked electronically, CQS-16 done on time, CQS-17 overdue. A share
 * with nothing to divide by is left out rather than shown as 0 %.
 */
export function taskFigures(s: { tracked: Share; doneOnTime: Share; overdue: Share }): Map<string, ComputedFigure> {
  const out = new Map<string, ComputedFigure>();
  const put = (code: string, x: Share) => {
    if (x.denominator > 0) out.set(code, { value: Math.round((10_000 * x.numerator) / x.denominator) / 100, numerator: x.numerator, denominator: x.denominator });
  };
  put('CQS-09', s.tracked);
  put('CQS-16', s.doneOnTime);
  put('CQS-17', s.overdue);
  return out;
}
