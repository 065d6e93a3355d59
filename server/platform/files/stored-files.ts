/**
 * Files the server keeps and serves back (a task's evidence, a report's attachments): only
 * PDF, images (PNG, JPEG, WebP), Word (.docx) and Excel (.xlsx), each recognised by its
 * content, whose name's extension agrees with it, with nothing else hidden inside (issue 22
 * item 7: a Windows program with "%PDF-1.7" in its DOS stub named setup.pdf had been kept and
 * served as application/pdf). Archives are opened by the one ZIP reader within limits before
 * anything else: no macros, no ActiveX, no program inside, no zip bomb. Then a SHA-256; the
 * bytes go to the `files` table (storage.ts).
 */
import { createHash } from 'node:crypto';
import { AppError } from '../errors.ts';
import { hiddenContent, isProgram, programInside, sniffType, type SniffedType } from './content-type.ts';
import { extensionOf, safeFileName } from './file-names.ts';
import { fileTooLarge, type FileKind } from './uploads.ts';
import { inspectZip, officeKindOf, ZipRefused, type ZipEntryInfo, type ZipLimits } from './zip.ts';

export interface DetectedType {
  mediaType: string;
  extensions: string[];
}

/** The types kept, by file-type's name for each. */
const KEPT: Record<string, DetectedType> = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  png: { mediaType: 'image/png', extensions: ['png'] },
  jpg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  webp: { mediaType: 'image/webp', extensions: ['webp'] },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
};

export const ALLOWED_EXTENSIONS = Object.values(KEPT).flatMap((t) => t.extensions);
/** For the browser's file picker (`accept`): a hint only, the server decides by content. */
export const ACCEPT_ATTRIBUTE = ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(',');

/**
 * A kept .docx/.xlsx is opened by people, not by the server, but a zip bomb must not reach
 * them either: a 10 MB document with photos inflates to about its own size, a large workbook
 * to ten times it; a 1 MB archive inflating to 1 GiB is refused.
 */
export const KEPT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5_000,
  maxTotalBytes: 128 * 1024 * 1024,
  maxEntryBytes: () => 128 * 1024 * 1024,
};

export const fileForbidden = (kind: FileKind, why: string) =>
  new AppError(
    `${kind.code}_TYPE_FORBIDDEN`,
    'unsupported_media_type',
    `${kind.noun} không được chấp nhận: ${why}. Chỉ nhận PDF, ảnh (PNG, JPEG, WebP), Word (.docx), Excel (.xlsx).`,
  );

/** Parts that run code when the document is opened (macros, ActiveX), or a program carried inside. */
async function activeContent(entries: ZipEntryInfo[]): Promise<string | null> {
  if (entries.some((e) => /(^|\/)vbaProject\.bin$|(^|\/)activeX\//i.test(e.name))) return 'tệp có macro hoặc ActiveX';
  const program = await programInside(entries);
  return program ? `tệp mang theo chương trình (${program})` : null;
}

const ZIP_REFUSAL: Record<ZipRefused['reason'], string> = {
  corrupt: 'tệp nén bị hỏng',
  encrypted: 'tệp có đặt mật khẩu',
  too_many_entries: 'tệp nén có quá nhiều phần',
  too_large: 'tệp giải nén ra quá lớn (có thể là tệp độc hại)',
};

async function checkOffice(kind: FileKind, bytes: Uint8Array, type: SniffedType): Promise<DetectedType> {
  let entries: ZipEntryInfo[];
  try {
    entries = await inspectZip(bytes, KEPT_ZIP_LIMITS);
  } catch (e) {
    if (e instanceof ZipRefused) throw fileForbidden(kind, ZIP_REFUSAL[e.reason]);
    throw e;
  }
  const active = await activeContent(entries);
  if (active) throw fileForbidden(kind, active);
  const office = officeKindOf(entries);
  if (!office || office === 'pptx' || (type.ext !== 'zip' && type.ext !== office))
    throw fileForbidden(kind, 'tệp nén (.zip) không phải văn bản Word hoặc bảng tính Excel');
  return KEPT[office];
}

/** The file's real type, or an AppError saying why it is refused. */
export async function detectFileType(b: Uint8Array, kind: FileKind): Promise<DetectedType> {
  const type = await sniffType(b);
  if (isProgram(type)) throw fileForbidden(kind, 'tệp là chương trình chạy được');
  if (type?.ext === 'cfb')
    throw fileForbidden(
      kind,
      'tệp Word/Excel đời cũ (.doc, .xls) có thể chứa macro — hãy lưu lại dưới dạng .docx hoặc .xlsx',
    );
  if (type?.ext === 'docm' || type?.ext === 'xlsm' || type?.ext === 'dotm') throw fileForbidden(kind, 'tệp có macro');
  if (!type) {
    const why = hiddenContent(b, { ext: '', mime: '' });
    throw fileForbidden(kind, why ?? 'không nhận ra loại tệp theo nội dung');
  }
  const hidden = hiddenContent(b, type);
  if (hidden) throw fileForbidden(kind, hidden);
  if (['docx', 'xlsx', 'zip'].includes(type.ext)) return checkOffice(kind, b, type);
  const kept = KEPT[type.ext];
  if (!kept) throw fileForbidden(kind, `loại tệp .${type.ext} không được nhận`);
  return kept;
}

export interface CheckedFile {
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Checks a file to keep: not empty, within the limit, a kept type whose extension agrees. */
export async function checkUploadedFile(
  kind: FileKind,
  fileName: string,
  bytes: Uint8Array,
  maxBytes: number,
): Promise<CheckedFile> {
  if (bytes.length === 0) throw new AppError(`${kind.code}_EMPTY`, 'invalid', `${kind.noun} rỗng.`);
  if (bytes.length > maxBytes) throw fileTooLarge(kind, maxBytes);
  const type = await detectFileType(bytes, kind);
  const name = safeFileName(fileName, kind.fallbackName);
  if (!type.extensions.includes(extensionOf(name))) {
    throw new AppError(
      `${kind.code}_TYPE_MISMATCH`,
      'unsupported_media_type',
      `Tên tệp "${name}" không khớp với nội dung (${type.extensions[0].toUpperCase()}); hãy đặt đuôi .${type.extensions[0]}.`,
    );
  }
  return { fileName: name, mediaType: type.mediaType, byteSize: bytes.length, sha256: sha256Hex(bytes) };
}
