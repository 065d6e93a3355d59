/**
 * Importing indicator values from a .csv or .xlsx — the pure part: reading the table,
 * recognising the columns, reading Vietnamese numbers and period names, and checking every
 * row against what the database knows (given as plain data). Each bad row gets its reasons
 * in Vietnamese; nothing here writes.
 */
import { formatViNumber } from '../../platform/text.ts';
import { parsePeriod } from '../reporting/index.ts';

export type Cell = string | number | null;

/** Rows a file may hold (a province's 100 communes × 30 indicators × a few periods fit). */
export const MAX_IMPORT_ROWS = 5000;

// ——— CSV ———

/**
 * Reads CSV text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) with the
 * delimiter sniffed from the header line: Excel in a Vietnamese locale writes ';' because the
 * comma is the decimal mark. Written by hand: the one CSV reader installed (fast-csv, through
 * exceljs) neither sniffs the delimiter nor parses synchronously in a pure function.
 */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.replace(/"[^"]*"/g, '').split(ch).length - 1;
  const delimiter = [';', '\t', ','].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// ——— numbers and periods ———

/**
 * A number written the Vietnamese way or as a spreadsheet number: "3,5" = 3.5, "1.234,5" =
 * 1234.5, "1.500" = 1500 (dots group thousands), "85 %" = 85; "3.5" is read as 3.5 too.
 * Empty → null; anything else → 'invalid'.
 */
export function parseViNumber(raw: Cell): number | null | 'invalid' {
  if (raw === null) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : 'invalid';
  const s = raw.replace(/[\s\u00a0]/g, '').replace(/%$/, '');
  if (s === '') return null;
  let n: number;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) n = Number(s.replace(/\./g, '').replace(',', '.'));
  else if (/^-?\d+(,\d+)?$/.test(s)) n = Number(s.replace(',', '.'));
  else if (/^-?\d+\.\d+$/.test(s)) n = Number(s);
  else return 'invalid';
  return Number.isFinite(n) ? n : 'invalid';
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Lower case without diacritics: "Quý I/2026" → "quy i/2026", "Mã xã" → "ma xa". */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();

/**
 * A period as people write it → its code and end date: "2026-Q1", "Q1/2026", "Quý I/2026",
 * "quý 1 năm 2026", "2026-H1", "6 tháng đầu năm 2026", "2026-9M", "9 tháng năm 2026", "2026",
 * "Năm 2026", "2026-M03", "Tháng 3/2026". Null when it is none of these.
 */
export function readPeriod(raw: Cell): { code: string; end: string } | null {
  if (raw === null) return null;
  const s = fold(String(raw)).replace(/\s+/g, ' ');
  let code: string | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(?:-(q[1-4]|h[12]|9m|m\d{2}))?$/.exec(s))) code = m[2] ? `${m[1]}-${m[2].toUpperCase()}` : m[1];
  else if ((m = /^(\d{4}) ?q([1-4])$/.exec(s))) code = `${m[1]}-Q${m[2]}`;
  else if ((m = /^(?:q|quy) ?(iv|iii|ii|i|[1-4])(?: ?[/-] ?| nam )(\d{4})$/.exec(s)))
    code = `${m[2]}-Q${ROMAN[m[1]] ?? Number(m[1])}`;
  else if ((m = /^6 thang (dau|cuoi)(?: nam)? (\d{4})$/.exec(s))) code = `${m[2]}-H${m[1] === 'dau' ? 1 : 2}`;
  else if ((m = /^9 thang(?: nam)? (\d{4})$/.exec(s))) code = `${m[1]}-9M`;
  else if ((m = /^nam (\d{4})$/.exec(s))) code = m[1];
  else if ((m = /^thang (\d{1,2})(?: ?[/-] ?| nam )(\d{4})$/.exec(s))) code = `${m[2]}-M${m[1].padStart(2, '0')}`;
  if (!code) return null;
  try {
    const p = parsePeriod(code);
    return { code: p.code, end: p.end };
  } catch {
    return null;
  }
}

// ——— columns ———

export type Column =
  | 'communeCode'
  | 'communeName'
  | 'indicatorCode'
  | 'targetId'
  | 'targetText'
  | 'period'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'note';

/** Column names people use (folded, words joined by "_"), first = the template's own. */
export const COLUMN_NAMES: Record<Column, string[]> = {
  communeCode: ['ma_xa', 'ma_xa_phuong', 'ma_don_vi_hanh_chinh', 'commune_code'],
  communeName: ['ten_xa', 'xa', 'xa_phuong', 'commune'],
  indicatorCode: ['ma_chi_tieu', 'ma_chi_tieu_danh_muc', 'indicator_code'],
  targetId: ['ma_muc_tieu', 'target_id'],
  targetText: ['chi_tieu', 'noi_dung', 'ten_chi_tieu', 'target'],
  period: ['ky', 'ky_bao_cao', 'period'],
  value: ['gia_tri', 'so_lieu', 'value'],
  numerator: ['tu_so', 'numerator'],
  denominator: ['mau_so', 'denominator'],
  note: ['ghi_chu', 'note'],
};

