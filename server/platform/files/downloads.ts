/**
 * The one writer of download headers, for every file the server sends: stored files (a task's
 * evidence, a report's attachments) and documents it makes on request (the commune report
 * .docx/.xlsx, dashboard and task exports, the import template).
 *
 * - Content-Disposition as RFC 6266 says, with an ASCII `filename=` for old clients and the
 *   real name as RFC 5987 `filename*=UTF-8''…` (percent-encoded beyond attr-char, so also
 *   ' ( ) * which encodeURIComponent leaves as they are).
 * - The type the server knows (for a stored file: the one detected from its content), and
 *   `X-Content-Type-Options: nosniff`, so a browser never runs it as something else.
 * - `Cache-Control: no-store`: every download is a person's data read under their access;
 *   no shared or browser cache may keep it after they sign out (issue 22 item 12).
 */
import type { FastifyReply } from 'fastify';
import { asciiFileName, safeFileName } from './file-names.ts';

/** RFC 5987 `value-chars`: attr-char stays, every other byte of the UTF-8 name is %XX. */
export const rfc5987 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `attachment; filename="ascii"; filename*=UTF-8''utf-8` for a name (made safe first). */
export function contentDisposition(fileName: string, asciiName?: string): string {
  const name = safeFileName(fileName);
  const ascii = asciiFileName(asciiName ?? name);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}

export interface Download {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  /** The ASCII name for old clients; by default the name without its Vietnamese marks. */
  asciiName?: string;
  /** SHA-256 (hex) of a stored file: sent as a Digest header to check integrity. */
  sha256?: string;
}

/** Sends a file as a download with the headers above. */
export function sendDownload(reply: FastifyReply, d: Download) {
  reply
    .header('content-type', d.mediaType)
    .header('content-disposition', contentDisposition(d.fileName, d.asciiName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store');
  if (d.sha256) reply.header('digest', `sha-256=${Buffer.from(d.sha256, 'hex').toString('base64')}`);
  return reply.send(Buffer.from(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength));
}

/** The media types of the documents the server writes. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a stored file: its detected type, its checksum, and an ASCII name made of the
 * module's word for it and the extension ("minh-chung.pdf") — the stored name may be all
 * Vietnamese, and a folded one says little.
 */
export function sendFile(
  reply: FastifyReply,
  f: { fileName: string; mediaType: string; sha256: string; content: Uint8Array },
  fallbackName = 'tep',
) {
  const ext = /\.[a-z0-9]+$/i.exec(f.fileName)?.[0] ?? '';
  return sendDownload(reply, {
    fileName: f.fileName,
    mediaType: f.mediaType,
    bytes: f.content,
    sha256: f.sha256,
    asciiName: `${fallbackName}${ext}`,
  });
}
