/**
 * Tables of a plan: a target table ("STT | Chỉ tiêu | Chỉ tiêu năm 2026", or one value column per
 * year, with an optional "Đơn vị tính") and a task table ("TT | Tên nhiệm vụ | Cơ quan chủ trì |
 * Cơ quan phối hợp | Thời gian thực hiện | Sản phẩm"). Rows come as "| a | b |" lines (Markdown and
 * the .docx converter) or as flattened PDF fragments (flat-table.ts). Columns are recognised by the
 * words of their header, never by position.
 */
import type { Block } from './blocks.ts';
import { cellText, type FlatRow, type FlatTable, type Frag } from './flat-table.ts';
import type { FlatTargetTable } from './flat-target-table.ts';
import { indicatorsIn, type YearDefaults } from './indicators.ts';
import { comparatorBefore, findMeasures, findYears, parseViNumber } from './numbers.ts';
import type { PlanIndicator, PlanTask } from './plan-import.contract.ts';
import type { BlockContext } from './sections.ts';
import { cleanUnit, splitLeadCell } from './units.ts';
import { fold } from './vi-text.ts';

type Role = 'stt' | 'task' | 'lead' | 'partner' | 'time' | 'expected' | 'name' | 'unit' | 'value' | 'other';

interface Column {
  role: Role;
  year: number | null;
  baseline: boolean;
}

function columnOf(header: string): Column {
  const f = fold(header).trim();
  const years = findYears(header);
  const bareYear = /(?:19|20)\d{2}/.exec(header);
  const year = years.length ? years[years.length - 1].year : bareYear ? Number(bareYear[0]) : null;
  const col = (role: Role, baseline = false): Column => ({ role, year, baseline });
  if (/^(?:stt|tt|so tt|so thu tu)$/.test(f)) return col('stt');
  if (/don vi tinh|^dvt$/.test(f)) return col('unit');
  if (/phoi hop/.test(f)) return col('partner');
  if (/chu tri|don vi (?:thuc hien|phu trach)|phu trach|co quan thuc hien|^don vi$|co quan, don vi/.test(f))
    return col('lead');
  if (/thoi gian|thoi han|tien do|nam hoan thanh/.test(f)) return col('time');
  if (year !== null || /gia tri|muc tieu|ke hoach|phan dau/.test(f)) {
    return col('value', /thuc hien|ket qua|uoc|hien trang|dat duoc/.test(f));
  }
  if (/san pham|ket qua|danh gia|yeu cau|du kien/.test(f)) return col('expected');
  if (/chi tieu/.test(f)) return col('name');
  if (/nhiem vu|cong viec|hoat dong|noi dung|ten/.test(f)) return col('task');
  return col('other');
}

export interface TableOutput {
  indicators: PlanIndicator[];
  tasks: PlanTask[];
}

function timeSpan(cell: string): { from: number | null; to: number | null; deadline: number | null } {
  const years = [...cell.matchAll(/(?<![\d/])(?:19|20)\d{2}(?!\d)/g)].map((m) => Number(m[0]));
  if (!years.length) return { from: null, to: null, deadline: null };
  const recurring = /hằng năm|hàng năm|thường xuyên|liên tục|định kỳ/iu.test(cell);
  const single = years.length === 1 && /(?:trước|đến|hoàn thành|hết)\s+(?:năm\s+)?(?:19|20)\d{2}/iu.test(cell);
  const to = Math.max(...years);
  return { from: single ? null : Math.min(...years), to, deadline: recurring ? null : to };
}

/** A value cell: "≥ 60%", "100%", "95", "≥ 40 Mbps". Plain numbers take the unit column or "%" for "Tỷ lệ …". */
function valueIndicator(
  cell: string,
  name: string,
  unitCell: string,
): Omit<PlanIndicator, 'year' | 'line' | 'kind' | 'group'> | null {
  const m = findMeasures(cell)[0];
  const text = name
    .replace(/^[-–+•]\s*/, '')
    .replace(/[.;:]\s*$/, '')
    .trim();
  if (m) return { text, comparator: m.comparator, value: m.value, valueMax: m.valueMax, unit: m.unit };
  const n = /(\d+(?:[.,]\d+)?)\s*$/.exec(cell.trim());
  if (!n) return null;
  const cmp = comparatorBefore(cell.slice(0, n.index));
  const unitWord = unitCell.trim();
  const unit = unitWord === '%' || (!unitWord && /^(?:tỷ lệ|tỉ lệ|tỷ trọng)/iu.test(text)) ? '%' : unitWord || 'count';
  return { text, comparator: cmp?.comparator ?? '=', value: parseViNumber(n[1]), valueMax: null, unit };
}