/** The template's header, in the order of the columns. */
export const TEMPLATE_HEADER = [
  'Mã xã',
  'Tên xã',
  'Mã chỉ tiêu',
  'Mã mục tiêu',
  'Chỉ tiêu',
  'Kỳ',
  'Giá trị',
  'Tử số',
  'Mẫu số',
  'Ghi chú',
];

export interface HeaderMap {
  index: Partial<Record<Column, number>>;
  /** What is missing, in words; empty when the header is usable. */
  missing: string[];
  /** Header cells no column is known by (ignored). */
  unknown: string[];
}

export function mapHeader(header: Cell[]): HeaderMap {
  const index: Partial<Record<Column, number>> = {};
  const unknown: string[] = [];
  header.forEach((cell, i) => {
    const name = fold(String(cell ?? ''))
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '');
    if (!name) return;
    const col = (Object.keys(COLUMN_NAMES) as Column[]).find((c) => COLUMN_NAMES[c].includes(name));
    if (col && index[col] === undefined) index[col] = i;
    else unknown.push(String(cell));
  });
  const missing: string[] = [];
  if (index.communeCode === undefined) missing.push('"Mã xã"');
  if (index.indicatorCode === undefined && index.targetId === undefined)
    missing.push('"Mã chỉ tiêu" (mã trong danh mục, ví dụ CQS-02) hoặc "Mã mục tiêu"');
  if (index.period === undefined) missing.push('"Kỳ"');
  if (index.value === undefined && (index.numerator === undefined || index.denominator === undefined))
    missing.push('"Giá trị" (hoặc "Tử số" và "Mẫu số")');
  return { index, missing, unknown };
}

// ——— rows ———

export interface CommuneFact {
  id: string;
  provinceId: string;
  name: string;
  /** The uploader may import values for this commune. */
  inScope: boolean;
}
export interface TargetFact {
  id: string;
  communeId: string;
  text: string;
  unit: string;
  indicatorCode: string | null;
}
export interface ImportFacts {
  /** By official code ("05800"). */
  communes: Map<string, CommuneFact>;
  /** Catalogue codes, upper case. */
  indicatorCodes: Set<string>;
  /** Targets of each commune's current plans, by commune id. */
  targets: Map<string, TargetFact[]>;
  /** Values already stored, by `${targetId}|${periodCode}`. */
  existing: Map<string, { value: number; source: string }>;
}

export interface CheckedRow {
  /** Line in the file (the header is line 1). */
  row: number;
  communeCode: string;
  communeId: string | null;
  communeName: string | null;
  indicatorCode: string | null;
  targetIds: string[];
  targetText: string | null;
  unit: string | null;
  periodCode: string | null;
  periodEnd: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  errors: string[];
}

const SOURCE_WORDS: Record<string, string> = {
  report: 'báo cáo đơn vị đã duyệt',
  computed: 'tính từ dữ liệu hệ thống',
  import: 'nhập từ tệp',
};
const text = (c: Cell | undefined) => (c === null || c === undefined ? '' : String(c).trim());
const num = (n: number) => formatViNumber(n, 4);

/** A commune code as written or as a spreadsheet number that lost its leading zeros (5800 → "05800"). */
export const communeCodeOf = (c: Cell | undefined) => {
  const s = text(c);
  return /^\d{1,5}$/.test(s) ? s.padStart(5, '0') : s;
};

/**
 * Checks every data row. Rows with nothing but a commune and an indicator or target (a
 * template row left unfilled) are skipped and not returned. A row is good when `errors` is
 * empty; the same commune, indicator/target and period twice in a file makes the later row bad.
 */
