/**
 * .docx → plain lines via mammoth's HTML. Paragraphs and headings become lines; list items get
 * the marker Word drew but mammoth drops ("1.", "1.1.", "a)" for numbered lists, "-" and "+" for
 * bullets); each table row becomes one line "| cell | cell |", which is how the plan parser reads
 * tables (and how Markdown writes them). Images are never read.
 *
 * Before mammoth sees the file, the platform's ZIP reader opens it within the limits of a real
 * plan (plan-file-errors.ts): a zip bomb is refused there, its sizes checked from the
 * directory and again while inflating. mammoth then runs in a worker (document-parser.ts).
 */
import { inspectZip, programInside, ZipRefused, type ZipEntryInfo } from '../../../platform/files.ts';
import { DocumentParseError, parseDocx } from './document-parser.ts';
import { MAX_DOCX_ENTRIES, MAX_DOCX_TOTAL_BYTES, MAX_DOCX_XML_BYTES, planFileError } from './plan-file-errors.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });

interface ListLevel {
  ordered: boolean;
  n: number;
}

/**
 * Walk mammoth's HTML (a small, well-formed subset: p, h1–h6, ul/ol/li, table/tr/td/th, strong, em, a, br, img).
 * Written by hand because it is ~60 lines and a DOM parser would be a new dependency.
 */
export function htmlToLines(html: string): string[] {
  const lines: string[] = [];
  const lists: ListLevel[] = [];
  let text = '';
  let row: string[] | null = null;
  let cell: string[] | null = null;
  let inCell = 0;
  let lastTopCount = 0;
  let tableDepth = 0;

  const flush = () => {
    const t = decodeEntities(text).replace(/\s+/g, ' ').trim();
    text = '';
    if (!t) return;
    if (cell) cell.push(t);
    else lines.push(t);
    // A section heading typed as a paragraph ("II. NHIỆM VỤ") also restarts the numbering.
    if (!lists.length && !cell && (/^(?:[IVX]+\s*[.\-–]|Phần\s)/u.test(t) || t === t.toUpperCase())) lastTopCount = 0;
  };
  const marker = (): string => {
    const top = lists[lists.length - 1];
    if (!top) return '';
    if (!top.ordered) return lists.length > 1 ? '+ ' : '- ';
    const depth = lists.filter((l) => l.ordered).length;
    if (depth >= 3) return `${String.fromCharCode(96 + Math.min(top.n, 26))}) `;
    return `${lists
      .filter((l) => l.ordered)
      .map((l) => l.n)
      .join('.')}. `;
  };

  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*?(\/?)>|([^<]+)/gi)) {
    if (m[4] !== undefined) {
      text += m[4];
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    switch (tag) {
      case 'h1':
      case 'h2':
      case 'h3':
        // A heading ends a numbered list: the next list starts again at 1.
        if (!lists.length) lastTopCount = 0;
        if (closing) flush();
        else if (text.trim()) flush();
        break;
      case 'p':
      case 'h4':
      case 'h5':
      case 'h6':
        if (closing) flush();
        else if (text.trim() && !/^[-+\d.a-z)]+\s$/.test(text)) flush();
        break;
      case 'br':
        if (inCell) text += ' ';
        else flush();
        break;
      case 'ul':
      case 'ol':
        flush();
        if (closing) {
          const done = lists.pop();
          if (done?.ordered && lists.length === 0) lastTopCount = done.n;
        } else {
          // Word continues "1. … 2. …" across a bullet list in between; mammoth starts a new <ol>.
          const n = tag === 'ol' && lists.length === 0 ? lastTopCount : 0;
          lists.push({ ordered: tag === 'ol', n });
        }
        break;
      case 'li':
        flush();
        if (!closing && lists.length) {
          lists[lists.length - 1].n++;
          text = marker();
        }
        break;
      case 'table':
        // A table inside a cell stays inside that cell's text.
        if (closing) tableDepth--;
        else tableDepth++;
        if (tableDepth + (closing ? 1 : 0) > 1) {
          text += ' ';
          break;
        }
        flush();
        if (!closing) lines.push('');
        break;
      case 'tr':
        if (tableDepth > 1) {
          text += '; ';
          break;
        }
        flush();
        if (closing && row) {
          if (row.some(Boolean)) lines.push(`| ${row.join(' | ')} |`);
          row = null;
        } else if (!closing) row = [];
        break;
      case 'td':
      case 'th':
        if (tableDepth > 1) {
          text += ' ';
          break;
        }
        if (!closing) {
          flush();
          cell = [];
          inCell++;
        } else {
          flush();
          row?.push((cell ?? []).join(' ').replace(/\|/g, '/'));
          cell = null;
          inCell--;
        }
        break;
      default:
        break;
    }
  }
  flush();
  return lines;
}

