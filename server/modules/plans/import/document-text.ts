/**
 * The text of an uploaded plan file (.txt, .docx, .pdf), detected by its content — magic bytes —
 * not by its extension, which users often get wrong. Throws AppError (kind 'invalid') with stable
 * codes and a Vietnamese message for every file that cannot be read.
 */
import { MAX_PLAN_FILE_BYTES, planFileError } from './plan-file-errors.ts';
import { pdfToText } from './pdf-text.ts';
import { decodeTextBytes } from './text-decoding.ts';

export { MAX_PLAN_FILE_BYTES } from './plan-file-errors.ts';

export interface DocumentText {
  text: string;
  format: 'txt' | 'docx' | 'pdf';
  encoding?: string;
  warnings: string[];
}

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** What the bytes are, from their signature. */
export function sniffFormat(bytes: Uint8Array): 'pdf' | 'zip' | 'ole' | 'rtf' | 'binary' | 'text' {
  const head = bytes.subarray(0, 1024);
  const headText = new TextDecoder('latin1').decode(head);
  if (headText.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (headText.startsWith('{\\rtf')) return 'rtf';
  const isUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
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

  const kind = sniffFormat(bytes);
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
