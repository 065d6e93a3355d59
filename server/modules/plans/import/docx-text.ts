/**
 * .docx → plain lines via mammoth's HTML. Paragraphs and headings become lines; list items get
 * the marker Word drew but mammoth drops ("1.", "1.1.", "a)" for numbered lists, "-" and "+" for
 * bullets); each table row becomes one line "| cell | cell |", which is how the plan parser reads
 * tables (and how Markdown writes them). Images are never read.
 */
import mammoth from 'mammoth';
import { planFileError } from './plan-file-errors.ts';
import { guardDocx } from './zip-guard.ts';

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

export async function docxToText(bytes: Uint8Array): Promise<{ text: string; warnings: string[] }> {
  const entries = guardDocx(bytes);
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
  let result: { value: string; messages: Array<{ type: string; message: string }> };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
    );
  } catch (err) {
    throw planFileError(
      'PLAN_FILE_CORRUPT',
      'Tệp .docx bị hỏng, Word không đọc được nội dung. Hãy mở bằng Word và lưu lại.',
      undefined,
      err,
    );
  }
  const warnings = result.messages.filter((m) => m.type === 'error').map((m) => m.message);
  return { text: htmlToLines(result.value).join('\n'), warnings };
}
