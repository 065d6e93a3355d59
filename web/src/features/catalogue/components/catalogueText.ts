import { formatNumber } from '../../../lib/format.ts';
import type { Locale } from '../../../lib/i18n.tsx';
import type { ScoringRule } from '../api/criteria-sets.ts';
import type { Domain } from '../api/indicators.ts';

export const domainLabels: Record<Domain, { vi: string; en: string }> = {
  digital_government: { vi: 'Chính quyền số', en: 'Digital government' },
  digital_economy: { vi: 'Kinh tế số', en: 'Digital economy' },
  digital_society: { vi: 'Xã hội số', en: 'Digital society' },
  infrastructure: { vi: 'Hạ tầng số', en: 'Digital infrastructure' },
  other: { vi: 'Khác', en: 'Other' },
};
export const DOMAINS = Object.keys(domainLabels) as Domain[];
export const domainLabel = (d: Domain, l: Locale) => domainLabels[d]?.[l] ?? d;

/** A scoring rule in words: "tỷ lệ × điểm tối đa, đủ điểm khi ≥ 80 %" or its steps. */
export function scoringText(rule: ScoringRule, maxPoints: number, locale: Locale): string {
  const n = (v: number) => formatNumber(v, locale, 2);
  if (rule.kind === 'ratio') {
    return locale === 'vi'
      ? `tỷ lệ × điểm tối đa, đủ ${n(maxPoints)} điểm khi ≥ ${n(rule.threshold)} %`
      : `ratio × maximum points, full ${n(maxPoints)} points at ≥ ${n(rule.threshold)} %`;
  }
  const steps = [...rule.steps].sort((a, b) => a.min - b.min);
  return steps
    .map((s) => (locale === 'vi' ? `≥ ${n(s.min)}: ${n(s.points)} điểm` : `≥ ${n(s.min)}: ${n(s.points)} pts`))
    .join('; ');
}

export const CRITERIA_SET_EXAMPLE = {
  name: 'Bộ chỉ số đánh giá chuyển đổi số cấp xã năm 2026',
  year: 2026,
  legalBasis: 'Quyết định số …/QĐ-UBND của UBND tỉnh',
  criteria: [
    {
      groupName: 'Chính quyền số',
      code: '1.1',
      name: 'Tỷ lệ hồ sơ TTHC nộp trực tuyến',
      maxPoints: 10,
      scoring: { kind: 'ratio', threshold: 80 },
      evidence: 'Số liệu hệ thống một cửa điện tử',
    },
    {
      groupName: 'Xã hội số',
      code: '2.1',
      name: 'Tổ công nghệ số cộng đồng hoạt động',
      maxPoints: 5,
      scoring: {
        kind: 'steps',
        steps: [
          { min: 0, points: 0 },
          { min: 50, points: 3 },
          { min: 100, points: 5 },
        ],
      },
    },
  ],
};