export function checkRows(
  rows: { row: number; cells: Cell[] }[],
  header: HeaderMap,
  width: number,
  facts: ImportFacts,
): CheckedRow[] {
  const at = (cells: Cell[], col: Column) =>
    header.index[col] === undefined ? null : (cells[header.index[col]!] ?? null);
  const seen = new Map<string, number>();
  const out: CheckedRow[] = [];
  for (const { row, cells } of rows) {
    const filled = cells.filter((c) => text(c) !== '').length;
    if (filled === 0) continue;
    const rawPeriod = text(at(cells, 'period'));
    const rawValue = at(cells, 'value');
    const rawNum = at(cells, 'numerator');
    const rawDen = at(cells, 'denominator');
    if (!rawPeriod && text(rawValue) === '' && text(rawNum) === '' && text(rawDen) === '') continue;

    const errors: string[] = [];
    const extra = cells.slice(width).filter((c) => text(c) !== '').length;
    if (extra)
      errors.push(
        `Dòng có ${width + extra} ô, nhiều hơn ${width} cột của dòng tiêu đề (sai cột hoặc thiếu dấu ngoặc kép quanh số có dấu phẩy).`,
      );

    const communeCode = communeCodeOf(at(cells, 'communeCode'));
    const commune = communeCode ? facts.communes.get(communeCode) : undefined;
    if (!communeCode) errors.push('Thiếu mã xã.');
    else if (!commune) errors.push(`Không có xã, phường nào mã "${communeCode}".`);
    else if (!commune.inScope) errors.push(`${commune.name} (mã ${communeCode}) ngoài phạm vi bạn được nhập số liệu.`);

    const indicatorCode = text(at(cells, 'indicatorCode')).toUpperCase() || null;
    const targetId = text(at(cells, 'targetId')) || null;
    let targets: TargetFact[] = [];
    if (!indicatorCode && !targetId) errors.push('Thiếu mã chỉ tiêu (hoặc mã mục tiêu).');
    else if (indicatorCode && !facts.indicatorCodes.has(indicatorCode))
      errors.push(`Không có chỉ tiêu mã "${indicatorCode}" trong danh mục.`);
    else if (commune?.inScope) {
      const own = facts.targets.get(commune.id) ?? [];
      targets = targetId ? own.filter((t) => t.id === targetId) : own.filter((t) => t.indicatorCode === indicatorCode);
      if (targetId && !targets.length)
        errors.push(`Mã mục tiêu "${targetId}" không thuộc kế hoạch của ${commune.name}.`);
      else if (targetId && indicatorCode && targets[0].indicatorCode !== indicatorCode)
        errors.push(`Mục tiêu "${targets[0].text}" không gắn với chỉ tiêu ${indicatorCode}.`);
      else if (!targets.length)
        errors.push(`Kế hoạch của ${commune.name} không có mục tiêu nào gắn với chỉ tiêu ${indicatorCode}.`);
    }
    const unit = targets[0]?.unit ?? null;

    const period = rawPeriod ? readPeriod(rawPeriod) : null;
    if (!rawPeriod) errors.push('Thiếu kỳ.');
    else if (!period)
      errors.push(`Không đọc được kỳ "${rawPeriod}"; viết ví dụ 2026-Q1, Quý I/2026, 2026-H1, 2026-9M hoặc 2026.`);

    const read = (raw: Cell, label: string) => {
      const n = parseViNumber(raw);
      if (n === 'invalid') {
        errors.push(`${label} "${text(raw)}" không phải là số (phần thập phân dùng dấu phẩy, ví dụ 3,5).`);
        return null;
      }
      if (n !== null && n < 0) errors.push(`${label} không được âm (${num(n)}).`);
      return n;
    };
    let value = read(rawValue, 'Giá trị');
    const numerator = read(rawNum, 'Tử số');
    const denominator = read(rawDen, 'Mẫu số');
    if (
      (numerator === null) !== (denominator === null) &&
      parseViNumber(rawNum) !== 'invalid' &&
      parseViNumber(rawDen) !== 'invalid'
    )
      errors.push('Cần cả tử số và mẫu số, hoặc bỏ trống cả hai.');
    if (denominator === 0) errors.push('Mẫu số bằng 0.');
    if (numerator !== null && denominator) {
      const ratio = unit === '%' ? (100 * numerator) / denominator : numerator / denominator;
      const rounded = Math.round(ratio * 100) / 100;
      if (unit === '%' && numerator > denominator)
        errors.push(`Tử số (${num(numerator)}) lớn hơn mẫu số (${num(denominator)}).`);
      if (value === null && parseViNumber(rawValue) !== 'invalid') value = rounded;
      else if (value !== null && Math.abs(value - ratio) > 0.5)
        errors.push(
          `Giá trị ${num(value)} không khớp tử số/mẫu số (${num(numerator)}/${num(denominator)} = ${num(rounded)}).`,
        );
    }
    if (value === null && numerator === null && parseViNumber(rawValue) !== 'invalid') errors.push('Thiếu giá trị.');
    if (value !== null && unit === '%' && value > 100)
      errors.push(`Tỷ lệ phải từ 0 đến 100 % (đang là ${num(value)}).`);

    if (commune && period && (indicatorCode || targetId)) {
      const key = `${commune.id}|${targetId ?? indicatorCode}|${period.code}`;
      const first = seen.get(key);
      if (first !== undefined) errors.push(`Trùng với dòng ${first}: cùng xã, chỉ tiêu và kỳ.`);
      else seen.set(key, row);
      for (const t of targets) {
        const had = facts.existing.get(`${t.id}|${period.code}`);
        if (had) {
          errors.push(
            `Kỳ ${period.code} của mục tiêu "${t.text.slice(0, 80)}" đã có giá trị ${num(had.value)} (${SOURCE_WORDS[had.source] ?? had.source}).`,
          );
          break;
        }
      }
    }
    out.push({
      row,
      communeCode,
      communeId: commune?.id ?? null,
      communeName: commune?.name ?? null,
      indicatorCode,
      targetIds: targets.map((t) => t.id),
      targetText:
        targets.length === 1
          ? targets[0].text
          : targets.length > 1
            ? `${targets.length} mục tiêu gắn với ${indicatorCode}`
            : null,
      unit,
      periodCode: period?.code ?? null,
      periodEnd: period?.end ?? null,
      value,
      numerator,
      denominator,
      errors,
    });
  }
  return out;
}
