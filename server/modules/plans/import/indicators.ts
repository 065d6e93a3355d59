/**
 * Indicators (chỉ tiêu): every percentage, speed and counted quantity a plan commits to, with
 * the year it applies to, and — inside an assessment of past results — the baselines it reports.
 * Text is cut into clauses at ";" and sentence ends; within a clause a number takes the
 * comparator written before it ("tối thiểu", "trên", "≥"), the year written next to it
 * ("vào năm 2030", "(2035)", "Đến năm 2030, …") or else the year of its heading or phase, and as
 * its description the words around it without the number.
 */
import { findCounts, findMeasures, findYears, isNegated, type Mention, type YearMention } from './numbers.ts';
import type { PlanIndicator } from './plan-import.contract.ts';
import { fold } from './vi-text.ts';

export interface TextSource {
  text: string;
  lineAt: (offset: number) => number;
  /** List items and table cells may state counts ("03 nhà mạng"); narrative paragraphs may not. */
  listItem: boolean;
  baseline: boolean;
  /** Year in force from headings, phase lines or the table column. */
  year: number | null;
  /** Time cell of a task table row, used when it is a deadline rather than a recurrence. */
  deadlineYear?: number | null;
  group: string | null;
}

export interface YearDefaults {
  target: number | null;
  baseline: number | null;
}

interface Clause {
  start: number;
  text: string;
}

/** Split at ";" and at sentence ends (". " before a capital), never inside a number ("3.5"). */
export function splitClauses(text: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  const re = /;\s*|\.\s+(?=[\p{Lu}\d(“"])/gu;
  for (const m of text.matchAll(re)) {
    out.push({ start, text: text.slice(start, m.index!) });
    start = m.index! + m[0].length;
  }
  out.push({ start, text: text.slice(start) });
  return out.filter((c) => c.text.trim());
}

const words = (s: string): number => (s.match(/[\p{L}\d]+/gu) ?? []).length;
// Ref words after which a year belongs to a cited document, not to the target.
const REF =
  /\b(?:theo|ke hoach|quyet dinh|nghi quyet|chuong trinh|de an|cong van|chi thi|thong tu|nghi dinh|luat|chien luoc)\b/;
// "phấn đấu 100% hộ gia đình …": what is measured follows the number.
const STRONG_LEAD_IN = /(?:^|\s)(?:mục tiêu|phấn đấu|bảo đảm|đảm bảo|để đạt|hướng tới)\s*$/iu;
// "Tỷ lệ … đạt 95%", "quy mô kinh tế số đạt khoảng 40% GRDP": what is measured precedes the number.
const SUBJECT_BEFORE = /(?:^|\s)(?:đạt|chiếm|là|ở mức|đạt mức|khoảng|đạt tỷ lệ|tỷ lệ)\s*$/iu;
// A cited document after the number is not part of what is measured.
const CITATION =
  /\s(?:theo|tại)\s+(?:Kế hoạch|Quyết định|Nghị quyết|Chương trình|Đề án|Công văn|Chỉ thị|Thông tư|Nghị định|Luật)(?![\p{L}\d])/u;
// A second number of the same clause that only carries the first one further ("…, tiến tới 100% vào năm 2040").
const CARRIES_ON = /^(?:duy trì|tăng|tiến tới|nâng|giảm|đạt|lên|đến|sau đó)(?![\p{L}\d])/iu;

function stripYears(s: string): string {
  let out = s;
  for (const y of findYears(s).reverse()) out = out.slice(0, y.start) + out.slice(y.end);
  return out;
}

function tidy(s: string): string {
  let t = stripYears(s)
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.\-–—]+/, '')
    .replace(/^(?:(?:và|hoặc|đồng thời|tiến tới|trong đó|với)\s+)+/iu, '');
  // Connectives and punctuation left at the end once the number and year are gone ("… đạt và .").
  for (let k = 0; k < 3; k++) {
    t = t
      .replace(/[\s,;:.\-–—(]+$/, '')
      .replace(/(?:\s+(?:đạt|là|chiếm|khoảng|gần|ở mức|đạt mức|và|hoặc|trong đó|với))+$/iu, '');
  }
  return t.trim();
}

/**
 * Cut where another idea starts: "trong đó", "nhằm", "đồng thời"; with `atComma`, a very long tail
 * also at its first comma (not when the number opens the item: then the whole rest is what it measures).
 */
function firstPhrase(s: string, atComma = true): string {
  const connector = /(?:,\s*|\s)(?:trong đó|đồng thời|nhằm|góp phần)\s/iu.exec(s);
  if (connector && words(s.slice(0, connector.index)) >= 2) return s.slice(0, connector.index);
  if (!atComma || words(s) <= 40) return s;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === ',' && words(s.slice(0, i)) >= 2) return s.slice(0, i);
  }
  return s;
}

/** The last comma-phrase of a very long lead ("…, với tỷ lệ văn bản điện tử ký số đạt"). */
function lastPhrase(s: string): string {
  if (words(s) <= 40) return s;
  const i = Math.max(s.lastIndexOf(', '), s.lastIndexOf('; '));
  return i > 0 ? s.slice(i + 2) : s;
}

