/**
 * Numbers as Vietnamese administrative documents write them: decimal comma ("3,5%"),
 * ranges ("50–55%"), comparators in words ("tối thiểu", "trên", "không quá"), speeds
 * ("40 Mbit/s", "1Gb/s") and years ("Đến năm 2027", "giai đoạn 2026–2030", "(2035)").
 * Everything here is pure string work; the callers decide which mentions are targets.
 */
import { fold } from './vi-text.ts';

export type Comparator = '>=' | '>' | '=' | '<=' | '<' | 'range';

export interface Mention {
  /** Start of the mention including a comparator word before the number ("tối thiểu 35%"). */
  start: number;
  /** Where the digits start — the line of the indicator is the line of this offset. */
  numStart: number;
  end: number;
  value: number;
  valueMax: number | null;
  unit: string;
  comparator: Comparator;
  hasComparator: boolean;
  kind: 'percent' | 'speed' | 'count' | 'rate';
}

/**
 * "3,5" → 3.5, "97.8" → 97.8, "1.000" → 1000, "01" → 1. A separator followed by exactly three
 * digits is a thousands separator (Vietnamese writes 1.000 or 1 000); otherwise it is decimal.
 */
export function parseViNumber(s: string): number {
  const t = s.trim();
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(t) && !/^0[.,]/.test(t)) return Number(t.replace(/[.,]/g, ''));
  return Number(t.replace(',', '.'));
}

const NUM = String.raw`\d+(?:[.,]\d+)?`;
// A number may not be glued to a letter or another number before it ("5G", "57-NQ", "19/19" handled apart).
const NB = String.raw`(?<![\p{L}\d.,/\-–])`;

const PERCENT_RE = new RegExp(String.raw`${NB}(${NUM})(?:\s*%?\s*(?:-|–|—|đến|tới)\s*(${NUM}))?\s*(%|phần trăm)`, 'gu');
const SPEED_RE = new RegExp(
  String.raw`${NB}(${NUM})\s*(Mbit\/s|Mbps|Mb\/s|Mbit|Gbit\/s|Gbps(?:\/s)?|Gb\/s|Gbit|Kbit\/s|Kbps)(?![\p{L}])`,
  'giu',
);

export function normalizeSpeedUnit(u: string): string {
  const f = u.toLowerCase();
  if (f.startsWith('g')) return 'Gbit/s';
  if (f.startsWith('k')) return 'kbit/s';
  return 'Mbit/s';
}

