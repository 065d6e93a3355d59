import { formatNumber } from '../../../lib/format.ts';
import type { Locale, Translate } from '../../../lib/i18n.tsx';
import type { MessageKey } from '../../../lib/messages/vi.ts';
import type { Status, TargetRow } from '../api/dashboards.ts';
import type { CurrentUser } from '../../../lib/session.ts';

/** The order the statuses are shown in, best first. */
export const STATUSES: Status[] = ['reached', 'on_track', 'at_risk', 'off_track', 'no_data'];

/** Label and colour of a status (tiles, tags, bars and the CSV use the same words). */
export const statusMeta: Record<Status, { label: MessageKey; color: string; tag: string }> = {
  reached: { label: 'dashboard.status.reached', color: '#389e0d', tag: 'green' },
  on_track: { label: 'dashboard.status.on_track', color: '#1677ff', tag: 'blue' },
  at_risk: { label: 'dashboard.status.at_risk', color: '#d48806', tag: 'gold' },
  off_track: { label: 'dashboard.status.off_track', color: '#cf1322', tag: 'red' },
  no_data: { label: 'dashboard.status.no_data', color: '#8c8c8c', tag: 'default' },
};

export function sourceLabel(source: string, t: Translate) {
  switch (source) {
    case 'report':
      return t('dashboard.source.report');
    case 'computed':
      return t('dashboard.source.computed');
    case 'import':
      return t('dashboard.source.import');
    default:
      return source;
  }
}

const ROMAN = ['I', 'II', 'III', 'IV'];
/** '2026-Q1' → 'Quý I/2026', '2026-H1' → '6 tháng đầu năm 2026', '2026-9M', '2026' → 'Năm 2026'. */
export function periodText(code: string, t: Translate) {
  const m = /^(\d{4})(?:-(Q[1-4]|H1|H2|9M|M\d{2}))?$/.exec(code);
  if (!m) return code;
  const [, year, part] = m;
  if (!part) return t('dashboard.period.year', { year });
  if (part.startsWith('M')) return t('dashboard.period.month', { month: Number(part.slice(1)), year });
  if (part.startsWith('Q')) return t('dashboard.period.quarter', { q: ROMAN[Number(part[1]) - 1], n: part[1], year });
  return t(`dashboard.period.${part}` as MessageKey, { year });
}

/** A value with its unit, the Vietnamese way: "45,5 %", "3". */
export function valueText(n: number | null | undefined, unit: string, locale: Locale) {
  if (n === null || n === undefined) return '—';
  const v = formatNumber(n, locale, 1);
  return unit === '%' ? `${v} %` : unit === 'count' || !unit ? v : `${v} ${unit}`;
}

/**
 * The target's number from its text ("≥ 95 %", "50–55 %", "1.000", "99,5 %") for the chart's
 * target line. The dashboard contract gives the target as text only; the lower bound of a
 * range is the line to reach.
 */
export function targetNumber(text: string): number | null {
  const m = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/.exec(text);
  if (!m) return null;
  const n = Number(m[0].replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** Attainment as a bar length: 0–100. */
export const barPercent = (attainment: number | null) =>
  attainment === null ? 0 : Math.max(0, Math.min(100, Math.round(attainment)));

/** Accent-free, lower-case text so "dich vu cong" finds "Dịch vụ công". */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/** Targets by the plan's group ("Giai đoạn 2026 - 2027"), groups in the order the plan first names them. */
export function groupTargets(rows: TargetRow[]): { name: string | null; rows: TargetRow[] }[] {
  const groups = new Map<string | null, TargetRow[]>();
  for (const r of rows) {
    const name = r.groupName?.replace(/[:：]\s*$/, '').trim() || null;
    const list = groups.get(name);
    if (list) list.push(r);
    else groups.set(name, [r]);
  }
  return [...groups].map(([name, list]) => ({ name, rows: list }));
}

/** Who the server lets import values from a file (the button shows only for them). */
export const canImport = (user: Pick<CurrentUser, 'grants'>) =>
  user.grants.some(
    (g) =>
      (g.role === 'system_admin' && g.orgKind === 'nation') ||
      (g.role === 'province_officer' && g.orgKind === 'province') ||
      ((g.role === 'plan_officer' || g.role === 'commune_leader') && g.orgKind === 'commune'),
  );