/** What the number measures: the words around it, without the number, comparator or year. */
function measuredText(clause: string, m: Mention, prev: Mention | undefined, next: Mention | undefined): string {
  let before = clause.slice(prev ? prev.end : 0, m.start);
  // "85% hộ dân, trong đó 100% cơ quan …": the second number starts a phrase of its own.
  if (prev) before = before.replace(/^.*?(?:,|(?<![\p{L}])trong đó)\s*/su, '');
  let after = clause.slice(m.end, next ? next.start : clause.length);
  const cite = CITATION.exec(after);
  if (cite) after = after.slice(0, cite.index);
  // A bracketed note or a new phrase right after the number is not part of what is measured.
  if (/^\s*[(,;]/.test(after)) after = '';
  const b = tidy(before);
  if (SUBJECT_BEFORE.test(before.trimEnd())) {
    const tail = tidy(lastPhrase(before));
    const a = words(after) <= 12 ? tidy(after) : tidy(firstPhrase(after));
    return tidy(`${tail} ${a}`);
  }
  const a = tidy(words(after) > 12 ? firstPhrase(after, words(b) > 0) : after);
  if (!words(b)) return a;
  // "Về hạ tầng: 100% thôn có sóng 4G" — a label, then what is measured.
  if (/:\s*$/.test(before) && words(a) >= 3 && !/^(?:cho|tại|trên|ở|đối với|với)(?![\p{L}])/iu.test(a)) return a;
  if (words(a) <= 2) {
    // A long sentence ending in what is measured ("…, bảo đảm tốc độ tải xuống tối thiểu 50 Mbit/s"): its last phrase.
    const i = b.lastIndexOf(', ');
    const tail = words(b) > 12 && i > 0 ? b.slice(i + 2) : '';
    return tidy(`${words(tail) >= 3 ? tail : b} ${a}`);
  }
  if ((STRONG_LEAD_IN.test(before.trimEnd()) && words(b) > 6) || words(b) > 12) return a;
  return tidy(`${b} ${a}`);
}

/** Year for a mention: written right after it, else just before it in the clause, else the item's opening year. */
function yearOf(
  clause: string,
  years: YearMention[],
  m: Mention,
  prev: Mention | undefined,
  next: Mention | undefined,
): number | null {
  const limit = next ? next.start : clause.length;
  const refAt = REF.exec(fold(clause.slice(m.end, limit)));
  const afterLimit = refAt ? m.end + refAt.index : limit;
  const after = years.find((y) => y.start >= m.end && y.start < afterLimit);
  if (after) return after.year;
  const from = prev ? prev.end : 0;
  const before = years.filter((y) => y.end <= m.start && y.start >= from);
  return before.length ? before[before.length - 1].year : null;
}

/** "Đến năm 2030, 100% …", "Phấn đấu đến năm 2030 có …": a year that opens the item covers all of it. */
function openingYear(text: string): number | null {
  const y = findYears(text.slice(0, 60))[0];
  if (!y) return null;
  const lead = fold(text.slice(0, y.start)).trim();
  return lead === '' || /^(?:phan dau|muc tieu|chi tieu)$/.test(lead) ? y.year : null;
}

export function indicatorsIn(src: TextSource, defaults: YearDefaults): PlanIndicator[] {
  const out: PlanIndicator[] = [];
  const itemYear = openingYear(src.text);
  let lastText = '';
  const clauses = splitClauses(src.text);
  clauses.forEach((clause, ci) => {
    const measures = findMeasures(clause.text);
    const counts = src.listItem ? findCounts(clause.text, ci === 0) : [];
    const all = [...measures, ...counts.filter((c) => !measures.some((m) => c.numStart < m.end && c.end > m.start))]
      .filter((m) => !isNegated(clause.text.slice(0, m.start)))
      .sort((a, b) => a.numStart - b.numStart);
    const years = findYears(clause.text);
    // The clause without its numbers: the description of last resort, computed once per clause.
    let rest: string | null = null;
    const clauseRest = () => {
      if (rest === null) {
        let r = clause.text;
        for (const x of [...all].reverse()) r = `${r.slice(0, x.start)} ${r.slice(x.end)}`;
        rest = tidy(r);
      }
      return rest;
    };
    all.forEach((m, i) => {
      const prev = all[i - 1];
      const next = all[i + 1];
      // "tối thiểu 40 Mbit/s cho mạng 4G và 100 Mbit/s cho mạng 5G": the second number shares the comparator.
      if (
        !m.hasComparator &&
        prev &&
        prev.hasComparator &&
        prev.unit === m.unit &&
        /^[^;]{0,40}(?:\svà|,)\s*$/u.test(clause.text.slice(prev.end, m.start))
      ) {
        m.comparator = prev.comparator;
      }
      let text = measuredText(clause.text, m, prev, next);
      if (prev && prev.unit === m.unit && lastText && words(text) <= 8 && CARRIES_ON.test(text))
        text = `${lastText} ${text}`;
      if (words(text) < 2) text = clauseRest();
      if (words(text) < 2 && lastText) text = lastText;
      if (!text) return;
      // A description is a phrase, not a page: keep at most ~300 characters, cut at a word.
      if (text.length > 300) text = text.slice(0, 300).replace(/\s+\S*$/u, '') + ' …';
      lastText = text;
      const year =
        yearOf(clause.text, years, m, prev, next) ??
        itemYear ??
        src.deadlineYear ??
        src.year ??
        (src.baseline ? defaults.baseline : defaults.target);
      out.push({
        text,
        group: src.group,
        kind: src.baseline ? 'baseline' : 'target',
        comparator: m.comparator,
        value: m.value,
        valueMax: m.valueMax,
        unit: m.unit,
        year,
        line: src.lineAt(clause.start + m.numStart),
      });
    });
  });
  return out;
}

/** Drop exact repeats (same number, unit, year and line), which arise when a cell repeats its row. */
export function dedupeIndicators(list: PlanIndicator[]): PlanIndicator[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const key = `${x.line}|${x.value}|${x.valueMax}|${x.unit}|${x.year}|${x.kind}|${fold(x.text)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
