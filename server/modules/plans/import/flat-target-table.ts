/**
 * Target tables flattened by PDF text extraction ("STT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2030"
 * printed one cell fragment per line). After a header made of column words and years, a row is its
 * name fragments, an optional unit ("%", "điểm"), then one number per year column; a bare "1", "2"
 * (the STT column) or the end of the run of numbers closes it. Numbers are mapped to the year
 * columns from the right, because an empty cell leaves no fragment and the last target is the one
 * plans always fill.
 */
import { isClosingLine } from './blocks.ts';
import type { Frag } from './flat-table.ts';
import { cleanLine, fold } from './vi-text.ts';

export interface FlatTargetColumn {
  year: number;
  baseline: boolean;
}

export interface FlatTargetRow {
  name: Frag[];
  unit: string;
  values: Frag[];
  group: string | null;
}

export interface FlatTargetTable {
  kind: 'targets';
  startLine: number;
  endLine: number;
  columns: FlatTargetColumn[];
  rows: FlatTargetRow[];
}

const HEADER_WORDS = new Set(
  'stt tt so chi tieu noi dung don vi tinh dvt nam muc ke hoach giai doan den thuc hien uoc ket qua ghi chu gia tri dat phan dau'.split(
    ' ',
  ),
);
const MAX_FRAGMENT = 45;
export const VALUE = /^(?:(?:[≥≤><]=?|tối thiểu|trên|dưới|ít nhất|không quá)\s*)?\d+(?:[.,]\d+)?\s*%?$/iu;
const STT = /^\d{1,3}\.?$/;
const GROUP = /^[IVX]{1,4}\.?$/;

const isHeaderFragment = (t: string): boolean => {
  const words = fold(t).match(/[a-z0-9]+/g) ?? [];
  return words.length > 0 && words.every((w) => HEADER_WORDS.has(w) || /^(?:19|20)\d{2}$/.test(w));
};

export function findFlatTargetTables(rawLines: string[]): FlatTargetTable[] {
  const lines = rawLines.map(cleanLine);
  const out: FlatTargetTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i] || lines[i].length > MAX_FRAGMENT || !isHeaderFragment(lines[i])) continue;
    const header: Frag[] = [];
    let j = i;
    for (; j < lines.length && header.length < 20; j++) {
      if (!lines[j]) continue;
      if (lines[j].length > MAX_FRAGMENT || !isHeaderFragment(lines[j]) || STT.test(lines[j])) break;
      header.push({ line: j + 1, text: lines[j] });
    }
    const columns = columnsOf(header);
    if (!columns.length || !/chi tieu|noi dung/.test(fold(header.map((h) => h.text).join(' ')))) continue;
    const frags: Frag[] = [];
    let k = j;
    for (; k < lines.length; k++) {
      const t = lines[k];
      if (!t) continue;
      if (t.length > MAX_FRAGMENT || isClosingLine(t) || /^[IVX]{1,4}\.\s+\S{3}/.test(t)) break;
      frags.push({ line: k + 1, text: t });
    }
    const rows = rowsOf(frags, columns.length, /don vi tinh|dvt/.test(fold(header.map((h) => h.text).join(' '))));
    if (rows.filter((r) => r.values.length).length >= 2) {
      const end = frags[frags.length - 1].line; // last line of the table (inclusive)
      out.push({ kind: 'targets', startLine: i + 1, endLine: end, columns, rows });
      i = end - 1;
    }
  }
  return out;
}

/** Each year in the header closes one value column; the words since the previous one describe it. */
function columnsOf(header: Frag[]): FlatTargetColumn[] {
  const columns: FlatTargetColumn[] = [];
  let words = '';
  for (const h of header) {
    words += ` ${h.text}`;
    for (const m of h.text.matchAll(/(?:19|20)\d{2}/g)) {
      columns.push({ year: Number(m[0]), baseline: /thuc hien|uoc|ket qua|hien trang/.test(fold(words)) });
      words = '';
    }
  }
  return columns;
}

function rowsOf(frags: Frag[], nValues: number, hasUnit: boolean): FlatTargetRow[] {
  const rows: FlatTargetRow[] = [];
  let group: string | null = null;
  let cur: Frag[] = [];
  let groupNext = false;
  const close = () => {
    if (!cur.length) return;
    const values: Frag[] = [];
    while (cur.length && values.length < nValues && VALUE.test(cur[cur.length - 1].text)) values.unshift(cur.pop()!);
    let unit = '';
    if (hasUnit && values.length && cur.length > 1 && cur[cur.length - 1].text.length <= 15) {
      unit = cur.pop()!.text;
    }
    const name = cur;
    cur = [];
    if (groupNext || !values.length) {
      group = name.map((f) => f.text).join(' ') || group;
      groupNext = false;
      return;
    }
    rows.push({ name, unit, values, group });
  };
  let nextStt = 1;
  for (let n = 0; n < frags.length; n++) {
    const f = frags[n];
    // A bare number is the STT cell when it is the next row number and the row's name follows it;
    // otherwise it is a value ("52", "90").
    const after = frags[n + 1]?.text ?? '';
    if (STT.test(f.text) && parseInt(f.text, 10) === nextStt && after && !VALUE.test(after) && !STT.test(after)) {
      close();
      nextStt++;
      continue;
    }
    if (GROUP.test(f.text) && !VALUE.test(after)) {
      close();
      groupNext = true;
      continue;
    }
    // A run of numbers ends the row when a text fragment follows it.
    if (cur.length && VALUE.test(cur[cur.length - 1].text) && !VALUE.test(f.text)) close();
    cur.push(f);
  }
  close();
  return rows;
}
