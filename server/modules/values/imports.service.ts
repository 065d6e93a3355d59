/**
 * Importing indicator values from a file (provenance "import"): upload → a staged preview
 * that names every bad row → nothing is written to indicator_values until the person
 * confirms; confirming re-checks the rows against the database as it is now, writes the good
 * ones (with who, the file and its row) and updates the rollups in one transaction.
 */
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../platform/lazy-libs.ts';
import { sql } from 'kysely';
import { can, requireActor } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { toCsv } from '../../platform/csv.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { findNode } from '../org/index.ts';
import { inspectZip, programInside, safeFileName, type ZipLimits } from '../../platform/files.ts';
import { sniffFormat } from '../plans/index.ts';
import { canImportValues, isImporter } from './values.policy.ts';
import { quarterOf } from './values.rules.ts';
import { recordValues, type NewValue } from './indicator-values.ts';
import {
  checkRows,
  communeCodeOf,
  mapHeader,
  parseCsv,
  MAX_IMPORT_ROWS,
  TEMPLATE_HEADER,
  type Cell,
  type CheckedRow,
  type HeaderMap,
  type ImportFacts,
} from './imports.rules.ts';

/** Largest value file: 5,000 rows of a dozen short cells are far below this. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Largest uncompressed part of an .xlsx (the sheet XML); more is a zip bomb, not a value table. */
const MAX_XLSX_PART_BYTES = 40 * 1024 * 1024;
const XLSX_LIMITS: ZipLimits = {
  maxEntries: 5_000,
  maxTotalBytes: 2 * MAX_XLSX_PART_BYTES,
  maxEntryBytes: () => MAX_XLSX_PART_BYTES,
};

const importNotFound = () => notFound('IMPORT_NOT_FOUND', 'bản nhập số liệu');
const fileError = (code: string, kind: 'invalid' | 'too_large' | 'unsupported_media_type', message: string) =>
  new AppError(code, kind, message);

/** A file name as a label (the platform's one rule). */
const safeName = (name: string) => safeFileName(name, 'so-lieu');
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();

