/**
 * Writing CSV — one function for every CSV the platform sends, so none forgets formula
 * injection (CWE-1236): a spreadsheet opening the file runs a cell starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return as a formula (`=HYPERLINK(…)`, `=cmd|…`). Such a cell is
 * written with a leading apostrophe, which spreadsheets show as text (OWASP's advice). A cell that
 * is just a number (`-5`, `+84`, `-3,5`) stays as it is: it computes nothing.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

/** One cell, neutralised and quoted (RFC 4180: quotes doubled). */
export function csvCell(value: CsvCell): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A whole file: rows of cells joined by `separator` (`;` where the decimal mark is a comma, as in
 * Vietnamese Excel), CRLF line ends, and a UTF-8 byte-order mark so Excel reads the diacritics.
 */
export function toCsv(rows: CsvCell[][], separator = ';'): Buffer {
  const body = rows.map((r) => r.map(csvCell).join(separator)).join('\r\n');
  return Buffer.from(`\uFEFF${body}\r\n`, 'utf8');
}
