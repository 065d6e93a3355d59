import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  docxCarryingExe,
  docxInflatingTo1GiB,
  exeWithPdfInStub,
  htmlWithPdfMarker,
  pngThenHtml,
  realDocx,
} from '../test/hostile-files.ts';
import { checkUploadedFile, safeFileName, type FileKind } from './files.ts';

const KIND: FileKind = { code: 'X_FILE', noun: 'Tệp thử' };
const MAX = 20 * 1024 * 1024;
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([
  Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
    'base64',
  ),
  Buffer.from([0xff, 0xd9]),
]);
const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

/** The checks, whether they answer at once or after looking into an archive. */
const check = async (name: string, bytes: Uint8Array, max = MAX) => checkUploadedFile(KIND, name, bytes, max);
async function refusal(name: string, bytes: Uint8Array, max = MAX): Promise<{ code: string; message: string }> {
  try {
    await check(name, bytes, max);
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error(`${name} was accepted`);
}

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Số liệu').addRow(['Mã xã', 'Kỳ', 'Giá trị']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A minimal ZIP archive (one stored entry), to glue after another file. */
function tinyZip(): Buffer {
  const name = Buffer.from('a.txt');
  const data = Buffer.from('xin chào');
  const le = (n: number, size: 2 | 4) => {
    const b = Buffer.alloc(size);
    if (size === 2) b.writeUInt16LE(n);
    else b.writeUInt32LE(n >>> 0);
    return b;
  };
  const crc = zlib.crc32(data);
  const common = [le(0, 2), le(0, 2), le(0, 2), le(0, 2), le(crc, 4), le(data.length, 4), le(data.length, 4)];
  const local = Buffer.concat([le(0x04034b50, 4), le(20, 2), ...common, le(name.length, 2), le(0, 2), name, data]);
  const central = Buffer.concat([
    le(0x02014b50, 4),
    le(20, 2),
    le(20, 2),
    ...common,
    le(name.length, 2),
    le(0, 2),
    le(0, 2),
    le(0, 2),
    le(0, 2),
    le(0, 4),
    le(0, 4),
    name,
  ]);
  const end = Buffer.concat([
    le(0x06054b50, 4),
    le(0, 2),
    le(0, 2),
    le(1, 2),
    le(1, 2),
    le(central.length, 4),
    le(local.length, 4),
    le(0, 2),
  ]);
  return Buffer.concat([local, central, end]);
}

describe('safe file names: only a label', () => {
  it.each([
    ['../../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\fakepath\\Biên bản.pdf', 'Biên bản.pdf'],
    ['Kế hoạch\u0000.pdf', 'Kế hoạch_.pdf'],
    ['a"b.pdf', 'a_b.pdf'],
    ['.hidden.pdf', 'hidden.pdf'],
    ['/', 'tep'],
    ['Bi\u00ea\u0300n.pdf', 'Biền.pdf'],
  ])('%j → %j', (input, out) => expect(safeFileName(input)).toBe(out));
  it('keeps the end of a very long name, with its extension', () => {
    expect(safeFileName(`${'a'.repeat(300)}.pdf`)).toHaveLength(200);
    expect(safeFileName(`${'a'.repeat(300)}.pdf`).endsWith('.pdf')).toBe(true);
  });
});

describe('checks with the module’s own codes and words', () => {
  it('accepts a PDF, with its checksum', async () => {
    expect(await check('x.pdf', PDF, 1000)).toMatchObject({
      fileName: 'x.pdf',
      mediaType: 'application/pdf',
      byteSize: PDF.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
  it.each<[string, string, Uint8Array, number, string]>([
    ['empty', 'x.pdf', new Uint8Array(), 1000, 'X_FILE_EMPTY'],
    ['too large', 'x.pdf', PDF, 5, 'X_FILE_TOO_LARGE'],
    ['wrong extension', 'x.docx', PDF, 1000, 'X_FILE_TYPE_MISMATCH'],
    ['unknown content', 'x.pdf', new TextEncoder().encode('MZ hello'), 1000, 'X_FILE_TYPE_FORBIDDEN'],
    [
      'old Office with macros',
      'x.doc',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
      1000,
      'X_FILE_TYPE_FORBIDDEN',
    ],
    ['a broken zip', 'x.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 1000, 'X_FILE_TYPE_FORBIDDEN'],
  ])('refuses %s', async (_n, name, bytes, max, code) => {
    expect(await refusal(name, bytes, max)).toMatchObject({
      code,
      message: expect.stringMatching(/^(Tệp thử|Tên tệp)/),
    });
  });
});

describe('every kept type is accepted when it is what it says', () => {
  it.each<[string, () => Promise<Buffer> | Buffer, string]>([
    ['anh.png', () => PNG, 'image/png'],
    ['anh.jpg', () => JPEG, 'image/jpeg'],
    ['anh.webp', () => WEBP, 'image/webp'],
    ['bien-ban.docx', () => realDocx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['so-lieu.xlsx', () => xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ])('%s', async (name, bytes, mediaType) => {
    expect((await check(name, await bytes())).mediaType).toBe(mediaType);
  });
});

describe('files that are not what they claim are refused (issue 22 item 7)', () => {
  it.each<[string, string, () => Promise<Buffer> | Buffer, RegExp]>([
    ['a Windows program with %PDF-1.7 in its DOS stub', 'setup.pdf', exeWithPdfInStub, /chương trình/],
    ['a web page with %PDF- in its first kilobyte', 'hoa-don.pdf', htmlWithPdfMarker, /trang web/],
    ['a PNG header followed by a web page', 'anh.png', pngThenHtml, /trang web|PNG/],
    ['a .docx carrying an .exe', 'bien-ban.docx', () => docxCarryingExe(), /chương trình/],
    ['a .docx carrying a program named as its picture', 'bien-ban.docx', () => docxCarryingExe(true), /chương trình/],
    ['a PDF with a ZIP archive glued after it', 'bao-cao.pdf', () => Buffer.concat([PDF, tinyZip()]), /nén/],
    ['a JPEG with a ZIP archive glued after it', 'anh.jpg', () => Buffer.concat([JPEG, tinyZip()]), /nén/],
    ['a PNG with bytes after its end', 'anh.png', () => Buffer.concat([PNG, Buffer.from('GIF89a…')]), /PNG/],
    ['a PNG with a PDF header in its first kilobyte', 'anh.png', () => pngWithText('%PDF-1.4'), /PDF/],
  ])('%s', async (_label, name, bytes, why) => {
    const err = await refusal(name, await bytes());
    expect(err.code).toBe('X_FILE_TYPE_FORBIDDEN');
    expect(err.message).toMatch(why);
  });

  it.each([
    ['macros', 'word/vbaProject.bin'],
    ['an ActiveX control', 'word/activeX/activeX1.xml'],
  ])('a .docx with %s is refused', async (_what, part) => {
    const zip = await JSZip.loadAsync(await realDocx());
    zip.file(part, '<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX"/>');
    const err = await refusal('bien-ban.docx', await zip.generateAsync({ type: 'nodebuffer' }));
    expect(err).toMatchObject({ code: 'X_FILE_TYPE_FORBIDDEN', message: expect.stringMatching(/macro hoặc ActiveX/) });
  });

  it('a 1 MB .docx that inflates to 1 GiB is refused, whether its directory tells the truth or lies', async () => {
    const honest = docxInflatingTo1GiB();
    expect(honest.length).toBeLessThan(1.1 * 1024 * 1024);
    // The archive is what it claims: its document really inflates to 1 GiB.
    let inflated = 0;
    const name = Buffer.from('word/document.xml');
    // The local header ends with the name's length, no extra field, the name; then the data.
    const local = Buffer.concat([Buffer.from([name.length, 0, 0, 0]), name]);
    const data = honest.subarray(honest.indexOf(local) + local.length);
    for await (const chunk of zlib.createInflateRaw().end(data)) inflated += (chunk as Buffer).length;
    expect(inflated).toBe(1024 * 1024 * 1024);
    const t0 = Date.now();
    for (const bomb of [honest, docxInflatingTo1GiB(4096)]) {
      const err = await refusal('bien-ban.docx', bomb);
      expect(err.code).toBe('X_FILE_TYPE_FORBIDDEN');
      expect(err.message).toMatch(/giải nén ra quá lớn/);
    }
    expect(Date.now() - t0).toBeLessThan(5_000);
  }, 60_000);
});

/** A valid PNG with a tEXt chunk holding `text` right after its header. */
function pngWithText(text: string): Buffer {
  const body = Buffer.concat([Buffer.from('tEXt'), Buffer.from(`Comment\0${text}`, 'latin1')]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length - 4);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([PNG.subarray(0, 33), len, body, crc, PNG.subarray(33)]);
}
