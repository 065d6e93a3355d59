/**
 * Tables flattened by PDF text extraction. pdf.js emits a table cell by cell and each cell line by
 * line, so a task table ("Nội dung nhiệm vụ | Đơn vị phụ trách | … | Thời gian | Đánh giá") turns
 * into a column of short fragments. This module finds such a run of fragments after a header made
 * of column words and rebuilds its rows, using what every row has: the task name, then a unit
 * (Phòng…, Trung tâm…, Công an xã…), then work and responsibility, then a time (years, "Hằng năm",
 * "Thường xuyên"), then an expected result. A new cell starts with a capital letter; a fragment
 * that starts in lower case, with "(" or with an acronym continues the cell before it.
 */
import { cleanLine, fold, startsLower, startsUpper, startsWithAcronym } from './vi-text.ts';
import { isClosingLine } from './blocks.ts';
import { isUnitStart } from './units.ts';

export interface Frag {
  line: number;
  text: string;
}

export interface FlatRow {
  title: Frag[];
  lead: Frag[];
  work: Frag[];
  time: Frag[];
  result: Frag[];
}

export interface FlatTable {
  kind: 'tasks';
  startLine: number;
  endLine: number;
  hasResult: boolean;
  rows: FlatRow[];
}

// Words that column headers of task tables are made of (folded).
const HEADER_WORDS = new Set(
  (
    'noi dung nhiem vu ten cong viec hoat dong don vi co quan chu tri phu trach thuc hien phoi hop phai lam ' +
    'trach thoi gian tien do han hoan thanh danh gia ket qua san pham du kien ghi chu stt tt so chi tieu muc ' +
    'kinh phi nguon von yeu cau lien chinh'
  ).split(' '),
);
const MAX_FRAGMENT = 45;

const isHeaderFragment = (t: string): boolean => {
  const words = fold(t).match(/[a-z0-9]+/g) ?? [];
  return words.length > 0 && words.every((w) => HEADER_WORDS.has(w));
};

function headerGroups(header: string): Set<string> {
  const f = fold(header);
  const g = new Set<string>();
  if (/noi dung|nhiem vu|ten|cong viec|hoat dong/.test(f)) g.add('task');
  if (/don vi|co quan|chu tri|phu trach/.test(f)) g.add('lead');
  if (/thoi gian|tien do|thoi han/.test(f)) g.add('time');
  if (/danh gia|ket qua|san pham/.test(f)) g.add('result');
  return g;
}

const YEAR_IN = /(?:19|20)\d{2}/;
const TIME_START =
  /^(?:\(?(?:19|20)\d{2}|(?:Hằng|Hàng) (?:năm|quý|tháng)|Thường(?![\p{L}\d])|Từ (?:năm|tháng)|Năm \d|Quý(?![\p{L}\d])|Giai đoạn|Trong năm)/u;
const isContinuation = (t: string): boolean =>
  startsLower(t) || startsWithAcronym(t) || !/^[\p{L}]/u.test(t) || /^\d/.test(t);

/** Find flattened task tables in the cleaned lines of a document. */
export function findFlatTables(rawLines: string[]): FlatTable[] {
  const lines = rawLines.map(cleanLine);
  const tables: FlatTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i] || lines[i].length > MAX_FRAGMENT || !isHeaderFragment(lines[i])) continue;
    // Collect the header fragments.
    const header: Frag[] = [];
    let j = i;
    for (; j < lines.length && header.length < 16; j++) {
      if (!lines[j]) continue;
      if (lines[j].length > MAX_FRAGMENT || !isHeaderFragment(lines[j])) break;
      header.push({ line: j + 1, text: lines[j] });
    }
    const groups = headerGroups(header.map((h) => h.text).join(' '));
    if (header.length < 3 || !groups.has('task') || !groups.has('lead') || !groups.has('time')) continue;
    // The body: short fragments until a long line or the closing of the document.
    const frags: Frag[] = [];
    let k = j;
    for (; k < lines.length; k++) {
      const t = lines[k];
      if (!t) continue;
      if (t.length > MAX_FRAGMENT || isClosingLine(t) || /^[IVX]{1,4}\.\s/.test(t)) break;
      frags.push({ line: k + 1, text: t });
    }
    const rows = parseRows(frags, groups.has('result'));
    if (rows.length >= 2) {
      const end = frags[frags.length - 1].line; // last line of the table (inclusive)
      tables.push({ kind: 'tasks', startLine: i + 1, endLine: end, hasResult: groups.has('result'), rows });
      i = end - 1;
    }
  }
  return tables;
}

type State = 'title' | 'lead' | 'work' | 'time' | 'result';

function parseRows(frags: Frag[], hasResult: boolean): FlatRow[] {
  const rows: FlatRow[] = [];
  let row: FlatRow = { title: [], lead: [], work: [], time: [], result: [] };
  let state: State = 'title';
  let openParens = 0;
  const startRow = (f: Frag | null) => {
    if (row.title.length && row.lead.length) rows.push(row);
    row = { title: f ? [f] : [], lead: [], work: [], time: [], result: [] };
    state = 'title';
  };

  for (const f of frags) {
    const t = f.text;
    if (/^(?:\d{1,3}|[IVX]{1,4})\.?$/.test(t)) {
      startRow(null); // an "STT" cell opens a row
      continue;
    }
    switch (state) {
      case 'title':
        if (row.title.length && isUnitStart(t)) {
          row.lead.push(f);
          openParens = parenBalance(t);
          state = 'lead';
        } else row.title.push(f);
        break;
      case 'lead':
        // "Trung tâm / Phục vụ hành / chính công": a name of one or two words is not finished yet.
        if (openParens > 0 || isContinuation(t) || cellText(row.lead).split(' ').length <= 2) {
          row.lead.push(f);
          openParens += parenBalance(t);
        } else {
          row.work.push(f);
          state = 'work';
          if (TIME_START.test(t)) {
            row.work.pop();
            row.time.push(f);
            state = 'time';
          }
        }
        break;
      case 'work':
        if (TIME_START.test(t)) {
          row.time.push(f);
          state = 'time';
        } else if (YEAR_IN.test(t) && startsLower(t)) {
          // "Hoàn thành / toàn trình / trước 2030": the time cell began at its last capitalised fragment.
          let back = row.work.length - 1;
          while (back > 0 && !startsUpper(row.work[back].text)) back--;
          row.time.push(...row.work.splice(back), f);
          state = 'time';
        } else row.work.push(f);
        break;
      case 'time':
        if (YEAR_IN.test(t) || startsLower(t) || t.startsWith('(')) row.time.push(f);
        else if (hasResult) {
          row.result.push(f);
          state = 'result';
        } else startRow(f);
        break;
      case 'result':
        if (startsUpper(t) && !startsWithAcronym(t)) startRow(f);
        else row.result.push(f);
        break;
    }
  }
  startRow(null);
  return rows;
}

function parenBalance(t: string): number {
  return (t.match(/\(/g)?.length ?? 0) - (t.match(/\)/g)?.length ?? 0);
}

/** Text of a cell: fragments joined by one space. */
export const cellText = (frags: Frag[]): string =>
  frags
    .map((f) => f.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
