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
  ['annual', /(?:hằng|hàng|mỗi)\s+năm|(?<![\d/])0?1\s+năm(?!\s*\/)|một năm|cả năm|năm một lần|báo cáo năm(?![\p{L}\d])|cuối năm/giu],
  ['ad-hoc', /đột xuất|khi (?:được|có) yêu cầu|theo yêu cầu/giu],
];

const DEADLINE = /(?:trước|chậm nhất|không muộn hơn)\s+(?:vào\s+)?ngày\s+(\d{1,2})(?:\s*\/\s*(\d{1,2})|\s+tháng\s+(\d{1,2})|\s+(?:của\s+)?tháng\s+cuối\s+(?:quý|kỳ)|\s+(?:hằng|hàng|của)\s+(?:tháng|quý))?/iu;

export function parseDeadline(s: string): { deadline: string; day: number; month: number | null } | null {
  const m = DEADLINE.exec(s);
  if (!m) return null;
  const month = m[2] ?? m[3];
  return { deadline: m[0].trim(), day: Number(m[1]), month: month ? Number(month) : null };
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
  const m = /(?:gửi(?:\s+về)?|về|báo cáo)\s+((?:UBND|Ủy ban|Uỷ ban|Sở|Phòng|Đảng ủy|Đảng uỷ|Ban|Văn phòng|Thường trực|lãnh đạo|Chủ tịch|Hội đồng)[^,.;(]*?(?:\s*\([^)]*\))?)(?=\s+(?:để|theo|trước|tình hình|kết quả|tiến độ|xem xét|định kỳ)(?![\p{L}])|\s*[,.;(]|$)/u.exec(clause);
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
      hits.forEach((h, k) => {
        // The deadline written right after the cycle ("hằng quý (trước ngày 18 …)"); with one cycle, anywhere in the clause.
        const nextStart = hits[k + 1]?.start ?? clause.text.length;
        const near = clause.text.slice(h.end, Math.min(nextStart, h.end + 60));
        const adjacent = /^\s*[(,:]?\s*(?:trước|chậm nhất|không muộn|khi|vào)/iu.test(near) ? near : '';
        let d = parseDeadline(adjacent);
        if (!d && h.cycle !== 'ad-hoc' && periodic.length === 1) d = parseDeadline(clause.text);
        let deadline = d?.deadline ?? null;
        if (!d && h.cycle === 'ad-hoc') {
          const when = /khi (?:được|có) yêu cầu/iu.exec(adjacent || clause.text.slice(h.start));
          deadline = when ? when[0] : null;
        }
        const key = `${h.cycle}|${d?.day ?? ''}|${d?.month ?? ''}|${fold(reporter ?? '')}`;
        if (seen.has(key)) return;
        seen.add(key);
        rules.push({ cycle: h.cycle, reporter, recipient, deadline, day: d?.day ?? null, month: d?.month ?? null });
      });
    }
  });
  return rules;
}
