/**
 * .pdf → text lines with unpdf (pdf.js). pdf.js marks line ends (hasEOL), so lines come back as
 * the page drew them; this adds what a plan parser needs on top: page numbers and repeated
 * running headers removed, whitespace normalised, NFC. A PDF whose pages carry no text layer is a
 * scan: that is reported, not guessed. pdf.js runs in a worker within limits (document-parser.ts).
 */
import { DocumentParseError, parsePdf } from './document-parser.ts';
import { planFileError } from './plan-file-errors.ts';

export async function pdfToText(bytes: Uint8Array): Promise<{ text: string; warnings: string[] }> {
  let pages: string[];
  let total: number;
  try {
    const r = await parsePdf(bytes);
    pages = r.pages;
    total = r.totalPages;
  } catch (err) {
    if (!(err instanceof DocumentParseError)) throw err;
    const name = err.libraryError.name;
    if (name === 'PasswordException') {
      throw planFileError(
        'PLAN_FILE_UNSUPPORTED',
        'Tệp PDF có mật khẩu, không đọc được. Hãy gửi bản không đặt mật khẩu.',
        undefined,
        err,
      );
    }
    throw planFileError(
      'PLAN_FILE_CORRUPT',
      'Tệp PDF bị hỏng, không mở được. Hãy xuất lại PDF từ Word hoặc gửi bản .docx.',
      undefined,
      err,
    );
  }
  const warnings: string[] = [];
  const pageLines = pages.map((p) =>
    p
      .normalize('NFC')
      .split('\n')
      .map((l) => l.replace(/[^\S\n]+/g, ' ').trim()),
  );
  // A line repeated at the top or bottom of most pages is a running header or footer.
  const edges = new Map<string, number>();
  for (const lines of pageLines) {
    const nonEmpty = lines.filter(Boolean);
    for (const l of new Set([...nonEmpty.slice(0, 2), ...nonEmpty.slice(-2)])) edges.set(l, (edges.get(l) ?? 0) + 1);
  }
  const repeated = new Set(
    [...edges]
      .filter(([l, n]) => pageLines.length >= 3 && n >= pageLines.length * 0.6 && l.length < 80)
      .map(([l]) => l),
  );
  const out: string[] = [];
  pageLines.forEach((lines) => {
    const nonEmpty = lines.map((l, k) => (l ? k : -1)).filter((k) => k >= 0);
    const edge = new Set([...nonEmpty.slice(0, 1), ...nonEmpty.slice(-1)]);
    lines.forEach((l, k) => {
      // A page number stands alone at the top or the bottom of its page; a bare number elsewhere is a table cell.
      if (edge.has(k) && (/^(?:-\s*)?\d{1,3}(?:\s*-)?$/.test(l) || /^Trang \d+(?:\s*\/\s*\d+)?$/iu.test(l))) return;
      if (repeated.has(l)) return;
      out.push(l);
    });
  });
  const text = out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters < 20) {
    throw planFileError(
      'PLAN_FILE_NO_TEXT',
      'Tệp PDF không có lớp chữ (có vẻ là bản scan/ảnh chụp), không trích xuất được nội dung. Hãy gửi bản .docx hoặc PDF xuất từ Word.',
      { pages: total },
    );
  }
  if (/\uFFFD/.test(text)) warnings.push('Một số ký tự trong PDF không giải mã được (phông chữ thiếu bảng ToUnicode).');
  return { text, warnings };
}
