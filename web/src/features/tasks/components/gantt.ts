/**
 * Layout of the timeline (Gantt) chart: where each bar, milestone and tick goes, in pixels.
 * Hand-made rather than a chart library: the chart is a few positioned boxes per task, and
 * plain HTML keeps the task titles selectable, the bars links, and horizontal scrolling on a
 * phone native — ECharts (already a dependency) draws to a canvas and has no Gantt series.
 * Pure; dates are 'YYYY-MM-DD'.
 */
const DAY = 86_400_000;
const dayNo = (iso: string) => Math.floor(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY);

export interface GanttRange {
  /** First day shown (the 1st of the earliest month). */
  from: string;
  /** Last day shown (the end of the latest month). */
  to: string;
  days: number;
}

/** The months that cover every date given (and today, when it falls near them). */
export function ganttRange(dates: string[]): GanttRange | null {
  const valid = dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  if (!valid.length) return null;
  const first = valid[0];
  const last = valid[valid.length - 1];
  const from = `${first.slice(0, 7)}-01`;
  const [y, m] = [+last.slice(0, 4), +last.slice(5, 7)];
  const to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { from, to, days: dayNo(to) - dayNo(from) + 1 };
}

/** Left offset of a date and width of a span, in pixels, for a chart `width` pixels wide. */
export function position(range: GanttRange, width: number, start: string, end: string) {
  const px = width / range.days;
  const a = Math.max(dayNo(start), dayNo(range.from));
  const b = Math.min(dayNo(end), dayNo(range.to));
  return { left: Math.round((a - dayNo(range.from)) * px), width: Math.max(Math.round((b - a + 1) * px), 3) };
}

export const offsetOf = (range: GanttRange, width: number, date: string) =>
  Math.round(((dayNo(date) - dayNo(range.from)) * width) / range.days);

/** One tick per month ("T3") with the year on January and on the first month shown. */
export function monthTicks(
  range: GanttRange,
  width: number,
): { left: number; width: number; label: string; year: string | null }[] {
  const out: { left: number; width: number; label: string; year: string | null }[] = [];
  let y = +range.from.slice(0, 4);
  let m = +range.from.slice(5, 7);
  for (;;) {
    const start = `${y}-${String(m).padStart(2, '0')}-01`;
    if (start > range.to) break;
    const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    const p = position(range, width, start, end);
    out.push({ left: p.left, width: p.width, label: `T${m}`, year: m === 1 || out.length === 0 ? String(y) : null });
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** Pixels per month: wide enough to read a month label, so long plans scroll sideways. */
export const chartWidth = (range: GanttRange, monthPx: number) => Math.ceil((range.days / 30.44) * monthPx);
