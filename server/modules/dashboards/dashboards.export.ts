/**
 * The dashboards as Excel workbooks (exceljs): the commune's targets with their latest value,
 * attainment, status, forecast and every value with its provenance; the province's communes
 * ranked for one indicator. Numbers stay numbers (Excel shows them with the reader's decimal
 * mark); the same access rules as the pages, because the rows come from the same use cases.
 */
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../platform/lazy-libs.ts';
import type { Ctx } from '../../platform/context.ts';
import { STATUS_LABEL } from '../reporting/index.ts';
import { communeDashboard, communeValues, provinceTile } from './dashboards.service.ts';

const SOURCE_LABEL: Record<string, string> = {
  report: 'Báo cáo đơn vị đã duyệt',
  computed: 'Tính từ dữ liệu hệ thống',
  import: 'Nhập từ tệp',
};
const ROMAN = ['I', 'II', 'III', 'IV'];
/** '2026-Q1' → 'Quý I/2026', as the pages write it. */
export function periodLabel(code: string): string {
  const m = /^(\d{4})(?:-(Q[1-4]|H1|H2|9M|M\d{2}))?$/.exec(code);
  if (!m) return code;
  const [, y, p] = m;
  if (!p) return `Năm ${y}`;
  if (p.startsWith('Q')) return `Quý ${ROMAN[Number(p[1]) - 1]}/${y}`;
  if (p === 'H1') return `6 tháng đầu năm ${y}`;
  if (p === 'H2') return `6 tháng cuối năm ${y}`;
  if (p === '9M') return `9 tháng năm ${y}`;
  return `Tháng ${Number(p.slice(1))}/${y}`;
}
const viDateTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 7 * 3_600_000)
    .toISOString()
    .replace(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}).*$/, '$3/$2/$1 $4');
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

function titleRows(ws: ExcelJS.Worksheet, lines: string[], columns: number) {
  lines.forEach((line, i) => {
    const r = ws.addRow([line]);
    ws.mergeCells(r.number, 1, r.number, columns);
    r.font = i === 0 ? { bold: true, size: 14 } : { italic: true, color: { argb: 'FF595959' } };
  });
  ws.addRow([]);
}

function table(
  ws: ExcelJS.Worksheet,
  header: { title: string; width: number; numFmt?: string }[],
  rows: (string | number | null)[][],
) {
  header.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    col.width = h.width;
    if (h.numFmt) col.numFmt = h.numFmt;
  });
  const head = ws.addRow(header.map((h) => h.title));
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
  });
  for (const r of rows) ws.addRow(r).alignment = { vertical: 'top', wrapText: true };
  ws.views = [{ state: 'frozen', ySplit: head.number }];
}

