/**
 * What a file is, by its content: the type from `file-type` (a maintained library that knows
 * hundreds of signatures, ZIP-based Office formats included), and what no signature tells —
 * a file that is two things at once (a polyglot: a PNG followed by a web page, a JPEG with a
 * ZIP archive appended, a PDF header in an HTML page), markup or script a browser would run,
 * a Windows program hidden inside. A file is what it says only when its type is known, its
 * structure holds together and nothing else hides in it.
 *
 * Those last checks are hand-written: type detectors (file-type included) name the first
 * signature they find and stop; they do not say what else a file is. The checks are a few
 * searches of the bytes and a walk over PNG chunks.
 */
import zlib from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import type { ZipEntryInfo } from './zip.ts';

export interface SniffedType {
  /** file-type's extension for the content: 'pdf', 'png', 'docx', 'exe', 'cfb' (old Office) … */
  ext: string;
  mime: string;
}

/** The type by content, or undefined for text and for binaries no signature names. */
export async function sniffType(bytes: Uint8Array): Promise<SniffedType | undefined> {
  const t = await fileTypeFromBuffer(bytes);
  return t ? { ext: t.ext, mime: t.mime } : undefined;
}

/** Programs and packages of programs: never accepted, whatever name they come under. */
const PROGRAMS = new Set(
  'exe elf macho class dex wasm swf apk jar xpi crx lnk deb rpm dmg cab msi chm reg asar'.split(' '),
);
export const isProgram = (t: SniffedType | undefined) => !!t && PROGRAMS.has(t.ext);

const DOS_STUB = 'This program cannot be run in DOS mode';
const PROGRAM_NAME = /\.(?:exe|dll|com|scr|msi|bat|cmd|ps1|vbs|vbe|jse?|wsf|wsh|hta|jar|lnk|cpl|pif|reg|sh|apk)$/i;

/**
 * The first entry of an archive that is a program — by its name, by its content (what
 * file-type says of its first bytes), or by a DOS stub anywhere in it — or null.
 */
export async function programInside(entries: ZipEntryInfo[]): Promise<string | null> {
  for (const e of entries) {
    const isPart = /\.(?:xml|rels)$/i.test(e.name);
    if (PROGRAM_NAME.test(e.name) || e.holdsProgram || (!isPart && isProgram(await sniffType(e.head))))
      return e.name.split('/').pop() ?? e.name;
  }
  return null;
}

/**
 * Markup or script a browser would act on. Tags are matched with what must follow them, so a
 * chance run of bytes in compressed data (a photo, a PDF stream) does not look like one: the
 * shortest pattern has a chance of about 1 in 10^12 per position.
 */
const MARKUP =
  /<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|script[\s>]|iframe[\s>]|frameset[\s>]|object[\s>]|embed[\s>]|svg\s[^>]{0,200}xmlns|meta\s+http-equiv|\?php)|javascript:/i;

/** The bytes as Latin-1 text, one character per byte (for signature searches). */
const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

/** A ZIP archive's end record whose directory lies inside the file: the file is (also) a ZIP. */
function endsWithZip(b: Uint8Array): boolean {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const dirSize = view.getUint32(i + 12, true);
    const dirOffset = view.getUint32(i + 16, true);
    if (dirSize > 0 && dirSize <= i && dirOffset <= i) return true;
  }
  return false;
}

/** A PNG is a signature and chunks (length, type, data, CRC) up to IEND, and nothing after. */
function pngHoldsTogether(b: Uint8Array): boolean {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let p = 8;
  let first = true;
  while (p + 12 <= b.length) {
    const length = view.getUint32(p);
    const type = latin1(b.subarray(p + 4, p + 8));
    if (!/^[A-Za-z]{4}$/.test(type) || p + 12 + length > b.length) return false;
    if (first && type !== 'IHDR') return false;
    first = false;
    const crc = view.getUint32(p + 8 + length);
    if (zlib.crc32(b.subarray(p + 4, p + 8 + length)) !== crc) return false;
    p += 12 + length;
    if (type === 'IEND') return p === b.length;
  }
  return false;
}

/** A WebP is one RIFF container: its declared size is the file's (with a pad byte at most). */
function webpHoldsTogether(b: Uint8Array): boolean {
  const size = new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(4, true) + 8;
  return size === b.length || size + 1 === b.length;
}

/**
 * Why a file of a known type is more than that type, or null when it is only that: markup a
 * browser would run, a Windows program inside, a ZIP archive (or a PDF) glued to something
 * else, an image whose structure does not hold. ZIP-based types are looked into by the ZIP
 * reader instead (their parts are compressed; their end record is their own).
 */
export function hiddenContent(bytes: Uint8Array, type: SniffedType): string | null {
  const text = latin1(bytes);
  if (MARKUP.test(text)) return 'tệp có lẫn mã trang web (HTML/script)';
  if (text.includes(DOS_STUB)) return 'tệp có lẫn chương trình chạy được';
  const zipBased = ['docx', 'xlsx', 'pptx', 'zip', 'docm', 'xlsm'].includes(type.ext);
  if (!zipBased && endsWithZip(bytes)) return 'tệp có lẫn một tệp nén (.zip) ở cuối';
  if (type.ext !== 'pdf' && text.slice(0, 1024).includes('%PDF-')) return 'tệp có lẫn phần đầu của một tệp PDF';
  if (type.ext === 'png' && !pngHoldsTogether(bytes)) return 'ảnh PNG hỏng hoặc có lẫn nội dung khác';
  if (type.ext === 'webp' && !webpHoldsTogether(bytes)) return 'ảnh WebP hỏng hoặc có lẫn nội dung khác';
  return null;
}