// Comparator words, matched on folded text at the very end of what precedes the number.
// Longer phrases first: "không dưới" must win over "dưới", "tối thiểu trên" resolves to "trên".
const COMPARATOR_TAILS: Array<[RegExp, Comparator]> = [
  [/(?:>=|≥|≧)\s*$/, '>='],
  [/(?:<=|≤|≦)\s*$/, '<='],
  [/(?:^|[\s(])khong (?:duoi|thap hon|it hon|nho hon)\s*$/, '>='],
  [/(?:^|[\s(])(?:toi da|khong (?:qua|vuot qua|vuot|cao hon|lon hon|nhieu hon))\s*$/, '<='],
  [/(?:^|[\s(])(?:it nhat|toi thieu)\s*$/, '>='],
  [/(?:^|[\s(])(?:tren|hon|vuot|cao hon|lon hon|nhieu hon)\s*$/, '>'],
  [/(?:^|[\s(])(?:duoi|thap hon|it hon|nho hon)\s*$/, '<'],
  [/>\s*$/, '>'],
  [/<\s*$/, '<'],
];

/** Comparator written just before a number, with how many characters it takes. */
export function comparatorBefore(before: string): { comparator: Comparator; length: number } | null {
  const tail = before.slice(-40);
  const f = fold(tail);
  for (const [re, comparator] of COMPARATOR_TAILS) {
    const m = re.exec(f);
    if (m) {
      // fold() keeps the length of Vietnamese letters (one code unit each after NFC+strip), so offsets line up.
      const length = m[0].replace(/^[\s(]/, '').length;
      return { comparator, length: Math.min(length, tail.length) };
    }
  }
  return null;
}

/** "80% trở lên" / "trở xuống" after the number. */
export function comparatorAfter(after: string): Comparator | null {
  const f = fold(after.slice(0, 20));
  if (/^\s*tro len\b/.test(f)) return '>=';
  if (/^\s*tro xuong\b/.test(f)) return '<=';
  return null;
}

/** True when the number is stated as not reached ("còn thấp chưa đạt 45%"): a shortfall, not a target. */
export function isNegated(before: string): boolean {
  return /(?:^|\s)(?:chua|khong) dat\s*$/.test(
    fold(before.slice(-20)).replace(/\s+(?:toi thieu|it nhat|tren)\s*$/, ''),
  );
}

function makeMention(
  text: string,
  numStart: number,
  numEnd: number,
  value: number,
  valueMax: number | null,
  unit: string,
  kind: Mention['kind'],
): Mention {
  const before = text.slice(0, numStart);
  const cmp = valueMax !== null ? null : comparatorBefore(before);
  const after = valueMax !== null ? null : comparatorAfter(text.slice(numEnd));
  let start = cmp ? numStart - cmp.length : numStart;
  let end = numEnd;
  // "từ 80% trở lên": "từ" and "trở lên" belong to the comparator, not to what is measured.
  if (after) {
    end += /^\s*trở (?:lên|xuống)/u.exec(text.slice(end))?.[0].length ?? 0;
    const tu = cmp ? null : /(?:^|\s)từ\s*$/u.exec(before.slice(-12));
    if (tu) start = numStart - tu[0].trimStart().length;
  }
  const comparator: Comparator = valueMax !== null ? 'range' : (cmp?.comparator ?? after ?? '=');
  return { start, numStart, end, value, valueMax, unit, comparator, hasComparator: Boolean(cmp || after), kind };
}

/** Percentages and speeds in a piece of text (counts need context, see findCounts). */
export function findMeasures(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(PERCENT_RE)) {
    const a = parseViNumber(m[1]);
    const b = m[2] !== undefined ? parseViNumber(m[2]) : null;
    const isRange = b !== null && b > a;
    out.push(makeMention(text, m.index!, m.index! + m[0].length, a, isRange ? b : null, '%', 'percent'));
  }
  for (const m of text.matchAll(SPEED_RE)) {
    out.push(
      makeMention(text, m.index!, m.index! + m[0].length, parseViNumber(m[1]), null, normalizeSpeedUnit(m[2]), 'speed'),
    );
  }
  return out.sort((x, y) => x.numStart - y.numStart);
}

// Verbs and phrases after which a bare number counts things ("hiện có 03 nhà mạng", "thí điểm 1 mô hình").
const COUNT_LEAD =
  /(?:^|[\s(])(?:co|hien co|duy tri|dat|trang bi|cung cap|thanh lap|bo tri|xay dung|hinh thanh|thi diem|to chuc|dao tao|tap huan|mo|lap dat|ket noi|so luong|voi|gom|tang them|phat trien|it nhat|toi thieu|tren|khong duoi|toi da|khong qua|duoi|≥|>=|≤|<=)\s*$/;
// Words after the number that make it a time, an age or a frequency rather than a count.
const NOT_COUNT_NOUN = /^(?:nam|thang|ngay|tuan|quy|gio|phut|giay|tuoi|lan|ky|con so|muc|cap|buoc|so)\b/;

/**
 * Counts ("03 nhà mạng", "19/19 thôn") and rates ("10 hồ sơ/năm", "1 lần/2 năm"). Only used on
 * list items and table cells, and only after a verb of quantity or at the start of the item:
 * narrative numbers ("dân số trên 18 025 người", "mô hình 4 lớp") are descriptions, not targets.
 */
export function findCounts(text: string, atItemStart: boolean): Mention[] {
  const out: Mention[] = [];
  const re = /(?<![\p{L}\d.,/\-–(])(\d{1,6})(?:\/(\d{1,6}))?(?![\d.,%]|\/\d|\s*[%)])(\s+)/gu;
  for (const m of text.matchAll(re)) {
    const numStart = m.index!;
    const value = Number(m[1]);
    const afterStart = numStart + m[0].length;
    const afterText = text.slice(afterStart, afterStart + 40);
    if (!/^\p{L}/u.test(afterText) || /^\p{Lu}{2,}|^\p{Lu}\d/u.test(afterText)) continue; // a count is followed by the counted noun
    const fAfter = fold(afterText);
    if (value >= 1900 && value <= 2100) continue; // a year
    if (m[2] !== undefined && Number(m[2]) < value) continue; // "10/5" is a date
    const before = text.slice(0, numStart);
    const fBefore = fold(before.slice(-30));
    if (
      /(?:ngay|thang|nam|so|muc|cap do|nhom|lop|mo hinh|de an|nghi quyet|khoan|dieu|giai doan|quy|phan|phu luc|chuong)\s*$/.test(
        fBefore,
      )
    )
      continue;
    const leading = atItemStart && before.trim() === '';
    if (!leading && !COUNT_LEAD.test(fBefore)) continue;
    if (isNegated(before)) continue;
    // Rate: "10 hồ sơ/năm", "1 lần/2 năm" → the unit is kept as written.
    const rate = /^([\p{Ll}]+(?: [\p{Ll}]+)?)\/(\d+ )?(năm|tháng|quý|ngày|tuần|kỳ)/u.exec(afterText);
    if (rate) {
      const unit = rate[0];
      out.push(makeMention(text, numStart, afterStart + unit.length, value, null, unit, 'rate'));
      continue;
    }
    if (NOT_COUNT_NOUN.test(fAfter)) continue;
    out.push(
      makeMention(text, numStart, numStart + m[1].length + (m[2] ? m[2].length + 1 : 0), value, null, 'count', 'count'),
    );
  }
  return out;
}

export interface YearMention {
  start: number;
  end: number;
  year: number;
  from: number | null;
}

const YEAR = String.raw`((?:19|20)\d{2})`;
const YEAR_PATTERNS: RegExp[] = [
  // giai đoạn 2026 - 2030 / từ năm 2026 đến năm 2030 / 2025–2030
  new RegExp(
    String.raw`(?:(?:giai đoạn|từ năm|từ)\s*)?(?<![\d/])${YEAR}\s*(?:-|–|—|đến|tới)\s*(?:năm\s*)?${YEAR}(?![\d/])`,
    'giu',
  ),
  // đến năm 2030 / vào năm 2030 / năm 2026
  new RegExp(String.raw`(?:(?:đến|tới|vào|trong|trước|hết|cuối|sau|từ)\s+)?năm\s+${YEAR}(?![\d/])`, 'giu'),
  // vào 2045 / trước 2030
  new RegExp(String.raw`(?:đến|tới|vào|trước|hết|sau)\s+(?<![\d/])${YEAR}(?![\d/])`, 'giu'),
  // (2035)
  new RegExp(String.raw`\(\s*${YEAR}\s*\)`, 'gu'),
];

/** Years written as deadlines or phases, never the year of a date ("ngày 25 tháng 7 năm 2025", "09/01/2025"). */
export function findYears(text: string): YearMention[] {
  const found: YearMention[] = [];
  for (const re of YEAR_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (found.some((y) => start < y.end && end > y.start)) continue;
      const before = fold(text.slice(Math.max(0, start - 14), start));
      if (/thang\s*\d{1,2}\s*$/.test(before) || /ngay\s*$/.test(before)) continue;
      const nums = [...m[0].matchAll(/(?:19|20)\d{2}/g)].map((x) => Number(x[0]));
      const year = nums[nums.length - 1];
      found.push({ start, end, year, from: nums.length > 1 ? nums[0] : null });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A phase line: "* Giai đoạn 2026 - 2027:", "Đến năm 2030", "1.1. Đến năm 2030", "Năm 2026:".
 * Returns the year by which the targets under it apply.
 */
export function phaseYear(text: string): number | null {
  const t = text.replace(/[:.]\s*$/, '').trim();
  if (t.length > 60) return null;
  const f = fold(t);
  if (
    !/^(?:\* ?)?(?:giai doan|(?:den|toi) (?:het )?nam|het nam|nam|tu nam|trong nam|(?:muc tieu|chi tieu) (?:den (?:het )?)?nam)\b/.test(
      f,
    )
  )
    return null;
  const ys = findYears(t);
  return ys.length ? ys[ys.length - 1].year : null;
}
