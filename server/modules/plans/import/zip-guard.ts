/**
 * Zip-bomb guard for .docx files, run before mammoth (which inflates whole parts in memory).
 * Reads the zip central directory and then really inflates every XML part with a hard output
 * limit (zlib `maxOutputLength`), so a lying size field in the directory cannot fool it.
 * Written by hand: JSZip only checks sizes after inflating, which is what must not happen.
 */
import { inflateRawSync } from 'node:zlib';
import { MAX_DOCX_XML_BYTES, planFileError } from './plan-file-errors.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

const corrupt = (why: string, cause?: unknown) =>
  planFileError(
    'PLAN_FILE_CORRUPT',
    `Tệp .docx bị hỏng, không mở được (${why}). Hãy mở bằng Word và lưu lại.`,
    { why },
    cause,
  );

/** Entries of the central directory; throws PLAN_FILE_CORRUPT when there is none. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  // End of central directory: signature 0x06054b50 within the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('không thấy mục lục của tệp nén');
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw corrupt('mục lục tệp nén sai');
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    entries.push({
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      uncompressedSize: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen)),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Inflate one entry with a hard limit on its output. */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry, limit: number): Uint8Array {
  const at = e.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw corrupt(`phần ${e.name} sai vị trí`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (data.length > limit) throw tooLarge(e.name);
    return data;
  }
  if (e.method !== 8) throw corrupt(`phần ${e.name} nén theo cách không hỗ trợ`);
  try {
    return inflateRawSync(data, { maxOutputLength: limit });
  } catch (err) {
    if (
      (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ||
      /maxOutputLength|Cannot create a Buffer larger/i.test(String(err))
    ) {
      throw tooLarge(e.name);
    }
    throw corrupt(`không giải nén được ${e.name}`, err);
  }
}

const tooLarge = (name: string) =>
  planFileError(
    'PLAN_FILE_TOO_LARGE',
    `Tệp .docx giải nén ra quá lớn (phần ${name} vượt ${MAX_DOCX_XML_BYTES / 1024 / 1024} MB) — có thể là tệp độc hại (zip bomb), không xử lý.`,
    { part: name },
  );

/**
 * Check a .docx before handing it to mammoth: it must contain word/document.xml, and no XML part
 * may inflate beyond MAX_DOCX_XML_BYTES (nor all of them together beyond twice that).
 * Returns the entries so the caller can tell other Office formats apart.
 */
export function guardDocx(bytes: Uint8Array): ZipEntry[] {
  const entries = readZipDirectory(bytes);
  let total = 0;
  for (const e of entries) {
    if (!/\.(?:xml|rels)$/i.test(e.name)) continue;
    if (e.uncompressedSize === 0xffffffff || e.compressedSize === 0xffffffff) throw tooLarge(e.name); // zip64: never needed by a plan
    if (e.uncompressedSize > MAX_DOCX_XML_BYTES) throw tooLarge(e.name);
    total += inflateEntry(bytes, e, MAX_DOCX_XML_BYTES).length;
    if (total > 2 * MAX_DOCX_XML_BYTES) throw tooLarge(e.name);
  }
  return entries;
}
