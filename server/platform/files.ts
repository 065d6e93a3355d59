/**
 * Uploaded files, for every module that keeps them (a task's evidence, a report's
 * attachments): only safe types, recognised by their content (magic bytes), never by the
 * extension or the browser's Content-Type alone, and the extension must agree; a size limit
 * from the configuration; a SHA-256 checksum; a file name that is only a label (no folder,
 * no control character); the bytes kept in the `files` table (0003-tasks.sql explains why in
 * the database); the download with Content-Disposition, nosniff and the checksum.
 *
 * A module passes its `FileKind` (error-code prefix and the noun its people use), so a task
 * says "Tệp minh chứng …" with TASK_FILE_* codes and a report "Tệp đính kèm …" with
 * REPORT_FILE_* codes, from the same checks.
 *
 * Type detection is hand-written because the dependencies hold no type-detection library, and
 * what we need is small: five signatures and the file names in a ZIP's central directory (to
 * tell .docx from .xlsx and to refuse macros), which the ZIP format keeps uncompressed for
 * exactly this use.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Generated } from 'kysely';
import { z } from 'zod';
import type { Db } from './db/database.ts';
import { AppError } from './errors.ts';

/** What a file belongs to: the owner's id is checked on every download. */
export type FileOwnerType = 'task' | 'report_submission';

export interface FileTable {
  id: Generated<string>;
  provinceId: string;
  communeId: string;
  ownerType: FileOwnerType;
  ownerId: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  content: Uint8Array;
  createdBy: string | null;
  createdAt: Generated<Date>;
}

/** How a module names its files: `code` prefixes the error codes, `noun` starts the messages. */
export interface FileKind {
  code: string;
  /** "Tệp minh chứng", "Tệp đính kèm" — capitalised, used at the start of a sentence. */
  noun: string;
}

export interface DetectedType {
  mediaType: string;
  extensions: string[];
}

const PDF: DetectedType = { mediaType: 'application/pdf', extensions: ['pdf'] };
const PNG: DetectedType = { mediaType: 'image/png', extensions: ['png'] };
const JPEG: DetectedType = { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] };
const WEBP: DetectedType = { mediaType: 'image/webp', extensions: ['webp'] };
const DOCX: DetectedType = {
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extensions: ['docx'],
};
const XLSX: DetectedType = {
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extensions: ['xlsx'],
};

export const ALLOWED_EXTENSIONS = [PDF, PNG, JPEG, WEBP, DOCX, XLSX].flatMap((t) => t.extensions);
/** For the browser's file picker (`accept`): a hint only, the server decides by content. */
export const ACCEPT_ATTRIBUTE = ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(',');

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));
const lower = (noun: string) => noun.charAt(0).toLocaleLowerCase('vi') + noun.slice(1);

export const fileForbidden = (kind: FileKind, why: string) =>
  new AppError(
    `${kind.code}_TYPE_FORBIDDEN`,
    'unsupported_media_type',
    `${kind.noun} không được chấp nhận: ${why}. Chỉ nhận PDF, ảnh (PNG, JPEG, WebP), Word (.docx), Excel (.xlsx).`,
  );

export const fileTooLarge = (kind: FileKind, maxBytes: number) =>
  new AppError(
    `${kind.code}_TOO_LARGE`,
    'too_large',
    `${kind.noun} vượt quá giới hạn ${(maxBytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB.`,
    { details: { maxBytes } },
  );

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
    const [nameLen, extraLen, commentLen] = [
      view.getUint16(p + 28, true),
      view.getUint16(p + 30, true),
      view.getUint16(p + 32, true),
    ];
    names.push(new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** The file's real type, or an AppError saying why it is refused. */
export function detectFileType(b: Uint8Array, kind: FileKind): DetectedType {
  if (ascii(b, 0, 1024).includes('%PDF-')) return PDF;
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(b, [0xff, 0xd8, 0xff])) return JPEG;
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return WEBP;
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw fileForbidden(
      kind,
      'tệp Word/Excel đời cũ (.doc, .xls) có thể chứa macro — hãy lưu lại dưới dạng .docx hoặc .xlsx',
    );
  }
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(b);
    if (!names) throw fileForbidden(kind, 'tệp nén bị hỏng');
    if (names.some((n) => /(^|\/)vbaProject\.bin$|(^|\/)activeX\//i.test(n)))
      throw fileForbidden(kind, 'tệp có macro hoặc ActiveX');
    if (names.includes('[Content_Types].xml') && names.includes('word/document.xml')) return DOCX;
    if (names.includes('[Content_Types].xml') && names.includes('xl/workbook.xml')) return XLSX;
    throw fileForbidden(kind, 'tệp nén (.zip) không phải văn bản Word hoặc bảng tính Excel');
  }
  throw fileForbidden(kind, 'không nhận ra loại tệp theo nội dung');
}

