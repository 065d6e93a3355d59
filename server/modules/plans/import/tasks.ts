/**
 * Tasks (nhiệm vụ): every actionable item of the sections "Nhiệm vụ", "Giải pháp" and of each
 * unit's duties under "Tổ chức thực hiện". Not tasks: headings, targets written as numbers
 * ("- 100% hồ sơ …"), funding lines ("Bố trí kinh phí …"), notes in brackets, statements
 * ("Kết quả … là tiêu chí …"), the closing formula, and anything in the assessment of past results.
 */
import type { Block } from './blocks.ts';
import { isClosingLine } from './blocks.ts';
import { findMeasures, findYears } from './numbers.ts';
import type { PlanTask } from './plan-import.contract.ts';
import type { BlockContext } from './sections.ts';
import {
  betweenUnit,
  inlineLead,
  isUnitStart,
  partnersOf,
  prefixUnit,
  startsWithDutyVerb,
  subjectUnit,
} from './units.ts';
import { fold } from './vi-text.ts';

export interface Period {
  from: number | null;
  to: number | null;
}

/** "- 100% hồ sơ …", "Đến năm 2030, 100% …", "Tỷ lệ … đạt 95%": a target, not a task. */
export function isTargetStatement(text: string): boolean {
  const t = text
    .replace(/^(?:phấn đấu|mục tiêu|chỉ tiêu)\s*[:,]?\s*/iu, '')
    .replace(/^(?:(?:đến|trong|vào|tới|sau)\s+)?năm\s+\d{4}\s*[,:]?\s*/iu, '')
    .replace(/^(?:phấn đấu|có)\s+/iu, '');
  if (/^(?:có\s+)?(?:≥|≤|>|<|>=|<=|trên|dưới|tối thiểu|ít nhất|khoảng|không quá)?\s*\d/iu.test(t)) return true;
  return /^(?:tỷ lệ|tỉ lệ|tỷ trọng|số lượng)(?![\p{L}\d])/iu.test(t) && findMeasures(t).length > 0;
}

/** Allocation of money is a means, not a task of the plan ("Bố trí kinh phí …", "Kinh phí thực hiện từ …"). */
export function isFundingLine(text: string): boolean {
  return (
    /^(?:bảo đảm|đảm bảo)?\s*(?:bố trí|bổ trí|phân bổ|cân đối)(?![\p{L}\d])[^.;]{0,80}(?:ngân sách|kinh phí|nguồn lực tài chính|nguồn vốn)/iu.test(
      text,
    ) || /^(?:kinh phí|nguồn kinh phí|nguồn vốn|dự toán kinh phí)(?![\p{L}\d])/iu.test(text)
  );
}

/** "Kết quả chuyển đổi số là tiêu chí …", "Công tác tuyên truyền cần được …": a statement, not an action. */
export function isStatement(text: string): boolean {
  if (startsWithDutyVerb(text) || isUnitStart(text)) return false;
  return /^\p{Lu}[^,;:]{0,40}?\s(?:là|cần được|cần phải|phải được)\s/u.test(text);
}

const isNote = (text: string): boolean => /^\(.*\)[.;]?$/u.test(text.trim());
/** "Để đạt được các mục tiêu trên, cần thực hiện các nhiệm vụ sau:" introduces the list, it is not in it. */
const isIntro = (text: string): boolean =>
  /:\s*$/.test(text) &&
  (/^(?:Để|Nhằm|Với|Trên cơ sở|Căn cứ|Theo)(?![\p{L}])/u.test(text) ||
    /(?:như sau|sau đây|gồm|bao gồm)\s*:\s*$/iu.test(text));

function span(text: string, period: Period): { from: number | null; to: number | null } {
  const years = findYears(text).filter(
    (y) =>
      !/(?:ke hoach|quyet dinh|nghi quyet|chuong trinh|de an|chien luoc|cong van)[^;]{0,80}$/.test(
        fold(text.slice(Math.max(0, y.start - 90), y.start)),
      ),
  );
  if (years.length) {
    const last = years[years.length - 1];
    return { from: last.from ?? years.find((y) => y.from)?.from ?? null, to: last.year };
  }
  // A one-year plan: every task runs in that year.
  return period.from !== null && period.from === period.to
    ? { from: period.from, to: period.to }
    : { from: null, to: null };
}

function expectedOf(text: string): string | null {
  const m = findMeasures(text)[0];
  if (!m) return null;
  const clauses = text.split(/;\s*|\.\s+(?=\p{Lu})/u);
  let pos = 0;
  for (const c of clauses) {
    const end = pos + c.length;
    if (m.numStart >= pos && m.numStart <= end) {
      const at = m.start - pos;
      const head = c.slice(0, at);
      const cut = Math.max(head.lastIndexOf(', '), -1);
      return c
        .slice(cut >= 0 && at - cut < 60 ? cut + 2 : 0)
        .replace(/[.;]\s*$/, '')
        .trim();
    }
    pos = end + 2;
  }
  return null;
}

