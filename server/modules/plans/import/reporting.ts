/**
 * The reporting regime (chế độ báo cáo): who reports, to whom, how often and by when.
 * A rule needs the word "báo cáo" and a cycle in the same clause: "định kỳ hằng quý (trước ngày 18
 * tháng cuối quý), 6 tháng (trước ngày 18/5), 1 năm (trước ngày 13/12) hoặc đột xuất". An inspection
 * "định kỳ (6 tháng/lần)" without "báo cáo" is not a report, and "định kỳ báo cáo" without a cycle
 * names no cycle.
 */
import type { Block } from './blocks.ts';
import { splitClauses } from './indicators.ts';
import type { PlanReportingRule, ReportingCycle } from './plan-import.contract.ts';
import type { BlockContext } from './sections.ts';
import { prefixUnit, subjectUnit } from './units.ts';
import { fold } from './vi-text.ts';

const CYCLES: Array<[ReportingCycle, RegExp]> = [
  ['quarterly', /(?:hằng|hàng|mỗi|theo|từng|định kỳ)\s+quý|báo cáo quý|quý một lần/giu],
  ['half-year', /(?<![\d/])(?:0?6|sáu)\s+tháng(?!\s*\/)|nửa năm|bán niên/giu],
  ['nine-month', /(?<![\d/])(?:0?9|chín)\s+tháng(?!\s*\/)/giu],
  [
    'annual',
    /(?:hằng|hàng|mỗi)\s+năm|(?<![\d/])0?1\s+năm(?!\s*\/)|một năm|cả năm|năm một lần|báo cáo năm(?![\p{L}\d])|cuối năm/giu,
  ],
  ['ad-hoc', /đột xuất|khi (?:được|có) yêu cầu|theo yêu cầu/giu],
];

const DEADLINE =
  /(?:trước|chậm nhất|không muộn hơn)\s+(?:vào\s+)?ngày\s+(\d{1,2})(?:\s*\/\s*(\d{1,2})|\s+tháng\s+(\d{1,2})|\s+(?:của\s+)?tháng\s+cuối\s+(?:quý|kỳ)|\s+(?:hằng|hàng|của)\s+(?:tháng|quý))?/iu;

export interface Deadline {
  deadline: string;
  day: number;
  month: number | null;
  start: number;
  end: number;
}

export function parseDeadline(s: string): Deadline | null {
  return allDeadlines(s)[0] ?? null;
}

function allDeadlines(s: string): Deadline[] {
  const re = new RegExp(DEADLINE.source, 'giu');
  return [...s.matchAll(re)].map((m) => {
    const month = m[2] ?? m[3];
    return {
      deadline: m[0].trim(),
      day: Number(m[1]),
      month: month ? Number(month) : null,
      start: m.index!,
      end: m.index! + m[0].length,
    };
  });
}

/** The cycle a lone deadline implies: "trước ngày 15/6" is the half-year report, "… tháng cuối quý" the quarterly one. */
function cycleOfDeadline(d: Deadline): ReportingCycle | null {
  if (d.month === null) return /cuối\s+(?:quý|kỳ)/iu.test(d.deadline) ? 'quarterly' : null;
  if (d.month === 6 || d.month === 7) return 'half-year';
  if (d.month === 9 || d.month === 10) return 'nine-month';
  if (d.month === 12 || d.month === 1) return 'annual';
  return null;
}

interface Hit {
  cycle: ReportingCycle;
  start: number;
  end: number;
}