const corrupt = (why: string, cause?: unknown) =>
  planFileError(
    'PLAN_FILE_CORRUPT',
    `Tệp .docx bị hỏng, không mở được (${why}). Hãy mở bằng Word và lưu lại.`,
    { why },
    cause,
  );

/** Opens the archive within the limits of a real plan, or says why not. */
async function guardDocx(bytes: Uint8Array): Promise<ZipEntryInfo[]> {
  try {
    return await inspectZip(bytes, {
      maxEntries: MAX_DOCX_ENTRIES,
      maxTotalBytes: MAX_DOCX_TOTAL_BYTES,
      maxEntryBytes: (name) => (/\.(?:xml|rels)$/i.test(name) ? MAX_DOCX_XML_BYTES : MAX_DOCX_TOTAL_BYTES),
    });
  } catch (e) {
    if (!(e instanceof ZipRefused)) throw e;
    if (e.reason === 'encrypted')
      throw planFileError(
        'PLAN_FILE_UNSUPPORTED',
        'Tệp .docx có mật khẩu, không đọc được. Hãy gửi bản không đặt mật khẩu.',
      );
    if (e.reason === 'corrupt') throw corrupt('mục lục tệp nén sai hoặc thiếu', e);
    const mb = (n: number) => `${n / 1024 / 1024} MB`;
    throw planFileError(
      'PLAN_FILE_TOO_LARGE',
      e.reason === 'too_many_entries'
        ? `Tệp .docx có hơn ${MAX_DOCX_ENTRIES.toLocaleString('vi-VN')} phần — không phải một kế hoạch, có thể là tệp độc hại; không xử lý.`
        : `Tệp .docx giải nén ra quá lớn (${e.entry ? `phần ${e.entry} vượt ` : 'vượt '}${mb(e.entry && /\.(?:xml|rels)$/i.test(e.entry) ? MAX_DOCX_XML_BYTES : MAX_DOCX_TOTAL_BYTES)}) — có thể là tệp độc hại (zip bomb), không xử lý.`,
      { part: e.entry, reason: e.reason },
    );
  }
}

export async function docxToText(bytes: Uint8Array): Promise<{ text: string; warnings: string[] }> {
  const entries = await guardDocx(bytes);
  const program = await programInside(entries);
  if (program)
    throw planFileError(
      'PLAN_FILE_UNSUPPORTED',
      `Tệp .docx mang theo một chương trình (${program}) — không xử lý. Hãy gửi kế hoạch dạng .docx chỉ có văn bản, .pdf hoặc .txt.`,
      { program },
    );
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    const kind = entries.some((e) => e.name.startsWith('xl/'))
      ? 'bảng tính Excel'
      : entries.some((e) => e.name.startsWith('ppt/'))
        ? 'bản trình chiếu'
        : 'tệp nén';
    throw planFileError(
      'PLAN_FILE_UNSUPPORTED',
      `Tệp là ${kind}, không phải văn bản Word (.docx). Hãy gửi kế hoạch dạng .docx, .pdf hoặc .txt.`,
      { kind },
    );
  }
  let parsed: { html: string; warnings: string[] };
  try {
    parsed = await parseDocx(bytes);
  } catch (err) {
    if (!(err instanceof DocumentParseError)) throw err;
    throw planFileError(
      'PLAN_FILE_CORRUPT',
      'Tệp .docx bị hỏng, Word không đọc được nội dung. Hãy mở bằng Word và lưu lại.',
      undefined,
      err,
    );
  }
  return { text: htmlToLines(parsed.html).join('\n'), warnings: parsed.warnings };
}