/** Pipe tables: runs of consecutive row blocks. */
export function extractRowTables(
  blocks: Block[],
  ctxs: BlockContext[],
  defaults: YearDefaults,
  plan: { from: number | null; to: number | null },
): TableOutput {
  const out: TableOutput = { indicators: [], tasks: [] };
  let i = 0;
  while (i < blocks.length) {
    if (blocks[i].type !== 'row') {
      i++;
      continue;
    }
    const all: Block[] = [];
    while (i < blocks.length && blocks[i].type === 'row') all.push(blocks[i++]);
    // The header is one of the first rows (a title row may come first).
    const kindOf = (cols: Column[]) => {
      const has = (r: Role) => cols.some((c) => c.role === r);
      const nameCol = cols.findIndex((c) => c.role === 'name' || c.role === 'task');
      const task = has('task') && (has('lead') || has('time'));
      return { task, target: !task && nameCol >= 0 && has('value'), nameCol };
    };
    const h = all.slice(0, 3).findIndex((r) => {
      const k = kindOf(r.cells!.map(columnOf));
      return k.task || k.target;
    });
    if (h < 0) continue;
    const header = all[h];
    const rows = all.slice(h);
    const cols = header.cells!.map(columnOf);
    const ctx = ctxs[header.index];
    if (ctx.cls === 'none' || ctx.cls === 'funding') continue;
    const { target: isTargetTable, nameCol } = kindOf(cols);
    let group = ctx.group;
    for (const row of rows.slice(1)) {
      const cells = row.cells!;
      const get = (r: Role) => cells[cols.findIndex((c) => c.role === r)] ?? '';
      const stt = get('stt');
      const name = cells[nameCol] ?? '';
      const filled = cells.filter((c, k) => c && k !== nameCol && cols[k].role !== 'stt').length;
      if (!name || /^[IVX]+\.?$/.test(stt) || filled === 0) {
        if (name) group = stt ? `${stt}. ${name}` : name;
        continue;
      }
      const lineAt = () => row.line;
      if (isTargetTable) {
        cols.forEach((c, k) => {
          if (c.role !== 'value' || !cells[k]) return;
          const v = valueIndicator(cells[k], name, get('unit'));
          if (!v) return;
          const kind = c.baseline || ctx.baseline ? 'baseline' : 'target';
          out.indicators.push({
            ...v,
            kind,
            group,
            year: c.year ?? ctx.year ?? (kind === 'baseline' ? defaults.baseline : defaults.target),
            line: row.line,
          });
        });
        // Numbers inside the name itself ("… với tốc độ trên 01 Gbps/s") are targets of the same year.
        const yearCol = cols.find((c) => c.role === 'value' && c.year !== null && !c.baseline);
        for (const x of indicatorsIn(
          { text: name, lineAt, listItem: false, baseline: ctx.baseline, year: yearCol?.year ?? ctx.year, group },
          defaults,
        )) {
          if (x.unit !== '%') out.indicators.push(x);
        }
      } else {
        const time = timeSpan(get('time'));
        const lead = splitLeadCell(get('lead'));
        const partners = [...lead.partners, ...get('partner').split(/;/).map(cleanUnit).filter(Boolean)];
        out.tasks.push({
          title: name.replace(/^[-–+•]\s*/, ''),
          lead: lead.lead,
          partners,
          from: time.from ?? (plan.from === plan.to ? plan.from : null),
          to: time.to ?? (plan.from === plan.to ? plan.to : null),
          expected: get('expected') || null,
          group,
          line: row.line,
        });
        for (const text of [name, get('expected')]) {
          if (!text) continue;
          out.indicators.push(
            ...indicatorsIn(
              {
                text,
                lineAt,
                listItem: true,
                baseline: ctx.baseline,
                year: ctx.year,
                deadlineYear: time.deadline,
                group,
              },
              defaults,
            ),
          );
        }
      }
    }
  }
  return out;
}

/** Offsets of a cell's fragments inside its joined text → source lines. */
function fragSource(frags: Frag[]): { text: string; lineAt: (o: number) => number } {
  const starts: Array<[number, number]> = [];
  let text = '';
  for (const f of frags) {
    if (text) text += ' ';
    starts.push([text.length, f.line]);
    text += f.text;
  }
  return {
    text,
    lineAt: (o) => {
      let line = starts.length ? starts[0][1] : 0;
      for (const [s, l] of starts) if (s <= o) line = l;
      return line;
    },
  };
}

export function extractFlatTable(table: FlatTable, ctx: BlockContext, defaults: YearDefaults): TableOutput {
  const out: TableOutput = { indicators: [], tasks: [] };
  table.rows.forEach((row: FlatRow) => {
    const title = cellText(row.title);
    const { lead, partners } = splitLeadCell(cellText(row.lead));
    const time = timeSpan(cellText(row.time));
    out.tasks.push({
      title,
      lead,
      partners,
      from: time.from,
      to: time.to,
      expected: cellText(row.result) || null,
      group: ctx.group,
      line: row.title[0].line,
    });
    for (const frags of [row.title, row.result]) {
      if (!frags.length) continue;
      const src = fragSource(frags);
      out.indicators.push(
        ...indicatorsIn(
          {
            ...src,
            listItem: true,
            baseline: ctx.baseline,
            year: ctx.year,
            deadlineYear: time.deadline,
            group: ctx.group,
          },
          defaults,
        ),
      );
    }
  });
  return out;
}

export function extractFlatTargetTable(table: FlatTargetTable, ctx: BlockContext, defaults: YearDefaults): TableOutput {
  const out: TableOutput = { indicators: [], tasks: [] };
  const cols = table.columns;
  for (const row of table.rows) {
    const name = cellText(row.name);
    row.values.forEach((v, k) => {
      const col = cols[cols.length - row.values.length + k];
      const x = valueIndicator(v.text, name, row.unit);
      if (!x || !col) return;
      const kind = col.baseline || ctx.baseline ? 'baseline' : 'target';
      out.indicators.push({
        ...x,
        kind,
        group: row.group ?? ctx.group,
        year: col.year ?? (kind === 'baseline' ? defaults.baseline : defaults.target),
        line: v.line,
      });
    });
  }
  return out;
}
