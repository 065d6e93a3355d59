/**
 * Evidence files (minh chứng): only safe types, recognised by their content (magic bytes),
 * never by the extension or the browser's Content-Type alone; the extension must agree.
 * Pure, no I/O.
 *
 * Hand-written because the dependencies hold no type-detection library, and what we need is
 * small: five signatures and the file names in a ZIP's central directory (to tell .docx from
 * .xlsx and to refuse macros), which the ZIP format keeps uncompressed for exactly this use.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';

export interface DetectedType {
  mediaType: string;
  extensions: string[];
}

const PDF: DetectedType = { mediaType: 'application/pdf', extensions: ['pdf'] };
const PNG: DetectedType = { mediaType: 'image/png', extensions: ['png'] };
const JPEG: DetectedType = { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] };
const WEBP: DetectedType = { mediaType: 'image/webp', extensions: ['webp'] };
const DOCX: DetectedType = { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] };
const XLSX: DetectedType = { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] };

export const ALLOWED_EXTENSIONS = [PDF, PNG, JPEG, WEBP, DOCX, XLSX].flatMap((t) => t.extensions);

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

export const fileForbidden = (why: string) =>
  new AppError('TASK_FILE_TYPE_FORBIDDEN', 'unsupported_media_type', `Tệp minh chứng không được chấp nhận: ${why}. Chỉ nhận PDF, ảnh (PNG, JPEG, WebP), Word (.docx), Excel (.xlsx).`);

/** Names in a ZIP's central directory, or null when the archive's directory is not readable. */
export function zipEntryNames(b: Uint8Array): string[] | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // The end-of-central-directory record sits in the last 22 + up to 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const [nameLen, extraLen, commentLen] = [view.getUint16(p + 28, true), view.getUint16(p + 30, true), view.getUint16(p + 32, true)];
    names.push(new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** The file's real type, or an AppError saying why it is refused. */
export function detectFileType(b: Uint8Array): DetectedType {
  if (ascii(b, 0, 1024).includes('%PDF-')) return PDF;
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(b, [0xff, 0xd8, 0xff])) return JPEG;
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return WEBP;
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw fileForbidden('tệp Word/Excel đời cũ (.doc, .xls) có thể chứa macro — hãy lưu lại dưới dạng .docx hoặc .xlsx');
  }
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(b);
    if (!names) throw fileForbidden('tệp nén bị hỏng');
    if (names.some((n) => /(^|\/)vbaProject\.bin$|(^|\/)activeX\//i.test(n))) throw fileForbidden('tệp có macro hoặc ActiveX');
    if (names.includes('[Content_Types].xml') && names.includes('word/document.xml')) return DOCX;
    if (names.includes('[Content_Types].xml') && names.includes('xl/workbook.xml')) return XLSX;
    throw fileForbidden('tệp nén (.zip) không phải văn bản Word hoặc bảng tính Excel');
  }
  throw fileForbidden('không nhận ra loại tệp theo nội dung');
}

export interface CheckedFile {
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
}

/** Checks an uploaded file: not empty, within the limit, a safe type whose extension agrees. */
export function checkEvidenceFile(fileName: string, bytes: Uint8Array, maxBytes: number): CheckedFile {
  if (bytes.length === 0) throw new AppError('TASK_FILE_EMPTY', 'invalid', 'Tệp minh chứng rỗng.');
  if (bytes.length > maxBytes) throw fileTooLarge(maxBytes);
  const type = detectFileType(bytes);
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (!type.extensions.includes(ext)) {
    throw new AppError('TASK_FILE_TYPE_MISMATCH', 'unsupported_media_type', `Tên tệp "${fileName}" không khớp với nội dung (${type.extensions[0].toUpperCase()}); hãy đặt đuôi .${type.extensions[0]}.`);
  }
  const name = fileName.replace(/[\\/\u0000-\u001f]/g, '_').slice(-200);
  return { fileName: name, mediaType: type.mediaType, byteSize: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export const fileTooLarge = (maxBytes: number) =>
  new AppError('TASK_FILE_TOO_LARGE', 'too_large', `Tệp minh chứng vượt quá giới hạn ${(maxBytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB.`, { details: { maxBytes } });
