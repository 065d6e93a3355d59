import { formatNumber } from '../../../lib/format.ts';
import type { Locale } from '../../../lib/i18n.tsx';
import type { Comparator, Cycle, RuleContent, TargetContent } from '../api/types.ts';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const comparatorLabels: Labels<Comparator> = {
  '>=': { vi: '≥ (ít nhất)', en: '≥ (at least)' },
  '>': { vi: '> (trên)', en: '> (above)' },
  '=': { vi: '= (đúng bằng)', en: '= (exactly)' },
  '<=': { vi: '≤ (nhiều nhất)', en: '≤ (at most)' },
  '<': { vi: '< (dưới)', en: '< (below)' },
  range: { vi: 'khoảng (từ … đến …)', en: 'range (from … to …)' },
};
export const COMPARATORS = Object.keys(comparatorLabels) as Comparator[];

export const cycleLabels: Labels<Cycle> = {
  quarterly: { vi: 'Hằng quý', en: 'Quarterly' },
  'half-year': { vi: '6 tháng', en: 'Half-yearly' },
  'nine-month': { vi: '9 tháng', en: 'Nine months' },
  annual: { vi: 'Hằng năm', en: 'Yearly' },
  'ad-hoc': { vi: 'Đột xuất', en: 'Ad hoc' },
};
export const CYCLES = Object.keys(cycleLabels) as Cycle[];

const symbol: Record<Exclude<Comparator, 'range'>, string> = { '>=': '≥ ', '>': '> ', '=': '', '<=': '≤ ', '<': '< ' };

/** 'count' is the importer's word for "a number of things"; people see no unit then. */
export const unitText = (unit: string) => (unit === 'count' ? '' : unit);

/** "≥ 95 %", "50–55 %", "2" — the value of a target the Vietnamese way. */
export function targetValueText(
  t: Pick<TargetContent, 'comparator' | 'value' | 'valueMax' | 'unit'>,
  locale: Locale,
): string {
  const n = (v: number) => formatNumber(v, locale, 2);
  const unit = unitText(t.unit);
  const value =
    t.comparator === 'range' ? `${n(t.value)}–${n(t.valueMax ?? t.value)}` : `${symbol[t.comparator]}${n(t.value)}`;
  return unit ? `${value} ${unit}` : value;
}

export const periodText = (from: number | null, to: number | null) =>
  from && to && from !== to ? `${from}–${to}` : String(from ?? to ?? '');

/** "trước ngày 18/5", "trước ngày 18 (tháng cuối kỳ)" or the document's own words. */
export function deadlineText(r: Pick<RuleContent, 'day' | 'month' | 'deadlineText'>, locale: Locale): string {
  if (r.day && r.month) return locale === 'vi' ? `trước ngày ${r.day}/${r.month}` : `before ${r.day}/${r.month}`;
  if (r.day)
    return locale === 'vi' ? `trước ngày ${r.day} (tháng cuối kỳ)` : `before the ${r.day}th (last month of the period)`;
  return r.deadlineText ?? '';
}

export const cycleLabel = (c: Cycle, l: Locale) => cycleLabels[c]?.[l] ?? c;
export const comparatorLabel = (c: Comparator, l: Locale) => comparatorLabels[c]?.[l] ?? c;

/** Groups items by their heading in document order: consecutive items with the same group stay together. */
export function groupInOrder<T extends { groupName: string | null }>(
  items: T[],
): { name: string | null; items: T[] }[] {
  const groups: { name: string | null; items: T[] }[] = [];
  for (const it of items) {
    const last = groups[groups.length - 1];
    if (last && last.name === it.groupName) last.items.push(it);
    else groups.push({ name: it.groupName, items: [it] });
  }
  return groups;
}
