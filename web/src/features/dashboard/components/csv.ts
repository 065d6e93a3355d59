/**
 * CSV export written by hand: a few lines, and no spreadsheet library needed in the browser.
 * A UTF-8 byte-order mark makes Excel read Vietnamese letters correctly; every field is quoted;
 * a text that begins like a formula (=, +, -, @) gets a leading apostrophe so a spreadsheet
 * never runs it (CSV injection).
 */
export type Cell = string | number | null | undefined;

export function csvField(v: Cell): string {
  if (v === null || v === undefined) return '""';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export const BOM = '\uFEFF';

/** Rows to CSV text, with the BOM and Windows line ends (what Excel writes itself). */
export function toCsv(rows: Cell[][]): string {
  return BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** "Xã Phú Thịnh" → "xa-phu-thinh" for a file name. */
export function slug(s: string) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function downloadCsv(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
