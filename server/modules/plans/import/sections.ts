/**
 * The outline of a plan. Administrative documents (NĐ 30/2020) number their sections
 * "Phần I", "I.", "1.", "1.1.", "a)", then bullets "-" and "+". This module decides which blocks
 * are headings, keeps the stack of open headings and gives every other block its context:
 * what kind of section it sits in (mục tiêu / nhiệm vụ, giải pháp / tổ chức thực hiện / chế độ
 * báo cáo / kinh phí / đánh giá kết quả), the year its targets apply to, its group heading and,
 * under "Tổ chức thực hiện", the unit whose duties it lists.
 */
import type { Block } from './blocks.ts';
import { isClosingLine } from './blocks.ts';
import { findYears, phaseYear } from './numbers.ts';
import { headingUnit } from './units.ts';
import { endsSentence, fold, isMostlyUpper, startsUpper } from './vi-text.ts';

export type SectionClass = 'preamble' | 'targets' | 'tasks' | 'org' | 'reporting' | 'funding' | 'none';

export interface BlockContext {
  cls: SectionClass;
  /** Inside an assessment of past results (đánh giá kết quả, tình hình thực hiện): numbers are baselines. */
  baseline: boolean;
  /** Year from the nearest heading or phase line ("Giai đoạn 2026 - 2027:", "Đến năm 2030"). */
  year: number | null;
  group: string | null;
  /** Under "Tổ chức thực hiện": the unit heading the block sits under. */
  unit: string | null;
  isHeading: boolean;
  /** After the signature and before any appendix: nothing is extracted. */
  ended: boolean;
}

interface Open {
  level: number;
  cls: SectionClass | null;
  assessment: boolean;
  year: number | null;
  group: string;
  unit: string | null;
}

/** Section kind from a heading. Top-level headings may name it anywhere; sub-headings must start with it. */
export function classifyHeading(text: string, topLevel: boolean): { cls: SectionClass | null; assessment: boolean } {
  const f = fold(text).replace(/^[^a-z0-9]+/, '');
  const has = (re: RegExp) => re.test(f);
  if (has(/^can cu\b/)) return { cls: 'none', assessment: false };
  if (
    has(
      /danh gia (?:ket qua|tinh hinh|chung|thuc trang|so ket|tong ket)|tinh hinh (?:thuc hien|trien khai)|thuc trang|ket qua (?:thuc hien|dat duoc|noi bat|trien khai)/,
    ) ||
    has(/^(?:ket qua|ton tai|han che|kho khan|nguyen nhan|bai hoc)\b/)
  ) {
    return { cls: null, assessment: true };
  }
  if (has(/^(?:kien nghi|de xuat)\b/) || (topLevel && has(/kien nghi,? de xuat/)))
    return { cls: 'none', assessment: false };
  if (has(/che do (?:thong tin,? )?bao cao|^bao cao\b|^thong tin,? bao cao/))
    return { cls: 'reporting', assessment: false };
  if (has(/^(?:du toan )?kinh phi|^nguon kinh phi|^nguon von\b/)) return { cls: 'funding', assessment: false };
  if (
    has(/to chuc thuc hien|phan cong (?:nhiem vu|thuc hien|trach nhiem)|trach nhiem (?:cua|thuc hien)|bang phan cong/)
  ) {
    return { cls: 'org', assessment: false };
  }
  if (topLevel ? has(/nhiem vu|giai phap/) : has(/^(?:cac )?(?:nhiem vu|giai phap)\b/))
    return { cls: 'tasks', assessment: false };
  if (topLevel ? has(/muc tieu|chi tieu/) : has(/^(?:cac )?(?:muc tieu|chi tieu)\b/))
    return { cls: 'targets', assessment: false };
  if (has(/^(?:muc dich|yeu cau|quan diem|pham vi|doi tuong)\b/)) return { cls: 'none', assessment: false };
  return { cls: null, assessment: false };
}

const SIGNATURE = /^(?:KT|TM|TL|Q|TUQ)\.\s|^(?:PHÓ )?CHỦ TỊCH$|^(?:ỦY|UỶ) BAN NHÂN DÂN/u;
const APPENDIX = /nhiem vu|chi tieu|phu luc|danh muc|bieu|bang|ke hoach/;

const isPhaseText = (t: string): boolean => phaseYear(t) !== null;

