/**
 * The text of an uploaded plan file (.txt, .docx, .pdf), detected by its content (the
 * platform's type detection, file-type) not by its extension, which users often get wrong.
 * Throws AppError (kind 'invalid') with stable codes and a Vietnamese message for every file
 * that cannot be read.
 */
import { isProgram, sniffType } from '../../../platform/files.ts';
import { MAX_PLAN_FILE_BYTES, MAX_PLAN_TEXT_CHARS, planFileError } from './plan-file-errors.ts';
import { pdfToText } from './pdf-text.ts';
import { decodeTextBytes } from './text-decoding.ts';

export { MAX_PLAN_FILE_BYTES } from './plan-file-errors.ts';

export interface DocumentText {
  text: string;
  format: 'txt' | 'docx' | 'pdf';
  encoding?: string;
  warnings: string[];
}

/** A web page starts so (after a byte-order mark or blank lines); a plan's text never does. */
const WEB_PAGE = /^(?:\xef\xbb\xbf|\ufeff)?\s*<(?:!doctype\s+html|html[\s>])/i;
const ZIP_BASED = new Set(['zip', 'docx', 'xlsx', 'pptx', 'docm', 'xlsm', 'pptm', 'dotx', 'dotm', 'odt', 'epub']);

/**
 * What the bytes are: by their content where a signature says (file-type), else text or some
 * other binary. A program ('program') or a web page ('html') is refused, never read as a plan.
 */
export async function sniffFormat(
  bytes: Uint8Array,
): Promise<'pdf' | 'zip' | 'ole' | 'rtf' | 'program' | 'html' | 'binary' | 'text'> {
  const isUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  // A UTF-16 byte-order mark is text, although FF FE also starts an MPEG audio frame.
  const type = isUtf16 ? undefined : await sniffType(bytes);
  if (isProgram(type)) return 'program';
  if (type?.ext === 'pdf') return 'pdf';
  if (type && ZIP_BASED.has(type.ext)) return 'zip';
  if (type?.ext === 'cfb') return 'ole';
  if (type?.ext === 'rtf') return 'rtf';
  if (type) return 'binary';
  if (WEB_PAGE.test(new TextDecoder('latin1').decode(bytes.subarray(0, 1024)))) return 'html';
  if (!isUtf16) {
    const sample = bytes.subarray(0, 8192);
    const zeros = sample.filter((b) => b === 0).length;
    // UTF-16 without BOM has a zero in every other byte; other binaries have zeros and control bytes anywhere.
    const control = sample.filter((b) => b < 9 || (b > 13 && b < 32 && b !== 26 && b !== 27)).length;
    if (zeros > 0 && zeros < sample.length / 5) return 'binary';
    if (control - zeros > sample.length / 50) return 'binary';
  }
  return 'text';
}

const unsupported = (what: string, hint = 'Hãy gửi kế hoạch dạng .docx, .pdf hoặc .txt.') =>
  planFileError('PLAN_FILE_UNSUPPORTED', `Không hỗ trợ loại tệp này (${what}). ${hint}`, { what });

export async function extractDocumentText(bytes: Uint8Array, fileName: string): Promise<DocumentText> {
  if (bytes.length > MAX_PLAN_FILE_BYTES) {
    throw planFileError(
      'PLAN_FILE_TOO_LARGE',
      `Tệp ${fileName} quá lớn (${(bytes.length / 1024 / 1024).toFixed(1)} MB); giới hạn là ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MB.`,
      { bytes: bytes.length, limit: MAX_PLAN_FILE_BYTES },
    );
  }
  if (bytes.length === 0) throw planFileError('PLAN_FILE_EMPTY', `Tệp ${fileName} rỗng, không có nội dung.`);

  const kind = await sniffFormat(bytes);
  let out: DocumentText;
  switch (kind) {
    case 'pdf':
      out = { format: 'pdf', ...(await pdfToText(bytes)) };
      break;
    case 'zip':
      // mammoth loads on the first .docx, not at every server start.
      out = { format: 'docx', ...(await (await import('./docx-text.ts')).docxToText(bytes)) };
      break;
    case 'ole':
      throw unsupported(
        'tài liệu Word 97–2003 .doc, Excel .xls hoặc tệp Office có đặt mật khẩu',
        'Hãy mở bằng Word, bỏ mật khẩu nếu có và lưu thành .docx.',
      );
    case 'rtf':
      throw unsupported('RTF', 'Hãy mở bằng Word và lưu thành .docx.');
    case 'program':
      throw unsupported('chương trình chạy được');
    case 'html':
      throw unsupported('trang web HTML', 'Hãy mở trang, sao chép nội dung vào Word và lưu thành .docx.');
    case 'binary':
      throw unsupported(/\.(?:png|jpe?g|gif|tiff?|bmp|webp)$/i.test(fileName) ? 'ảnh' : 'tệp nhị phân');
    default: {
      const decoded = decodeTextBytes(bytes);
      const warnings =
        decoded.encoding === 'utf-8' || decoded.encoding.startsWith('utf-16')
          ? []
          : [`Đã chuyển từ bảng mã ${decoded.encoding} sang Unicode.`];
      out = { format: 'txt', text: decoded.text.replace(/\r\n?/g, '\n'), encoding: decoded.encoding, warnings };
    }
  }
  out.text = out.text.normalize('NFC');
  if (out.text.length > MAX_PLAN_TEXT_CHARS) {
    throw planFileError(
      'PLAN_FILE_TOO_LARGE',
      `Văn bản trong tệp ${fileName} quá dài (${out.text.length.toLocaleString('vi-VN')} ký tự); một kế hoạch dài nhất cũng dưới ${MAX_PLAN_TEXT_CHARS.toLocaleString('vi-VN')} ký tự.`,
      { chars: out.text.length, limit: MAX_PLAN_TEXT_CHARS },
    );
  }
  if (!out.text.trim()) {
    if (out.format === 'pdf')
      throw planFileError(
        'PLAN_FILE_NO_TEXT',
        `Tệp PDF ${fileName} không có lớp chữ (bản scan), không trích xuất được nội dung.`,
      );
    throw planFileError('PLAN_FILE_EMPTY', `Tệp ${fileName} không có nội dung chữ.`);
  }
  return out;
}
