/**
 * Pure rules of periodic reporting: who a plan's rule binds (units or the commune), which
 * unit reports a target, checking a reported value, attainment of a target and its status,
 * and completeness / timeliness (NĐ 09/2019/NĐ-CP; RULES.md §1).
 */
import { foldVietnamese, formatViNumber } from '../../platform/text.ts';

/**
 * A rule whose recipient is a provincial body (Sở, UBND tỉnh/thành phố) binds the commune;
 * otherwise it binds the commune's units reporting to the standing office.
 */
export function ruleLevel(rule: { reporter: string | null; recipient: string | null }): 'unit' | 'commune' {
  const to = foldVietnamese(rule.recipient ?? '');
  const from = foldVietnamese(rule.reporter ?? '');
  if (/\bso\b|ubnd (tinh|thanh pho)|uy ban nhan dan (tinh|thanh pho)|tinh uy|thanh uy|bo /.test(to)) return 'commune';
  if (/\b(ubnd|uy ban nhan dan) xa\b/.test(from) && !/phong|ban|nganh|don vi|truong|tram/.test(from)) return 'commune';
  return 'unit';
}

export type UnitKind =
  | 'office'
  | 'economy'
  | 'culture_society'
  | 'service_center'
  | 'police'
  | 'military'
  | 'school'
  | 'health'
  | 'village'
  | 'digital_team'
  | 'party_mass'
  | 'other';

/**
 * The unit that by its duties holds a target's figures: one-stop figures at the service
 * centre, business and economy at Phòng Kinh tế, schools, health and people's skills at
 * Phòng Văn hóa - Xã hội (also the default: it is the standing office of the plan).
 */
export function defaultReportingUnit(
  target: { text: string; groupName: string | null },
  units: { id: string; unitType: UnitKind | null }[],
): string | null {
  const t = foldVietnamese(`${target.groupName ?? ''} ${target.text}`);
  const pick = (type: UnitKind) => units.find((u) => u.unitType === type)?.id ?? null;
  // Internal work first: "hồ sơ công việc" is the office's, not a citizen's dossier.
  if (/van ban|ho so cong viec|chu ky so|can bo|cong chuc|thu dien tu|bao cao|nhiem vu/.test(t))
    return pick('office') ?? pick('culture_society');
  if (/ho so|thu tuc|dich vu cong|mot cua|so hoa ket qua|giay to/.test(t))
    return pick('service_center') ?? pick('culture_society');
  if (/doanh nghiep|kinh te|thuong mai|nong nghiep|hop tac xa|thanh toan|hoa don|thue|grdp|san xuat/.test(t))
    return pick('economy') ?? pick('culture_society');
  return pick('culture_society') ?? pick('office');
}

export interface ValueCheck {
  errors: { field: 'value' | 'numerator' | 'denominator'; message: string }[];
  warning: string | null;
  value: number | null;
}

/**
 * Checks one reported value. The value may come from numerator / denominator (for a rate);
 * a percent stays within 0–100; a jump far from the previous period is flagged, not refused.
 */
export function checkValue(
  input: { value: number | null; numerator: number | null; denominator: number | null },
  unit: string,
  previous: number | null,
): ValueCheck {
  const errors: ValueCheck['errors'] = [];
  let value = input.value;
  if (input.numerator !== null || input.denominator !== null) {
    if (input.numerator === null || input.denominator === null)
      errors.push({ field: input.numerator === null ? 'numerator' : 'denominator', message: 'Cần cả tử số và mẫu số' });
    else if (input.denominator <= 0) errors.push({ field: 'denominator', message: 'Mẫu số phải lớn hơn 0' });
    else if (input.numerator < 0) errors.push({ field: 'numerator', message: 'Tử số không được âm' });
    else if (input.numerator > input.denominator)
      errors.push({ field: 'numerator', message: 'Tử số không được lớn hơn mẫu số' });
    else if (unit === '%') value = Math.round((10_000 * input.numerator) / input.denominator) / 100;
  }
  if (value !== null) {
    if (!Number.isFinite(value)) errors.push({ field: 'value', message: 'Giá trị phải là một số' });
    else if (unit === '%' && (value < 0 || value > 100))
      errors.push({ field: 'value', message: 'Tỷ lệ phần trăm phải trong khoảng 0–100' });
    else if (value < 0) errors.push({ field: 'value', message: 'Giá trị không được âm' });
  }
  let warning: string | null = null;
  if (!errors.length && value !== null && previous !== null) {
    const jump =
      unit === '%' ? Math.abs(value - previous) >= 30 : previous > 0 && Math.abs(value - previous) / previous >= 0.5;
    if (jump)
      warning = `Giá trị thay đổi nhiều so với kỳ trước (${formatViNumber(previous)} → ${formatViNumber(value)}); hãy kiểm tra lại.`;
  }
  return { errors, warning, value };
}

