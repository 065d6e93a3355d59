/**
 * The same periodic report as a workbook for people who re-sort and re-total the figures:
 * one sheet each for targets, units' reporting completeness and tasks. Numbers stay numbers
 * (Excel/LibreOffice show "3,5" and "87,5%" under a Vietnamese locale); a pure writer.
 */
import ExcelJS from 'exceljs';
import type { CommuneReportDocument } from './report-document.types.ts';
import { STATUS_LABEL, completenessRate, completenessTotal, isoToUtcDate } from './report-format.ts';

/** Built-in-style formats; the decimal and thousands marks follow the reader's locale. */
const FMT = { int: '#,##0', dec: '#,##0.0#', pct: '0.0%', date: 'dd/mm/yyyy', year: '0' };
const FONT = { name: 'Times New Roman', size: 12 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

interface Col {
  header: string;
  width: number;
  fmt?: string;
  align?: 'left' | 'center' | 'right';
}

/**
 * A sheet with the two title rows (issuer + report, period) above a bold, frozen, filtered
 * header row; returns the sheet and a function adding bordered data rows.
 */
function sheetWithTable(
  wb: ExcelJS.Workbook,
  name: string,
  doc: CommuneReportDocument,
  title: string,
  cols: Col[],
  headerRow = 4,
) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }] });
  ws.properties.defaultRowHeight = 18;
  cols.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const last = cols.length;
  const titleRow = (r: number, text: string, bold: boolean, size: number) => {
    ws.mergeCells(r, 1, r, last);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = { ...FONT, bold, size };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getRow(r).height = size > 12 ? 24 : 18;
  };
  titleRow(1, `${doc.issuer.toLocaleUpperCase('vi')} — ${title}`, true, 14);
  titleRow(2, `${doc.periodLabel} · ${doc.planTitle}`, false, 12);
  const head = ws.getRow(headerRow);
  cols.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  head.height = 32;
  let next = headerRow + 1;
  const addRow = (values: (string | number | Date | null)[], opts: { bold?: boolean } = {}) => {
    const row = ws.getRow(next++);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      const c = cols[i];
      if (c.fmt && v !== null && typeof v !== 'string') cell.numFmt = c.fmt;
      cell.font = { ...FONT, bold: !!opts.bold };
      cell.border = THIN;
      cell.alignment = {
        horizontal: c.align ?? (typeof v === 'string' ? 'left' : 'right'),
        vertical: 'middle',
        wrapText: true,
      };
    });
    return row;
  };
  const finish = () => {
    if (next > headerRow + 1)
      ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: next - 1, column: last } };
  };
  return { ws, addRow, finish };
}

/** Decimal format only when the number has a fraction, so "2" does not show as "2,0". */
const numFmtFor = (v: number) => (Number.isInteger(v) ? FMT.int : FMT.dec);

export async function renderReportXlsx(doc: CommuneReportDocument): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = doc.issuer;
  wb.title = doc.summary;
  const fixed = isoToUtcDate(doc.date);
  wb.created = fixed; // deterministic bytes for the same data
  wb.modified = fixed;

  // ---- Chỉ tiêu ----
  const targets = sheetWithTable(wb, 'Chỉ tiêu', doc, 'Kết quả thực hiện chỉ tiêu', [
    { header: 'STT', width: 6, fmt: FMT.int, align: 'center' },
    { header: 'Nhóm', width: 20 },
    { header: 'Chỉ tiêu', width: 44 },
    { header: 'Mục tiêu', width: 14, align: 'center' },
    { header: 'Năm', width: 8, fmt: FMT.year, align: 'center' },
    { header: 'Kết quả kỳ này', width: 14, fmt: FMT.dec },
    { header: 'Đơn vị tính', width: 12, align: 'center' },
    { header: 'Mức độ đạt', width: 12, fmt: FMT.pct },
    { header: 'Đánh giá', width: 18, align: 'center' },
    { header: 'Nguồn số liệu', width: 26 },
  ]);
  let n = 0;
  for (const g of doc.groups) {
    for (const t of g.targets) {
      const row = targets.addRow([
        ++n,
        t.groupName ?? g.name,
        t.text,
        t.targetText,
        t.deadlineYear,
        t.value,
        t.unit,
        t.attainment === null ? null : Number((t.attainment / 100).toFixed(6)), // 92.1 → 0.921, not 0.92099…
        STATUS_LABEL[t.status],
        t.source,
      ]);
      if (t.value !== null) row.getCell(6).numFmt = numFmtFor(t.value);
    }
  }
  targets.finish();

  // ---- Đơn vị báo cáo ----
  const units = sheetWithTable(wb, 'Đơn vị báo cáo', doc, 'Tình hình gửi báo cáo của các cơ quan, đơn vị', [
    { header: 'STT', width: 6, fmt: FMT.int, align: 'center' },
    { header: 'Cơ quan, đơn vị', width: 36 },
    { header: 'Phải báo cáo', width: 12, fmt: FMT.int },
    { header: 'Đã gửi', width: 10, fmt: FMT.int },
    { header: 'Đúng hạn', width: 10, fmt: FMT.int },
    { header: 'Muộn', width: 10, fmt: FMT.int },
    { header: 'Chưa gửi', width: 10, fmt: FMT.int },
    { header: 'Tỷ lệ đã gửi', width: 12, fmt: FMT.pct },
  ]);
  const unitRow = (u: (typeof doc.completeness)[number], i: number | null, bold = false) => {
    const rate = completenessRate(u);
    units.addRow(
      [i, u.unitName, u.expected, u.submitted, u.onTime, u.late, u.missing, rate === null ? null : rate / 100],
      { bold },
    );
  };
  doc.completeness.forEach((u, i) => unitRow(u, i + 1));
  units.finish(); // the filter stops above the total so sorting never moves it
  if (doc.completeness.length) unitRow(completenessTotal(doc.completeness), null, true);

  // ---- Nhiệm vụ: the summary (rows 4–8) above the overdue list, whose header is frozen ----
  const s = doc.tasks;
  const summary: [string, number][] = [
    ['Tổng số nhiệm vụ', s.total],
    ['Đã hoàn thành', s.done],
    ['Trong đó hoàn thành đúng hạn', s.doneOnTime],
    ['Đang thực hiện', s.inProgress],
    ['Quá hạn', s.overdue],
  ];
  const listHeader = 4 + summary.length + 1;
  const tasks = sheetWithTable(
    wb,
    'Nhiệm vụ',
    doc,
    'Tình hình thực hiện nhiệm vụ',
    [
      { header: 'STT', width: 6, fmt: FMT.int, align: 'center' },
      { header: 'Nhiệm vụ quá hạn', width: 56 },
      { header: 'Đơn vị chủ trì', width: 30 },
      { header: 'Hạn hoàn thành', width: 16, fmt: FMT.date, align: 'center' },
    ],
    listHeader,
  );
  summary.forEach(([label, value], i) => {
    const row = tasks.ws.getRow(4 + i);
    const [l, v] = [row.getCell(2), row.getCell(3)];
    l.value = label;
    v.value = value;
    v.numFmt = FMT.int;
    for (const c of [l, v]) {
      c.font = { ...FONT, bold: i === 0 };
      c.border = THIN;
    }
    v.alignment = { horizontal: 'right' };
  });
  if (doc.overdueTasks.length)
    doc.overdueTasks.forEach((o, i) => tasks.addRow([i + 1, o.title, o.leadUnit, isoToUtcDate(o.dueOn)]));
  else tasks.addRow([null, 'Không có nhiệm vụ quá hạn.', null, null]);
  tasks.finish();

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