/**
 * A file name that is only a label: the last part of any path (a browser may send
 * "C:\\fakepath\\x.pdf", an attacker "../../x.pdf"), no control characters (PostgreSQL refuses
 * U+0000 in text), no quotes that would break a header, at most 200 characters.
 */
export function safeFileName(name: string, fallback = 'tep'): string {
  const last = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = last
    .replace(/[\u0000-\u001f\u007f"]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  return (clean || fallback).slice(-200);
}

export interface CheckedFile {
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Checks an uploaded file: not empty, within the limit, a safe type whose extension agrees. */
export function checkUploadedFile(kind: FileKind, fileName: string, bytes: Uint8Array, maxBytes: number): CheckedFile {
  if (bytes.length === 0) throw new AppError(`${kind.code}_EMPTY`, 'invalid', `${kind.noun} rỗng.`);
  if (bytes.length > maxBytes) throw fileTooLarge(kind, maxBytes);
  const type = detectFileType(bytes, kind);
  const name = safeFileName(fileName);
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (!type.extensions.includes(ext)) {
    throw new AppError(
      `${kind.code}_TYPE_MISMATCH`,
      'unsupported_media_type',
      `Tên tệp "${name}" không khớp với nội dung (${type.extensions[0].toUpperCase()}); hãy đặt đuôi .${type.extensions[0]}.`,
    );
  }
  return { fileName: name, mediaType: type.mediaType, byteSize: bytes.length, sha256: sha256Hex(bytes) };
}

/**
 * Reads the one file of a multipart request (field "file") within `maxBytes`: a missing file
 * and a file over the limit answer the kind's own codes, before anything is written.
 */
export async function readUpload(
  req: FastifyRequest,
  kind: FileKind,
  maxBytes: number,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!file) throw new AppError(`${kind.code}_MISSING`, 'invalid', `Chưa chọn ${lower(kind.noun)} để tải lên.`);
  try {
    return { fileName: file.filename || 'tep', bytes: new Uint8Array(await file.toBuffer()) };
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(kind, maxBytes);
    throw e;
  }
}

// ——— Storage: the files table ———

export const StoredFileView = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  mediaType: z.string().describe('Loại tệp nhận dạng theo nội dung'),
  byteSize: z.number().int(),
  sha256: z.string().describe('Mã băm SHA-256 (hex) để kiểm tra toàn vẹn'),
  createdAt: z.string(),
});
export type StoredFileView = z.infer<typeof StoredFileView>;

export interface FileOwner {
  provinceId: string;
  communeId: string;
  ownerType: FileOwnerType;
  ownerId: string;
}

/** Stores checked bytes for their owner (in the caller's transaction); returns the new file's view. */
export async function storeFile(
  db: Db,
  owner: FileOwner,
  checked: CheckedFile,
  bytes: Uint8Array,
  createdBy: string | null,
): Promise<StoredFileView> {
  const f = await db
    .insertInto('files')
    .values({ ...owner, ...checked, content: bytes, createdBy })
    .returning(['id', 'fileName', 'mediaType', 'byteSize', 'sha256', 'createdAt'])
    .executeTakeFirstOrThrow();
  return { ...f, createdAt: new Date(f.createdAt).toISOString() };
}

/** The file with its bytes, only if it belongs to this owner in this commune. */
export function findOwnedFile(db: Db, owner: Omit<FileOwner, 'provinceId'>, fileId: string) {
  return db
    .selectFrom('files')
    .select(['id', 'fileName', 'mediaType', 'byteSize', 'sha256', 'content'])
    .where('communeId', '=', owner.communeId)
    .where('ownerType', '=', owner.ownerType)
    .where('ownerId', '=', owner.ownerId)
    .where('id', '=', fileId)
    .executeTakeFirst();
}

/**
 * Sends a stored file as a download: the detected type, nosniff (a browser never runs it as
 * something else), the name in RFC 6266 / 5987 form (an ASCII fallback and the UTF-8 name),
 * the checksum as a Digest header, and no caching.
 */
export function sendFile(
  reply: FastifyReply,
  f: { fileName: string; mediaType: string; sha256: string; content: Uint8Array },
  fallbackName = 'tep',
) {
  const ext = /\.([a-z0-9]+)$/i.exec(f.fileName)?.[0] ?? '';
  const asciiName = `${fallbackName}${ext}`.replace(/[^A-Za-z0-9._-]/g, '_');
  return reply
    .header('content-type', f.mediaType)
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('digest', `sha-256=${Buffer.from(f.sha256, 'hex').toString('base64')}`)
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(f.content));
}