/** Decide which blocks are headings. Needs the next block: a numbered line followed by its own content is a heading. */
function headingLevel(b: Block, next: Block | undefined): number | null {
  const nextIsSiblingOrUp =
    !next ||
    next.type === 'part' ||
    next.type === 'roman' ||
    (next.type === 'numbered' && next.depth <= b.depth) ||
    isClosingLine(next.text);
  switch (b.type) {
    case 'part':
      return 0;
    case 'roman':
      return 1;
    case 'numbered':
      return nextIsSiblingOrUp && !isPhaseText(b.text) ? null : 1 + b.depth;
    case 'letter':
      if (isPhaseText(b.text)) return 8;
      return next && (next.type === 'bullet' || next.type === 'para' || next.type === 'paren' || next.type === 'row')
        ? 8
        : null;
    case 'bullet': {
      if (isPhaseText(b.text)) return 9;
      const short = b.text.length <= 60 && (!endsSentence(b.text) || b.text.endsWith(':'));
      return short && next?.type === 'bullet' && next.depth > b.depth ? 9 : null;
    }
    case 'para': {
      if (isPhaseText(b.text)) return 9;
      if (isMostlyUpper(b.text) && b.text.length <= 160 && !SIGNATURE.test(b.text)) return 1;
      // "Mục tiêu cụ thể" over a list; "Phòng Văn hóa - Xã hội:" over its duties.
      if (b.text.length <= 80 && startsUpper(b.text) && b.text.endsWith(':') && next) return 9;
      const short = b.text.length <= 60 && startsUpper(b.text) && !endsSentence(b.text);
      return short && next && ['bullet', 'paren', 'letter', 'row'].includes(next.type) ? 9 : null;
    }
    default:
      return null;
  }
}

const headingYear = (text: string, cls: SectionClass | null, assessment: boolean): number | null => {
  const p = phaseYear(text);
  if (p !== null) return p;
  if (cls === 'targets' || assessment) {
    const ys = findYears(text);
    return ys.length ? ys[ys.length - 1].year : null;
  }
  return null;
};

/**
 * `bodyByDefault`: the plan names none of its sections (e.g. "I. CHÍNH QUYỀN SỐ", "II. KINH TẾ SỐ"),
 * so every top-level section is read as a task section.
 */
export function annotate(blocks: Block[], bodyByDefault = false): BlockContext[] {
  const stack: Open[] = [];
  const out: BlockContext[] = [];
  let ended = false;
  let sawBody = false;
  let partTitlePending = false;

  const context = (isHeading: boolean): BlockContext => {
    let cls: SectionClass = 'preamble';
    let year: number | null = null;
    let unit: string | null = null;
    let baseline = false;
    for (let i = stack.length - 1; i >= 0; i--) {
      const o = stack[i];
      if (cls === 'preamble' && o.cls) cls = o.cls;
      if (year === null && o.year !== null) year = o.year;
      if (unit === null && o.unit) unit = o.unit;
      if (o.assessment) baseline = true;
    }
    return { cls, baseline, year, group: stack.length ? stack[stack.length - 1].group : null, unit, isHeading, ended };
  };

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const text = b.text;
    // The national-emblem block at the top also reads "ỦY BAN NHÂN DÂN …": a signature only counts after the body.
    if (
      !ended &&
      (b.type === 'para' || b.type === 'bullet') &&
      (isClosingLine(text) || (sawBody && SIGNATURE.test(text)))
    ) {
      ended = true;
    }
    if (ended) {
      const restart =
        b.type === 'row' ||
        b.type === 'flat' ||
        (b.type === 'para' && isMostlyUpper(text) && !SIGNATURE.test(text) && APPENDIX.test(fold(text)));
      if (!restart) {
        out.push({ ...context(false), ended: true });
        continue;
      }
      ended = false;
      if (b.type === 'row' || b.type === 'flat') stack.length = 0;
    }
    // "Phần I" on its own line, its title in capitals on the next one.
    if (partTitlePending && b.type === 'para' && isMostlyUpper(text)) {
      partTitlePending = false;
      const top = stack[stack.length - 1];
      const c = classifyHeading(text, true);
      Object.assign(top, { cls: c.cls, assessment: c.assessment, group: `${top.group} ${text}`.trim() });
      top.year = headingYear(text, c.cls, c.assessment);
      out.push(context(true));
      continue;
    }
    partTitlePending = false;
    const level = headingLevel(b, blocks[i + 1]);
    if (level === null) {
      // A numbered or lettered item closes the scope of the sibling heading before it ("2. …" after "1. Đến năm 2026:").
      const siblingLevel = b.type === 'numbered' ? 1 + b.depth : b.type === 'letter' ? 8 : null;
      if (siblingLevel !== null) while (stack.length && stack[stack.length - 1].level >= siblingLevel) stack.pop();
      out.push(context(false));
      continue;
    }
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    const topLevel = level <= 2;
    const c = classifyHeading(text, topLevel);
    const parentCls = context(true).cls;
    let cls = c.cls;
    // An unnamed top-level section after the plan's targets or tasks continues the plan's body.
    const numberedSection = b.type === 'roman' || b.type === 'numbered' || b.type === 'part';
    if (!cls && topLevel && (sawBody || (bodyByDefault && numberedSection)) && parentCls === 'preamble') cls = 'tasks';
    if (cls === 'targets' || cls === 'tasks' || cls === 'org') sawBody = true;
    const effective = cls ?? parentCls;
    const unit = effective === 'org' && level >= 2 && !c.cls ? headingUnit(text) : null;
    stack.push({
      level,
      cls,
      assessment: c.assessment,
      year: headingYear(text, effective, c.assessment || stack.some((o) => o.assessment)),
      group: b.type === 'bullet' || b.type === 'para' ? text : b.full,
      unit,
    });
    if (b.type === 'part' && !text) partTitlePending = true;
    out.push(context(true));
  }
  return out;
}