export async function communeWorkbook(ctx: Ctx, communeId: string) {
  const d = await communeDashboard(ctx, communeId);
  // The dashboard answer carries only each target's last periods; the workbook lists every value.
  const values = await communeValues(
    ctx,
    communeId,
    d.targets.map((t) => t.targetId),
  );
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Xã Số';
  const at = new Date().toISOString();
  const ws = wb.addWorksheet('Chỉ tiêu');
  titleRows(
    ws,
    [
      `Bảng điều khiển — ${d.communeName}`,
      `${d.planTitle ?? 'Chưa có kế hoạch'} · xuất lúc ${viDateTime(at)}`,
      `Đã đạt ${d.counts.reached} · đúng tiến độ ${d.counts.on_track} · có nguy cơ chậm ${d.counts.at_risk} · chậm tiến độ ${d.counts.off_track} · chưa có số liệu ${d.counts.no_data}; nhiệm vụ quá hạn ${d.tasks.overdue}/${d.tasks.total}; báo cáo chờ duyệt ${d.reportsWaiting}`,
    ],
    11,
  );
  table(
    ws,
    [
      { title: 'STT', width: 6 },
      { title: 'Nhóm', width: 24 },
      { title: 'Chỉ tiêu', width: 60 },
      { title: 'Mục tiêu', width: 14 },
      { title: 'Năm phải đạt', width: 10 },
      { title: 'Giá trị mới nhất', width: 12, numFmt: '#,##0.##' },
      { title: 'Kỳ', width: 14 },
      { title: 'Nguồn', width: 26 },
      { title: 'Mức đạt (%)', width: 11, numFmt: '#,##0.#' },
      { title: 'Tình trạng', width: 16 },
      { title: 'Dự báo đến hạn', width: 50 },
    ],
    d.targets.map((t, i) => [
      i + 1,
      t.groupName?.replace(/[:：]\s*$/, '') ?? '',
      t.text,
      t.targetText,
      t.deadlineYear,
      t.latest?.value ?? null,
      t.latest ? periodLabel(t.latest.periodCode) : '',
      t.latest ? (SOURCE_LABEL[t.latest.source] ?? t.latest.source) : '',
      t.latest?.attainment ?? null,
      STATUS_LABEL[t.status],
      t.forecast ? `${t.forecast.sentence} (${t.forecast.method})` : '',
    ]),
  );
  const vs = wb.addWorksheet('Giá trị và nguồn gốc');
  titleRows(
    vs,
    [
      `Mọi giá trị của các chỉ tiêu — ${d.communeName}`,
      'Mỗi giá trị với nguồn: báo cáo đơn vị đã duyệt, tính từ dữ liệu hệ thống, hoặc nhập từ tệp',
    ],
    11,
  );
  table(
    vs,
    [
      { title: 'Chỉ tiêu', width: 50 },
      { title: 'Kỳ', width: 14 },
      { title: 'Giá trị', width: 10, numFmt: '#,##0.##' },
      { title: 'Tử số', width: 9, numFmt: '#,##0.##' },
      { title: 'Mẫu số', width: 9, numFmt: '#,##0.##' },
      { title: 'Nguồn', width: 24 },
      { title: 'Tạo bởi', width: 34 },
      { title: 'Người duyệt / nhập', width: 22 },
      { title: 'Lúc', width: 16 },
      { title: 'Bản ghi gốc', width: 50 },
      { title: 'Truy vấn bản ghi', width: 50 },
    ],
    d.targets.flatMap((t) =>
      (values.get(t.targetId) ?? []).map((v) => [
        t.text,
        periodLabel(v.periodCode),
        v.value,
        v.numerator,
        v.denominator,
        SOURCE_LABEL[v.source] ?? v.source,
        v.producer ?? '',
        v.producedByName ?? '',
        viDateTime(v.producedAt),
        v.sourceRef ?? '',
        v.sourceLink ?? '',
      ]),
    ),
  );
  return {
    fileName: `bang-dieu-khien-${slug(d.communeName)}-${today()}.xlsx`,
    bytes: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

export async function provinceWorkbook(ctx: Ctx, provinceId: string, indicatorId: string) {
  const d = await provinceTile(ctx, provinceId, indicatorId);
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Xã Số';
  const ws = wb.addWorksheet('Các xã');
  const unit =
    d.indicator.unit === '%'
      ? ' (%)'
      : d.indicator.unit && d.indicator.unit !== 'count'
        ? ` (${d.indicator.unit})`
        : '';
  titleRows(
    ws,
    [
      `${d.provinceName} — ${d.indicator.code} ${d.indicator.name}`,
      `Xuất lúc ${viDateTime(new Date().toISOString())} · ${d.summary.communesReporting} xã có số liệu, ${d.summary.reached} xã đã đạt, trung bình ${d.summary.average ?? '—'}${unit}`,
    ],
    7,
  );
  table(
    ws,
    [
      { title: 'Hạng', width: 7 },
      { title: 'Mã xã', width: 9 },
      { title: 'Xã, phường', width: 30 },
      { title: `Giá trị${unit}`, width: 12, numFmt: '#,##0.##' },
      { title: 'Kỳ', width: 14 },
      { title: 'Mức đạt (%)', width: 11, numFmt: '#,##0.#' },
      { title: 'Tình trạng', width: 16 },
    ],
    d.communes.map((c) => [
      c.rank,
      c.communeCode,
      c.communeName,
      c.value,
      periodLabel(c.periodCode),
      c.attainment,
      STATUS_LABEL[c.status],
    ]),
  );
  return {
    fileName: `${slug(d.provinceName)}-${slug(d.indicator.code)}-${today()}.xlsx`,
    bytes: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
