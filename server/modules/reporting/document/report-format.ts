/**
 * Text conventions shared by the .docx and .xlsx writers and the layout checker: the
 * NĐ 30/2020/NĐ-CP date line, Vietnamese number format, status labels. Pure, no I/O.
 */
import type { ReportTargetRow, ReportUnitAttachments, ReportUnitCompleteness } from './report-document.types.ts';

function parseIso(iso: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`Invalid ISO date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * "Vĩnh Bảo, ngày 05 tháng 02 năm 2026" — NĐ 30/2020, Phụ lục I, mục II.5: days below 10 and
 * months 1 and 2 take a leading zero (so "tháng 1" cannot be misread/altered to "tháng 11",
 * "tháng 2" to "tháng 12"); other months are written without one ("tháng 3").
 */
export function viDateLine(place: string, iso: string): string {
  const { year, month, day } = parseIso(iso);
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/** RULES.md §4.5 — the date-line regex the checker applies (after NFC normalisation). */
export const DATE_LINE_RE = /^[^,]+, ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$/;

/** dd/mm/yyyy, the usual short form inside tables and lists. */
export function viShortDate(iso: string): string {
  const { year, month, day } = parseIso(iso);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** UTC midnight, so exceljs writes the calendar day whatever the server's time zone. */
export function isoToUtcDate(iso: string): Date {
  const { year, month, day } = parseIso(iso);
  return new Date(Date.UTC(year, month - 1, day));
}

const viNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const viNumber1 = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** Vietnamese number format: decimal comma, dot for thousands — "3,5", "1.234". */
export function viNum(value: number, digits: 1 | 2 = 2): string {
  return (digits === 1 ? viNumber1 : viNumber).format(value);
}

/** "87,5%" or "2 lớp"; "-" when nobody reported the value. */
export function viValue(value: number | null, unit: string): string {
  if (value === null) return '-';
  const u = unit.trim();
  if (!u) return viNum(value);
  return u === '%' ? `${viNum(value)}%` : `${viNum(value)} ${u}`;
}

export const STATUS_LABEL: Record<ReportTargetRow['status'], string> = {
  reached: 'Đã đạt',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ chậm',
  off_track: 'Chậm tiến độ',
  no_data: 'Chưa có số liệu',
};

/** Share of expected reports that arrived, in percent; null when nothing was expected. */
export function completenessRate(u: Pick<ReportUnitCompleteness, 'expected' | 'submitted'>): number | null {
  return u.expected > 0 ? (u.submitted / u.expected) * 100 : null;
}

export function completenessTotal(rows: ReportUnitCompleteness[]): ReportUnitCompleteness {
  const sum = (k: 'expected' | 'submitted' | 'onTime' | 'late' | 'missing') => rows.reduce((s, r) => s + r[k], 0);
  return {
    unitName: 'Tổng cộng',
    expected: sum('expected'),
    submitted: sum('submitted'),
    onTime: sum('onTime'),
    late: sum('late'),
    missing: sum('missing'),
  };
}

/**
 * "ỦY BAN NHÂN DÂN XÃ VĨNH BẢO" → "Ủy ban nhân dân xã Vĩnh Bảo" for running text
 * (NĐ 30/2020, Phụ lục II: generic nouns lower case, proper names capitalised).
 */
export function issuerInText(issuer: string): string {
  const words = issuer
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .map((w) => w.toLocaleLowerCase('vi'));
  const unitAt = words.findIndex((w) => w === 'xã' || w === 'phường' || w === 'đặc' || w === 'tỉnh' || w === 'thành');
  return words
    .map((w, i) => {
      const proper =
        unitAt >= 0 &&
        i > unitAt &&
        !(words[unitAt] === 'đặc' && w === 'khu') &&
        !(words[unitAt] === 'thành' && w === 'phố');
      return i === 0 || proper ? w.charAt(0).toLocaleUpperCase('vi') + w.slice(1) : w;
    })
    .join(' ');
}

/**
 * The annex line of the units' attachments: "- Phòng Kinh tế: bien-ban.pdf, anh.jpg;" — one
 * entry per unit, the last ending with "."; nothing when no unit attached a file.
 */
export function attachmentLines(units: ReportUnitAttachments[] | undefined): string[] {
  const list = (units ?? []).filter((u) => u.files.length);
  return list.map((u, i) => `- ${u.unitName}: ${u.files.join(', ')}${i === list.length - 1 ? '.' : ';'}`);
}
