/**
 * A minimal PDF writer for tests (pdf-lib is not a dependency and no LibreOffice is installed).
 * Text is drawn with the standard Helvetica font; every non-ASCII character gets its own byte
 * code (0x80–0xFF) and a ToUnicode CMap maps that code to the Vietnamese character, so the text
 * layer — what unpdf/pdf.js extracts — carries full diacritics ("Chuyển đổi số") even though the
 * glyphs drawn are placeholders. That is exactly the layer the importer reads.
 */

export interface PdfPage {
  lines: string[];
}

const esc = (s: string) =>
  s
    .replace(/[\\()]/g, (m) => `\\${m}`)
    .replace(/[\x80-\xff]/g, (m) => `\\${m.charCodeAt(0).toString(8).padStart(3, '0')}`);

export function makePdf(pages: PdfPage[] | null, opts: { noText?: boolean } = {}): Uint8Array {
  const codes = new Map<string, number>();
  let next = 0x80;
  const encode = (s: string) => {
    let out = '';
    for (const ch of s.normalize('NFC')) {
      const cp = ch.codePointAt(0)!;
      if (cp >= 0x20 && cp < 0x7f) out += ch;
      else {
        if (!codes.has(ch)) {
          if (next > 0xff) throw new Error('too many distinct non-ASCII characters for one font');
          codes.set(ch, next++);
        }
        out += String.fromCharCode(codes.get(ch)!);
      }
    }
    return out;
  };
  const contents = (pages ?? [{ lines: [] }]).map((p) => {
    if (opts.noText) return '0.5 g 50 500 300 200 re f'; // a grey box: what a scan without OCR looks like to pdf.js
    let c = 'BT /F1 10 Tf 13 TL 40 800 Td\n';
    for (const l of p.lines) c += `(${esc(encode(l))}) Tj T*\n`;
    return `${c}ET`;
  });
  let cmap =
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def ' +
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange\n';
  const entries: Array<[number, number]> = [];
  for (let c = 0x20; c < 0x7f; c++) entries.push([c, c]);
  for (const [ch, code] of codes) entries.push([code, ch.codePointAt(0)!]);
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    cmap += `${chunk.length} beginbfchar\n${chunk.map(([c, u]) => `<${c.toString(16).padStart(2, '0')}> <${u.toString(16).padStart(4, '0')}>`).join('\n')}\nendbfchar\n`;
  }
  cmap += 'endcmap CMapName currentdict /CMap defineresource pop end end';

  const n = contents.length;
  // Objects: 1 catalog, 2 pages, 3 font, 4 cmap, then per page: page object, content stream.
  const objs: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${contents.map((_, i) => `${5 + 2 * i} 0 R`).join(' ')}] /Count ${n} >>`,
    `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 255 /Widths [${Array(224).fill(556).join(' ')}] ` +
      `/Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 ${Array(128).fill('/a').join(' ')}] >> /ToUnicode 4 0 R >>`,
    `<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`,
  ];
  contents.forEach((c, i) => {
    objs.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${6 + 2 * i} 0 R >>`,
    );
    objs.push(`<< /Length ${Buffer.byteLength(c, 'latin1')} >>\nstream\n${c}\nendstream`);
  });
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