function cycleHits(clause: string): Hit[] {
  const hits: Hit[] = [];
  for (const [cycle, re] of CYCLES) {
    for (const m of clause.matchAll(re)) {
      const start = m.index!;
      // "trước ngày 18 tháng cuối quý" is a deadline, not a cycle; overlapping phrases count once.
      if (hits.some((h) => start < h.end && start + m[0].length > h.start)) continue;
      hits.push({ cycle, start, end: start + m[0].length });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

function recipientOf(clause: string): string | null {
  const m =
    /(?:gửi(?:\s+về)?|về|báo cáo)\s+((?:UBND|Ủy ban|Uỷ ban|Sở|Phòng|Đảng ủy|Đảng uỷ|Ban|Văn phòng|Thường trực|lãnh đạo|Chủ tịch|Hội đồng)[^,.;(]*?(?:\s*\([^)]*\))?)(?=\s+(?:để|theo|trước|tình hình|kết quả|tiến độ|xem xét|định kỳ)(?![\p{L}])|\s*[,.;(]|$)/u.exec(
      clause,
    );
  return m ? m[1].trim() : null;
}

export function extractReporting(blocks: Block[], ctxs: BlockContext[], issuer: string | null): PlanReportingRule[] {
  const rules: PlanReportingRule[] = [];
  const seen = new Set<string>();
  blocks.forEach((b, i) => {
    const ctx = ctxs[i];
    if (ctx.ended || ctx.isHeading || ctx.baseline || ctx.cls === 'preamble' || ctx.cls === 'none') return;
    if (!['para', 'bullet', 'numbered', 'letter'].includes(b.type)) return;
    for (const clause of splitClauses(b.text)) {
      if (!/bao cao/.test(fold(clause.text))) continue;
      const hits = cycleHits(clause.text);
      if (!hits.length) continue;
      const sentence = b.text.slice(b.text.lastIndexOf('. ', clause.start) + 1).trim();
      const reporter = ctx.unit ?? prefixUnit(b.text) ?? subjectUnit(sentence) ?? subjectUnit(clause.text) ?? issuer;
      const recipient = recipientOf(clause.text);
      const periodic = hits.filter((h) => h.cycle !== 'ad-hoc');
      const deadlines = allDeadlines(clause.text);
      const used = new Set<Deadline>();
      const add = (cycle: ReportingCycle, d: Deadline | null, deadline: string | null) => {
        const key = `${cycle}|${d?.day ?? ''}|${d?.month ?? ''}|${fold(reporter ?? '')}`;
        if (seen.has(key)) return;
        seen.add(key);
        rules.push({ cycle, reporter, recipient, deadline, day: d?.day ?? null, month: d?.month ?? null });
      };
      hits.forEach((h, k) => {
        // The deadline written right after the cycle ("hằng quý (trước ngày 18 …)"); with one cycle, the nearest one.
        const nextStart = hits[k + 1]?.start ?? clause.text.length;
        const near = clause.text.slice(h.end, Math.min(nextStart, h.end + 60));
        const adjacent = /^\s*[(,:]?\s*(?:trước|chậm nhất|không muộn|khi|vào)/iu.test(near);
        let d = adjacent ? (deadlines.find((x) => x.start >= h.end && x.start < h.end + 60) ?? null) : null;
        if (!d && h.cycle !== 'ad-hoc' && periodic.length === 1 && deadlines.length) {
          const distance = (x: Deadline) => (x.start >= h.end ? x.start - h.end : h.start - x.end);
          d = [...deadlines].sort((a, b2) => distance(a) - distance(b2))[0];
        }
        if (d) used.add(d);
        let deadline = d?.deadline ?? null;
        if (!d && h.cycle === 'ad-hoc') {
          const when = /khi (?:được|có) yêu cầu/iu.exec(adjacent ? near : clause.text.slice(h.start));
          deadline = when ? when[0] : null;
        }
        add(h.cycle, d, deadline);
      });
      // "trước ngày 15 tháng 6 và trước ngày 15 tháng 12 hằng năm": the other deadline is the half-year report.
      for (const d of deadlines) {
        const cycle = used.has(d) ? null : cycleOfDeadline(d);
        if (cycle && !rules.some((r) => r.cycle === cycle && fold(r.reporter ?? '') === fold(reporter ?? '')))
          add(cycle, d, d.deadline);
      }
    }
  });
  return rules;
}
