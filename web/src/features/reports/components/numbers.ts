import { formatNumber } from '../../../lib/format.ts';
import type { Locale } from '../../../lib/i18n.tsx';

/**
 * A number as a person types it. Vietnamese writes 45,5 and 1.234,5: with a comma, the comma is
 * the decimal mark and dots group thousands; without one, "1.234" (groups of three) is a thousand
 * in Vietnamese and a dot is otherwise a decimal mark (45.5). Returns undefined for empty input,
 * NaN when it is not a number.
 */
export function parseNumber(text: string | null | undefined, locale: Locale = 'vi'): number | undefined {
  const s = (text ?? '').replace(/[\s\u00a0]/g, '');
  if (!s) return undefined;
  let normal: string;
  if (s.includes(','))
    normal =
      locale === 'en' && /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)
        ? s.replace(/,/g, '')
        : s.replace(/\./g, '').replace(',', '.');
  else if (locale === 'vi' && /^-?\d{1,3}(\.\d{3})+$/.test(s)) normal = s.replace(/\./g, '');
  else normal = s;
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(normal) ? Number(normal) : Number.NaN;
}

/** A stored number as the input shows it (Vietnamese decimal comma, no grouping). */
export const inputText = (n: number | null | undefined, locale: Locale) =>
  n === null || n === undefined ? '' : locale === 'vi' ? String(n).replace('.', ',') : String(n);

/** Value with its unit: "45,5%", "3". */
export function valueText(n: number | null | undefined, unit: string, locale: Locale) {
  if (n === null || n === undefined) return '—';
  const v = formatNumber(n, locale, 2);
  return unit === '%' ? `${v}%` : unit === 'count' || !unit ? v : `${v} ${unit}`;
}
