/**
 * The one way a file comes in: `readUpload` reads the single file of a multipart request
 * (field "file") for every upload of the API — a plan, a task's evidence, a report's
 * attachment, a value file, and the ones to come — and answers with the module's own codes.
 *
 * Order matters: who is asking is checked BEFORE a byte of the body is read (issue 22 item 12:
 * an anonymous 19 MB upload was read whole and answered 413, not 401). The CSRF header of a
 * cookie session is checked earlier still, in the onRequest hook (modules/auth/auth.plugin.ts),
 * before any body; a request without a session has no actor and is refused here. A body that
 * announces more than the limit is refused from its Content-Length, unread; one that streams
 * past it is cut at the limit.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { safeFileName } from './file-names.ts';

/**
 * How a module names its files: `code` prefixes the error codes (TASK_FILE → TASK_FILE_MISSING,
 * TASK_FILE_TOO_LARGE …), `noun` starts the messages, `fallbackName` labels a file sent without
 * a name.
 */
export interface FileKind {
  code: string;
  /** "Tệp minh chứng", "Tệp đính kèm" — capitalised, used at the start of a sentence. */
  noun: string;
  fallbackName?: string;
}

const lower = (noun: string) => noun.charAt(0).toLocaleLowerCase('vi') + noun.slice(1);
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

export const fileTooLarge = (kind: FileKind, maxBytes: number) =>
  new AppError(`${kind.code}_TOO_LARGE`, 'too_large', `${kind.noun} vượt quá giới hạn ${megabytes(maxBytes)} MB.`, {
    details: { maxBytes },
  });

export const fileMissing = (kind: FileKind) =>
  new AppError(`${kind.code}_MISSING`, 'invalid', `Chưa chọn ${lower(kind.noun)} để tải lên.`);

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

export interface Upload {
  /** The name as a label (safeFileName): no folder, no control character. */
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Reads the one file of a multipart request within `maxBytes`. Refuses, in this order and
 * before reading: no signed-in person (401 UNAUTHENTICATED), a body announced larger than the
 * limit (413 <code>_TOO_LARGE); then while reading: no file (<code>_MISSING), a file past the
 * limit (<code>_TOO_LARGE). What the file is, is each module's check after this.
 */
export async function readUpload(req: FastifyRequest, kind: FileKind, maxBytes: number): Promise<Upload> {
  if (!req.ctx.actor) throw new AppError('UNAUTHENTICATED', 'unauthenticated', 'Bạn cần đăng nhập.');
  const announced = Number(req.headers['content-length']);
  if (Number.isFinite(announced) && announced > maxBytes + MULTIPART_OVERHEAD) throw fileTooLarge(kind, maxBytes);
  const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!file) throw fileMissing(kind);
  let bytes: Buffer;
  try {
    bytes = await file.toBuffer();
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(kind, maxBytes);
    throw e;
  }
  return {
    fileName: safeFileName(file.filename || '', kind.fallbackName),
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  };
}