/** Cells of a worksheet as plain values (a formula gives its result; a date its ISO day). */
function cellOf(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return clean(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellOf((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in v) return clean((v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join(''));
    if ('text' in v) return clean(String((v as ExcelJS.CellHyperlinkValue).text));
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return clean(String(v));
}

/** The file as a table of cells; refuses what is not a value table, with the reason. */
export async function readTable(
  fileName: string,
  bytes: Uint8Array,
): Promise<{ format: 'csv' | 'xlsx'; table: Cell[][] }> {
  if (!bytes.length) throw fileError('IMPORT_FILE_EMPTY', 'invalid', 'Tệp rỗng, không có số liệu.');
  if (bytes.length > MAX_IMPORT_BYTES)
    throw fileError(
      'IMPORT_FILE_TOO_LARGE',
      'too_large',
      `Tệp số liệu lớn hơn ${MAX_IMPORT_BYTES / 1024 / 1024} MB; hãy chia thành nhiều tệp.`,
    );
  const kind = await sniffFormat(bytes);
  if (kind === 'zip') {
    // The platform's ZIP reader and zip-bomb guard, on the parts of a workbook, before exceljs inflates them.
    let entries;
    try {
      entries = await inspectZip(bytes, XLSX_LIMITS);
    } catch {
      throw fileError(
        'IMPORT_FILE_CORRUPT',
        'invalid',
        'Tệp .xlsx bị hỏng hoặc giải nén ra quá lớn (có thể là tệp độc hại), không đọc được. Hãy mở bằng Excel và lưu lại.',
      );
    }
    const program = await programInside(entries);
    if (program)
      throw fileError(
        'IMPORT_FILE_UNSUPPORTED',
        'unsupported_media_type',
        `Tệp mang theo một chương trình (${program}), không xử lý. Hãy gửi tệp .xlsx hoặc .csv theo mẫu.`,
      );
    if (!entries.some((e) => e.name === 'xl/workbook.xml'))
      throw fileError(
        'IMPORT_FILE_UNSUPPORTED',
        'unsupported_media_type',
        'Tệp nén này không phải bảng tính Excel (.xlsx). Hãy gửi tệp .xlsx hoặc .csv theo mẫu.',
      );
    const wb = new (await loadExcel()).Workbook();
    try {
      await wb.xlsx.load(Buffer.from(bytes) as never);
    } catch {
      throw fileError(
        'IMPORT_FILE_CORRUPT',
        'invalid',
        'Tệp .xlsx bị hỏng, không đọc được. Hãy mở bằng Excel và lưu lại.',
      );
    }
    const ws = wb.worksheets.find((w) => w.state !== 'hidden' && w.actualRowCount > 0) ?? wb.worksheets[0];
    if (!ws) throw fileError('IMPORT_FILE_EMPTY', 'invalid', 'Bảng tính không có trang nào có số liệu.');
    if (ws.rowCount > MAX_IMPORT_ROWS + 1)
      throw fileError(
        'IMPORT_TOO_MANY_ROWS',
        'too_large',
        `Tệp có hơn ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng; hãy chia thành nhiều tệp.`,
      );
    const table: Cell[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= Math.min(row.cellCount, 50); c++) cells.push(cellOf(row.getCell(c).value));
      table.push(cells);
    }
    return { format: 'xlsx', table };
  }
  if (kind === 'ole')
    throw fileError(
      'IMPORT_FILE_UNSUPPORTED',
      'unsupported_media_type',
      'Tệp Excel cũ (.xls) chưa đọc được. Hãy mở bằng Excel và lưu thành .xlsx hoặc .csv.',
    );
  if (kind !== 'text')
    throw fileError(
      'IMPORT_FILE_UNSUPPORTED',
      'unsupported_media_type',
      `Không đọc được "${safeName(fileName)}" như bảng số liệu. Hãy gửi tệp .xlsx hoặc .csv theo mẫu.`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileError(
      'IMPORT_FILE_ENCODING',
      'invalid',
      'Tệp .csv không ở mã UTF-8. Trong Excel, chọn "Lưu thành" → "CSV UTF-8 (Comma delimited)".',
    );
  }
  const table = parseCsv(clean(text) === '' ? '' : text).map((r) => r.map((c) => clean(c)));
  if (table.length > MAX_IMPORT_ROWS + 1)
    throw fileError(
      'IMPORT_TOO_MANY_ROWS',
      'too_large',
      `Tệp có hơn ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng; hãy chia thành nhiều tệp.`,
    );
  return { format: 'csv', table };
}

interface Staged {
  header: HeaderMap;
  width: number;
  raw: { row: number; cells: Cell[] }[];
  checked: CheckedRow[];
  unknownColumns: string[];
}

/** What the database knows about the communes, indicators, targets and values the rows name. */
async function loadFacts(ctx: Ctx, header: HeaderMap, raw: { row: number; cells: Cell[] }[]): Promise<ImportFacts> {
  const actor = requireActor(ctx);
  const codes = [
    ...new Set(raw.map((r) => communeCodeOf(r.cells[header.index.communeCode!] ?? null)).filter((c) => c !== '')),
  ].slice(0, MAX_IMPORT_ROWS);
  const communeRows = codes.length
    ? await ctx.db
        .selectFrom('orgUnits')
        .select(['id', 'code', 'fullName', 'provinceId'])
        .where('kind', '=', 'commune')
        .where('code', 'in', codes)
        .execute()
    : [];
  const communes = new Map(
    communeRows.map((c) => [
      c.code,
      {
        id: c.id,
        provinceId: c.provinceId!,
        name: c.fullName,
        inScope: canImportValues(actor, { provinceId: c.provinceId!, communeId: c.id }),
      },
    ]),
  );
  const inScope = [...communes.values()].filter((c) => c.inScope).map((c) => c.id);
  const targetRows = inScope.length
    ? await ctx.db
        .selectFrom('planTargets as t')
        .innerJoin('plans as p', 'p.id', 't.planId')
        .leftJoin('indicators as i', 'i.id', 't.indicatorId')
        .select(['t.id', 't.communeId', 't.text', 't.unit', 'i.code as indicatorCode'])
        .where('t.communeId', 'in', inScope)
        .where('t.kind', '=', 'target')
        .where('p.archivedAt', 'is', null)
        .execute()
    : [];
  const targets = new Map<string, ImportFacts['targets'] extends Map<string, infer V> ? V : never>();
  for (const t of targetRows) targets.set(t.communeId, [...(targets.get(t.communeId) ?? []), t]);
  const existingRows = targetRows.length
    ? await ctx.db
        .selectFrom('indicatorValues')
        .select(['targetId', 'periodCode', 'value', 'source'])
        .where('communeId', 'in', inScope)
        .where(
          'targetId',
          'in',
          targetRows.map((t) => t.id),
        )
        .execute()
    : [];
  const existing = new Map(
    existingRows.map((v) => [`${v.targetId}|${v.periodCode}`, { value: Number(v.value), source: v.source }]),
  );
  const indicatorCodes = new Set(
    (await ctx.db.selectFrom('indicators').select('code').where('mergedIntoId', 'is', null).execute()).map((i) =>
      i.code.toUpperCase(),
    ),
  );
  return { communes, indicatorCodes, targets, existing };
}

async function stage(ctx: Ctx, table: Cell[][]): Promise<Staged> {
  const headerAt = table.findIndex((r) => r.some((c) => c !== null && String(c).trim() !== ''));
  if (headerAt < 0) throw fileError('IMPORT_FILE_EMPTY', 'invalid', 'Tệp không có dòng nào.');
  const header = mapHeader(table[headerAt]);
  if (header.missing.length) {
    throw new AppError(
      'IMPORT_COLUMNS',
      'invalid',
      `Dòng tiêu đề thiếu cột ${header.missing.join(', ')}. Hãy dùng tệp mẫu (các cột: ${TEMPLATE_HEADER.join(', ')}).`,
      { details: { missing: header.missing } },
    );
  }
  const width = table[headerAt].length;
  const raw = table.slice(headerAt + 1).map((cells, i) => ({ row: headerAt + 2 + i, cells }));
  const checked = checkRows(raw, header, width, await loadFacts(ctx, header, raw));
  if (!checked.length)
    throw fileError('IMPORT_NO_ROWS', 'invalid', 'Tệp không có dòng số liệu nào (mỗi dòng cần kỳ và giá trị).');
  return {
    header,
    width,
    raw: raw.filter((r) => checked.some((c) => c.row === r.row)),
    checked,
    unknownColumns: header.unknown,
  };
}

interface StoredRows {
  header: HeaderMap;
  width: number;
  raw: { row: number; cells: Cell[] }[];
  checked: CheckedRow[];
  unknownColumns: string[];
}

type ImportRow = {
  id: string;
  provinceId: string;
  communeId: string | null;
  fileName: string;
  format: 'csv' | 'xlsx';
  status: 'preview' | 'imported' | 'discarded';
  rows: unknown;
  totalRows: number;
  badRows: number;
  importedRows: number | null;
  createdBy: string;
  createdAt: Date;
  decidedAt: Date | null;
  createdByName: string;
};

function view(r: ImportRow) {
  const stored = (typeof r.rows === 'string' ? JSON.parse(r.rows) : r.rows) as StoredRows;
  const actions: ('confirm' | 'discard')[] =
    r.status === 'preview' ? (r.totalRows > r.badRows ? ['confirm', 'discard'] : ['discard']) : [];
  return {
    id: r.id,
    fileName: r.fileName,
    format: r.format,
    status: r.status,
    createdAt: new Date(r.createdAt).toISOString(),
    createdByName: r.createdByName,
    decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
    counts: { total: r.totalRows, good: r.totalRows - r.badRows, bad: r.badRows, imported: r.importedRows },
    unknownColumns: stored.unknownColumns,
    rows: stored.checked.map((c) => ({
      row: c.row,
      communeCode: c.communeCode,
      communeName: c.communeName,
      indicatorCode: c.indicatorCode,
      targetText: c.targetText,
      targetCount: c.targetIds.length,
      periodCode: c.periodCode,
      value: c.value,
      numerator: c.numerator,
      denominator: c.denominator,
      unit: c.unit,
      errors: c.errors,
    })),
    allowedActions: actions,
  };
}

const importQuery = (ctx: Ctx) =>
  ctx.db
    .selectFrom('indicatorImports as m')
    .innerJoin('users as u', 'u.id', 'm.createdBy')
    .select([
      'm.id',
      'm.provinceId',
      'm.communeId',
      'm.fileName',
      'm.format',
      'm.status',
      'm.rows',
      'm.totalRows',
      'm.badRows',
      'm.importedRows',
      'm.createdBy',
      'm.createdAt',
      'm.decidedAt',
      'u.fullName as createdByName',
    ]);

/** The import if the person may see it (its uploader, or an importer of its place); otherwise 404. */
async function getVisible(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const r = (await importQuery(ctx).where('m.id', '=', id).executeTakeFirst()) as ImportRow | undefined;
  const mayRead =
    r &&
    (canImportValues(actor, { provinceId: r.provinceId, communeId: r.communeId }) ||
      (r.createdBy === actor.userId && isImporter(actor)));
  if (!r || !mayRead) throw importNotFound();
  return { actor, row: r };
}

/** Upload: read, check every row, stage the preview. Nothing reaches the indicator values. */
export async function previewImport(ctx: Ctx, file: { fileName: string; bytes: Uint8Array }) {
  const actor = requireActor(ctx);
  if (!isImporter(actor))
    throw new AppError(
      'FORBIDDEN',
      'forbidden',
      'Chỉ cán bộ phụ trách kế hoạch, lãnh đạo xã hoặc cán bộ Sở được nhập số liệu từ tệp.',
    );
  const fileName = safeName(file.fileName);
  const { format, table } = await readTable(fileName, file.bytes);
  const s = await stage(ctx, table);
  // The place of the import: its one commune, or the province of its communes (a province
  // file) — counting only communes the person may import for.
  const ids = [...new Set(s.checked.map((c) => c.communeId).filter((c): c is string => !!c))];
  const known = (
    ids.length ? await ctx.db.selectFrom('orgUnits').select(['id', 'provinceId']).where('id', 'in', ids).execute() : []
  ).filter((c) => canImportValues(actor, { provinceId: c.provinceId!, communeId: c.id }));
  const provinces = [...new Set(known.map((c) => c.provinceId!))];
  const grant =
    actor.grants.find((g) => g.orgKind === 'commune' && g.communeId) ??
    actor.grants.find((g) => g.orgKind === 'province' && g.provinceId);
  let place: { provinceId: string; communeId: string | null } | null = null;
  if (known.length === 1) place = { provinceId: known[0].provinceId!, communeId: known[0].id };
  else if (known.length > 1)
    place = {
      provinceId: provinces.length === 1 ? provinces[0] : (grant?.provinceId ?? provinces[0]),
      communeId: null,
    };
  else if (grant?.provinceId) place = { provinceId: grant.provinceId, communeId: grant.communeId ?? null };
  if (!place)
    throw fileError(
      'IMPORT_NO_COMMUNE',
      'invalid',
      'Không dòng nào có mã xã đúng; hãy ghi mã xã, phường (5 chữ số, ví dụ 05800) theo danh mục hành chính.',
    );
  const bad = s.checked.filter((c) => c.errors.length).length;
  const stored: StoredRows = {
    header: s.header,
    width: s.width,
    raw: s.raw,
    checked: s.checked,
    unknownColumns: s.unknownColumns,
  };
  const id = await inTransaction(ctx, async (tx) => {
    const r = await tx.db
      .insertInto('indicatorImports')
      .values({
        ...place!,
        fileName,
        format,
        rows: JSON.stringify(stored),
        totalRows: s.checked.length,
        badRows: bad,
        importedRows: null,
        createdBy: actor.userId,
        decidedAt: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, {
      action: 'indicator_import.previewed',
      recordType: 'indicator_import',
      recordId: r.id,
      summary: `Tải lên tệp số liệu "${fileName}": ${s.checked.length} dòng, ${bad} dòng lỗi`,
      provinceId: place!.provinceId,
      communeId: place!.communeId,
    });
    return r.id;
  });
  return getImport(ctx, id);
}

export async function getImport(ctx: Ctx, id: string) {
  return view((await getVisible(ctx, id)).row);
}

/** The person's own imports, newest first (to come back to a preview). */
export async function listImports(ctx: Ctx) {
  const actor = requireActor(ctx);
  const rows = (await importQuery(ctx)
    .where('m.createdBy', '=', actor.userId)
    .orderBy('m.createdAt', 'desc')
    .limit(20)
    .execute()) as ImportRow[];
  return {
    items: rows.map((r) => {
      const v = view(r);
      return { id: v.id, fileName: v.fileName, status: v.status, createdAt: v.createdAt, counts: v.counts };
    }),
  };
}

/**
 * Confirm: the rows are checked again against the database as it is now (a value may have
 * arrived, a right may have gone); if a row good in the preview is bad now, nothing is written
 * and the refreshed preview comes back (409). Otherwise every good row becomes indicator
 * values of its targets, in one transaction with the rollups and the audit row.
 */
export async function confirmImport(ctx: Ctx, id: string) {
  const { actor, row } = await getVisible(ctx, id);
  if (row.status !== 'preview')
    throw new AppError(
      'IMPORT_DECIDED',
      'conflict',
      row.status === 'imported' ? 'Tệp này đã được nhập.' : 'Bản nhập này đã bị hủy.',
    );
  const stored = (typeof row.rows === 'string' ? JSON.parse(row.rows) : row.rows) as StoredRows;
  const checked = checkRows(stored.raw, stored.header, stored.width, await loadFacts(ctx, stored.header, stored.raw));
  const goodBefore = new Set(stored.checked.filter((c) => !c.errors.length).map((c) => c.row));
  const good = checked.filter((c) => !c.errors.length);
  if (good.length === 0 && goodBefore.size === 0)
    throw new AppError(
      'IMPORT_NOTHING_GOOD',
      'conflict',
      'Không có dòng hợp lệ nào để nhập; hãy sửa tệp và tải lên lại.',
    );
  const changed = good.length !== goodBefore.size || good.some((c) => !goodBefore.has(c.row));
  if (changed) {
    await ctx.db
      .updateTable('indicatorImports')
      .set({
        rows: JSON.stringify({ ...stored, checked }),
        badRows: checked.filter((c) => c.errors.length).length,
        totalRows: checked.length,
      })
      .where('id', '=', id)
      .where('status', '=', 'preview')
      .execute();
    throw new AppError(
      'IMPORT_CHANGED',
      'conflict',
      'Số liệu đã thay đổi từ lúc xem trước (có dòng nay không còn hợp lệ); chưa nhập gì. Hãy xem lại bản xem trước.',
    );
  }
  const values: NewValue[] = good.flatMap((c) =>
    c.targetIds.map((targetId) => ({
      targetId,
      periodCode: c.periodCode!,
      periodEnd: c.periodEnd!,
      value: c.value!,
      numerator: c.numerator,
      denominator: c.denominator,
      source: 'import' as const,
      sourceRef: `${id}#${c.row}`,
      producedBy: actor.userId,
      producer: `Tệp "${row.fileName}", dòng ${c.row}`,
      sourceLink: `/api/v1/dashboards/imports/${id}`,
    })),
  );
  await inTransaction(ctx, async (tx) => {
    const r = await tx.db
      .updateTable('indicatorImports')
      .set({ status: 'imported', importedRows: good.length, decidedAt: sql`now()` })
      .where('id', '=', id)
      .where('status', '=', 'preview')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw new AppError('IMPORT_DECIDED', 'conflict', 'Tệp này vừa được nhập hoặc hủy.');
    await recordValues(tx, values);
    await audit(tx, {
      action: 'indicator_import.confirmed',
      recordType: 'indicator_import',
      recordId: id,
      summary: `Nhập số liệu từ tệp "${row.fileName}": ${good.length} dòng (${values.length} giá trị), bỏ qua ${checked.length - good.length} dòng lỗi`,
      changes: { rows: good.map((c) => c.row) },
      provinceId: row.provinceId,
      communeId: row.communeId,
    });
  });
  return getImport(ctx, id);
}

export async function discardImport(ctx: Ctx, id: string) {
  const { row } = await getVisible(ctx, id);
  if (row.status !== 'preview')
    throw new AppError(
      'IMPORT_DECIDED',
      'conflict',
      row.status === 'imported' ? 'Tệp này đã được nhập.' : 'Bản nhập này đã bị hủy.',
    );
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('indicatorImports')
      .set({ status: 'discarded', decidedAt: sql`now()` })
      .where('id', '=', id)
      .where('status', '=', 'preview')
      .execute();
    await audit(tx, {
      action: 'indicator_import.discarded',
      recordType: 'indicator_import',
      recordId: id,
      summary: `Hủy bản nhập số liệu "${row.fileName}"`,
      provinceId: row.provinceId,
      communeId: row.communeId,
    });
  });
  return getImport(ctx, id);
}

/**
 * The template: the header, and — for a commune — one row per target of its plan with the
 * commune, the catalogue code and the target's own id filled in, the current quarter as the
 * period, value left blank (unfilled rows are skipped on upload).
 */
export async function template(ctx: Ctx, communeId: string | undefined, format: 'csv' | 'xlsx') {
  const actor = requireActor(ctx);
  const rows: Cell[][] = [];
  let name = 'mau-nhap-so-lieu';
  if (communeId) {
    const c = await findNode(ctx.db, communeId);
    if (!c || c.kind !== 'commune' || !can(actor, 'plans.read', { provinceId: c.provinceId, communeId: c.id }))
      throw notFound('ORG_UNIT_NOT_FOUND', 'xã');
    const targets = await ctx.db
      .selectFrom('planTargets as t')
      .innerJoin('plans as p', 'p.id', 't.planId')
      .leftJoin('indicators as i', 'i.id', 't.indicatorId')
      .select(['t.id', 't.text', 'i.code'])
      .where('t.communeId', '=', c.id)
      .where('t.kind', '=', 'target')
      .where('p.archivedAt', 'is', null)
      .orderBy('t.sortOrder')
      .execute();
    const quarter = quarterOf(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)).code;
    for (const t of targets)
      rows.push([c.code, c.fullName, t.code ?? '', t.id, t.text, quarter, null, null, null, null]);
    name = `mau-nhap-so-lieu-${c.code}`;
  } else {
    rows.push([
      '05800',
      'Xã Phú Thịnh',
      'CQS-02',
      '',
      'Tỷ lệ hồ sơ trực tuyến',
      '2026-Q3',
      '45,5',
      '',
      '',
      'Dòng ví dụ: xóa trước khi tải lên',
    ]);
  }
  if (format === 'csv') {
    return { fileName: `${name}.csv`, type: 'text/csv; charset=utf-8', bytes: toCsv([TEMPLATE_HEADER, ...rows], ';') };
  }
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Xã Số';
  const ws = wb.addWorksheet('Số liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = TEMPLATE_HEADER.map((header, i) => ({
    header,
    width: [9, 22, 12, 38, 60, 10, 10, 10, 10, 30][i],
    style: i === 0 || i === 5 ? { numFmt: '@' } : undefined,
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  const help = wb.addWorksheet('Hướng dẫn');
  for (const line of [
    'Mỗi dòng là một giá trị: Mã xã (5 chữ số), Mã chỉ tiêu trong danh mục (ví dụ CQS-02) hoặc Mã mục tiêu của kế hoạch, Kỳ, Giá trị.',
    'Kỳ: 2026-Q1 … 2026-Q4, Quý I/2026, 2026-H1, 2026-H2, 2026-9M, 2026.',
    'Giá trị: số, phần thập phân dùng dấu phẩy (3,5); tỷ lệ từ 0 đến 100. Có thể ghi Tử số và Mẫu số thay cho giá trị.',
    'Dòng để trống kỳ và giá trị được bỏ qua. Trước khi nhập, Xã Số cho xem trước và chỉ rõ từng dòng lỗi.',
  ])
    help.addRow([line]);
  help.getColumn(1).width = 120;
  return {
    fileName: `${name}.xlsx`,
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