export type TargetStatus = 'reached' | 'on_track' | 'at_risk' | 'off_track' | 'no_data';

export interface TargetLike {
  comparator: '>=' | '>' | '=' | '<=' | '<' | 'range';
  value: number;
  valueMax: number | null;
  year: number | null;
}

/** Does a value keep the target's promise? (`=` with a percentage is read as "at least", as plans mean it.) */
export function meets(t: TargetLike, v: number): boolean {
  switch (t.comparator) {
    case '>=':
    case '=':
      return v >= t.value;
    case '>':
      return v > t.value;
    case '<=':
      return v <= t.value;
    case '<':
      return v < t.value;
    case 'range':
      return v >= t.value;
  }
}

/** Attainment in percent of the target (≥ 100 when met); for an upper bound the ratio is inverted. */
export function attainment(t: TargetLike, v: number | null): number | null {
  if (v === null) return null;
  if (t.comparator === '<=' || t.comparator === '<') return v <= 0 ? 100 : Math.round((10_000 * t.value) / v) / 100;
  if (t.value === 0) return v >= 0 ? 100 : 0;
  return Math.round((10_000 * v) / t.value) / 100;
}

/**
 * Status of a target at a date: reached when met; otherwise compared with the share of the
 * plan's time already spent (linear path from the plan's first year to the deadline year):
 * on track at or above that share, at risk within 80 % of it, off track below.
 */
export function targetStatus(
  t: TargetLike,
  v: number | null,
  at: { date: string; planStartYear: number | null },
): TargetStatus {
  if (v === null) return 'no_data';
  if (meets(t, v)) return 'reached';
  const a = attainment(t, v) ?? 0;
  const start = at.planStartYear ?? t.year ?? Number(at.date.slice(0, 4));
  const end = (t.year ?? start) + 1; // the deadline year counts in full
  const now = Number(at.date.slice(0, 4)) + (Number(at.date.slice(5, 7)) - 1) / 12 + Number(at.date.slice(8, 10)) / 365;
  const share = end > start ? Math.min(1, Math.max(0, (now - start) / (end - start))) : 1;
  const required = 100 * share;
  if (a >= required) return 'on_track';
  if (a >= 0.8 * required) return 'at_risk';
  return 'off_track';
}

export const STATUS_LABEL: Record<TargetStatus, string> = {
  reached: 'Đã đạt',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ chậm',
  off_track: 'Chậm tiến độ',
  no_data: 'Chưa có số liệu',
};

/** A submission is on time when made no later than the due date (Vietnam local date). */
export const isLate = (submittedAt: Date, dueOn: string) => vietnamDate(submittedAt) > dueOn;
export const vietnamDate = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

export interface Completeness {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  /** Percent, null when nothing was expected. */
  completeness: number | null;
  timeliness: number | null;
}

/** expected = units assigned × periods due; on time = submitted no later than the deadline. */
export function completeness(rows: { due: boolean; submitted: boolean; late: boolean | null }[]): Completeness {
  const due = rows.filter((r) => r.due);
  const submitted = due.filter((r) => r.submitted).length;
  const late = due.filter((r) => r.submitted && r.late).length;
  const onTime = submitted - late;
  const pct = (n: number) => (due.length ? Math.round((1000 * n) / due.length) / 10 : null);
  return {
    expected: due.length,
    submitted,
    onTime,
    late,
    missing: due.length - submitted,
    completeness: pct(submitted),
    timeliness: pct(onTime),
  };
}

/**
 * Separation of duties (REPORT_SEPARATION_OF_DUTIES, on by default): the person who sent a unit's
 * report does not approve or return it — as with tasks, where whoever submits a result does not
 * verify it. A plan officer both fills a unit's report and reviews them all, so without this rule
 * one person could send figures and approve them into the dashboards.
 */
export const isSelfReview = (submittedBy: string | null, reviewerId: string, separated: boolean) =>
  separated && submittedBy !== null && submittedBy === reviewerId;