/** "- Cơ quan chủ trì: Phòng X", "Thời gian thực hiện: 2026", "Sản phẩm: …" — attributes of the task above (the "6 rõ"). */
const ATTRIBUTE =
  /^(?:(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện|phụ trách|phối hợp)(?:\s+thực hiện)?|chủ trì(?:\s+thực hiện)?|phối hợp(?:\s+thực hiện)?|thời gian(?:\s+(?:thực hiện|hoàn thành))?|tiến độ(?:\s+thực hiện)?|thời hạn(?:\s+hoàn thành)?|kết quả(?:\s+(?:dự kiến|đầu ra|cần đạt))?|sản phẩm(?:\s+(?:dự kiến|đầu ra))?|kinh phí(?:\s+thực hiện)?|nguồn kinh phí|nội dung(?:\s+thực hiện)?|yêu cầu)\s*:\s*\S/iu;

interface Attributes {
  lead?: string;
  partners: string[];
  from?: number | null;
  to?: number | null;
  expected?: string;
}

function readAttributes(text: string, into: Attributes): void {
  for (const part of text.split(/;\s*(?=\p{L}[\p{L} ]{0,30}:)/u)) {
    const m = /^([^:]{2,40}):\s*(.*)$/u.exec(part.trim());
    if (!m) continue;
    const key = fold(m[1]);
    const value = m[2].replace(/[.;]\s*$/, '').trim();
    if (/chu tri|thuc hien$|phu trach/.test(key) && !/thoi gian|noi dung|kinh phi/.test(key)) into.lead = value;
    else if (/phoi hop/.test(key))
      into.partners.push(
        ...value
          .split(/;/)
          .map((v) => v.trim())
          .filter(Boolean),
      );
    else if (/thoi gian|tien do|thoi han/.test(key)) {
      const ys = [...value.matchAll(/(?<![\d/])(?:19|20)\d{2}(?!\d)/g)].map((x) => Number(x[0]));
      if (ys.length) Object.assign(into, { from: Math.min(...ys), to: Math.max(...ys) });
    } else if (/ket qua|san pham|yeu cau/.test(key)) into.expected = value;
  }
}

export function extractTasks(blocks: Block[], ctxs: BlockContext[], period: Period): PlanTask[] {
  const tasks: PlanTask[] = [];
  // Attribute lines belong to the nearest block above them that is not an attribute itself.
  const attrs = new Map<number, Attributes>();
  const isAttr = blocks.map(
    (b) => ['bullet', 'para', 'paren', 'letter'].includes(b.type) && ATTRIBUTE.test(b.text.trim()),
  );
  let owner = -1;
  blocks.forEach((b, i) => {
    if (!isAttr[i]) {
      owner = i;
      return;
    }
    if (owner < 0) return;
    const a = attrs.get(owner) ?? { partners: [] };
    readAttributes(b.text, a);
    attrs.set(owner, a);
  });

  let carry: { group: string | null; unit: string } | null = null;
  blocks.forEach((b, i) => {
    const ctx = ctxs[i];
    if (ctx.ended || ctx.baseline || isAttr[i]) return;
    if (ctx.cls !== 'tasks' && ctx.cls !== 'org') return;
    if (!['bullet', 'letter', 'numbered', 'para'].includes(b.type)) return;
    const text = b.text.trim();
    const a = attrs.get(i);
    const prefixed = prefixUnit(text);
    // A heading is a task when the "6 rõ" lines below it describe it, or when it reads "Unit: duty".
    if (ctx.isHeading && !a && !(prefixed && text.split(/\s+/).length >= 8)) return;
    if ((text.match(/[\p{L}\d]+/gu) ?? []).length < 3) return;
    if (isTargetStatement(text) || isFundingLine(text) || isNote(text) || isStatement(text) || isClosingLine(text))
      return;
    if (b.type === 'para' && isIntro(text)) return;

    if (prefixed) carry = { group: ctx.group, unit: prefixed };
    else if (b.type !== 'para' || carry?.group !== ctx.group) carry = null;
    // A paragraph right after "- Phòng X: …" continues the duties of Phòng X.
    const carried = !prefixed && carry && b.type === 'para' ? carry.unit : null;
    const lead =
      a?.lead ?? inlineLead(text) ?? prefixed ?? subjectUnit(text) ?? betweenUnit(text) ?? carried ?? ctx.unit ?? null;
    const when = a?.to !== undefined ? { from: a.from ?? null, to: a.to ?? null } : span(text, period);
    tasks.push({
      title: text,
      lead,
      partners: [...new Set([...(a?.partners ?? []), ...partnersOf(text)])],
      ...when,
      expected: a?.expected ?? expectedOf(text),
      group: ctx.isHeading ? (ctxs[i].group ?? null) : ctx.group,
      line: b.line,
    });
  });
  return tasks;
}
