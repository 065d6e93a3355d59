import { formatNumber } from '../../../lib/format.ts';
import type { Locale, Translate } from '../../../lib/i18n.tsx';
import type { CommuneDashboard } from '../api/dashboards.ts';
import type { Cell } from './csv.ts';
import { periodText, sourceLabel, statusMeta } from './labels.ts';

/** The commune dashboard's table as CSV rows: one header row, then one row per target. */
export function communeCsvRows(data: CommuneDashboard, t: Translate, locale: Locale): Cell[][] {
  const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : formatNumber(n, locale, 2));
  const header = [
    'group',
    'target',
    'goal',
    'deadline',
    'unit',
    'latest',
    'period',
    'source',
    'attainment',
    'status',
    'forecast',
  ].map((k) => t(`dashboard.csv.${k}` as Parameters<Translate>[0]));
  return [
    header,
    ...data.targets.map((r) => [
      r.groupName?.replace(/[:：]\s*$/, '') ?? '',
      r.text,
      r.targetText,
      r.deadlineYear ?? '',
      r.unit === 'count' ? '' : r.unit,
      num(r.latest?.value),
      r.latest ? periodText(r.latest.periodCode, t) : '',
      r.latest ? sourceLabel(r.latest.source, t) : '',
      num(r.latest?.attainment),
      t(statusMeta[r.status].label),
      r.forecast ? num(r.forecast.value) : '',
    ]),
  ];
}
