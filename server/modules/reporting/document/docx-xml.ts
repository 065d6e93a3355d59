/**
 * Just enough WordprocessingML reading for the layout checker: paragraphs with their table
 * position, runs with their properties, and style inheritance (direct → style chain →
 * docDefaults), done with regular expressions over the XML because the checker only ever reads
 * well-formed files written by Word, LibreOffice or the `docx` library.
 */
import JSZip from 'jszip';

export interface XRun {
  text: string;
  rPr: string;
}
export interface XPara {
  index: number;
  /** The paragraph's raw XML, for checks on fields and drawings. */
  xml: string;
  text: string;
  runs: XRun[];
  pPr: string;
  /** 0 outside tables; tableId/row/cell identify the innermost cell. */
  depth: number;
  tableId: number;
  row: number;
  cell: number;
}

export interface DocxParts {
  document: string;
  styles: string;
  /** Header part XML by type ("default", "first", "even"). */
  headers: Map<string, string>;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const document = await read('word/document.xml');
  if (!document) throw new Error('Not a .docx file: word/document.xml is missing');
  const styles = await read('word/styles.xml');
  const rels = await read('word/_rels/document.xml.rels');
  const headers = new Map<string, string>();
  const sect = lastSectPr(document);
  for (const m of sect.matchAll(/<w:headerReference\b[^>]*>/g)) {
    const type = /w:type="([^"]+)"/.exec(m[0])?.[1] ?? 'default';
    const id = /r:id="([^"]+)"/.exec(m[0])?.[1];
    const target = id ? new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*>`).exec(rels)?.[0] : undefined;
    const path = target ? /Target="([^"]+)"/.exec(target)?.[1] : undefined;
    if (path) headers.set(type, await read(`word/${path.replace(/^\/?word\//, '').replace(/^\//, '')}`));
  }
  return { document, styles, headers };
}

/** The section properties that apply to the end of the body (a report has one section). */
export function lastSectPr(document: string): string {
  const all = [...document.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)];
  return all.length ? all[all.length - 1][0] : '';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? all),
  );
}

function parseParagraph(xml: string): { pPr: string; runs: XRun[] } {
  const pPr = /^<w:p\b[^>]*>\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(xml)?.[1] ?? '';
  const runs: XRun[] = [];
  for (const r of xml.matchAll(/<w:r(?:\s[^>]*)?>([\s\S]*?)<\/w:r>/g)) {
    const inner = r[1];
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(inner)?.[1] ?? '';
    let text = '';
    for (const t of inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br(?:\s[^>]*)?\/>|<w:cr\/>/g)) {
      text += t[1] !== undefined ? decodeXml(t[1]) : t[0].startsWith('<w:tab') ? '\t' : '\n';
    }
    runs.push({ text, rPr });
  }
  return { pPr, runs };
}

/** All paragraphs in document order, with the table cell each sits in. */
export function paragraphs(document: string): XPara[] {
  const out: XPara[] = [];
  const stack: { id: number; row: number; cell: number }[] = [];
  let tables = 0;
  const re =
    /<w:tbl(?:\s[^>]*)?>|<\/w:tbl>|<w:tr(?=[\s>])|<w:tc(?=[\s>])|<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g;
  for (const m of document.matchAll(re)) {
    const tok = m[0];
    const top = stack[stack.length - 1];
    if (tok.startsWith('<w:tbl')) stack.push({ id: tables++, row: -1, cell: -1 });
    else if (tok === '</w:tbl>') stack.pop();
    else if (tok === '<w:tr' && top) {
      top.row++;
      top.cell = -1;
    } else if (tok === '<w:tc' && top) top.cell++;
    else if (tok.startsWith('<w:p')) {
      const { pPr, runs } = tok.endsWith('</w:p>') ? parseParagraph(tok) : { pPr: '', runs: [] };
      out.push({
        index: out.length,
        xml: tok,
        text: runs
          .map((r) => r.text)
          .join('')
          .normalize('NFC'),
        runs,
        pPr,
        depth: stack.length,
        tableId: top?.id ?? -1,
        row: top?.row ?? -1,
        cell: top?.cell ?? -1,
      });
    }
  }
  return out;
}

/** First `w:<name>` attribute of the first `<w:<tag>>` element in the fragment. */
export function attr(xml: string, tag: string, name: string): string | null {
  const el = new RegExp(`<w:${tag}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  if (!el) return null;
  return new RegExp(`\\bw:${name}="([^"]*)"`).exec(el)?.[1] ?? null;
}

/** A toggle property (`<w:b/>`, `<w:i w:val="0"/>`): true/false when set here, null when absent. */
export function toggle(xml: string, tag: string): boolean | null {
  const el = new RegExp(`<w:${tag}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  if (!el) return null;
  const val = /\bw:val="([^"]*)"/.exec(el)?.[1];
  return !(val === 'false' || val === '0' || val === 'off');
}

interface StyleDef {
  type: string;
  basedOn: string | null;
  pPr: string;
  rPr: string;
  isDefault: boolean;
}

/** Resolves effective paragraph and run properties through styles.xml. */
export class Styles {
  private readonly defs = new Map<string, StyleDef>();
  private readonly defaultRPr: string;
  private readonly defaultPPr: string;
  private readonly defaultParaStyle: string | null;

  constructor(stylesXml: string) {
    const docDefaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(stylesXml)?.[1] ?? '';
    this.defaultRPr = /<w:rPrDefault>[\s\S]*?<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(docDefaults)?.[1] ?? '';
    this.defaultPPr = /<w:pPrDefault>[\s\S]*?<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(docDefaults)?.[1] ?? '';
    let defaultPara: string | null = null;
    for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
      const id = /w:styleId="([^"]+)"/.exec(m[1])?.[1];
      if (!id) continue;
      const def: StyleDef = {
        type: /w:type="([^"]+)"/.exec(m[1])?.[1] ?? 'paragraph',
        basedOn: attr(m[2], 'basedOn', 'val'),
        pPr: /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(m[2])?.[1] ?? '',
        rPr: /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[2])?.[1] ?? '',
        isDefault: /w:default="(1|true)"/.test(m[1]),
      };
      this.defs.set(id, def);
      if (def.type === 'paragraph' && def.isDefault) defaultPara = id;
    }
    this.defaultParaStyle = defaultPara;
  }

  private chain(id: string | null): StyleDef[] {
    const out: StyleDef[] = [];
    for (let cur = id; cur && out.length < 20;) {
      const def = this.defs.get(cur);
      if (!def) break;
      out.push(def);
      cur = def.basedOn;
    }
    return out;
  }

  private paraStyles(p: XPara): StyleDef[] {
    return this.chain(attr(p.pPr, 'pStyle', 'val') ?? this.defaultParaStyle);
  }

  /** Paragraph property fragments, most specific first. */
  paraChain(p: XPara): string[] {
    return [p.pPr, ...this.paraStyles(p).map((s) => s.pPr), this.defaultPPr];
  }

  /** Run property fragments, most specific first. */
  runChain(p: XPara, r: XRun): string[] {
    const charStyles = this.chain(attr(r.rPr, 'rStyle', 'val'));
    return [r.rPr, ...charStyles.map((s) => s.rPr), ...this.paraStyles(p).map((s) => s.rPr), this.defaultRPr];
  }

  run(p: XPara, r: XRun): { font: string | null; halfPoints: number; bold: boolean; italic: boolean } {
    const chain = this.runChain(p, r);
    const pick = <T>(fn: (x: string) => T | null): T | null => {
      for (const x of chain) {
        const v = fn(x);
        if (v !== null) return v;
      }
      return null;
    };
    const font = pick(
      (x) =>
        attr(x, 'rFonts', 'ascii') ??
        attr(x, 'rFonts', 'hAnsi') ??
        (attr(x, 'rFonts', 'asciiTheme') ? '(theme font)' : null),
    );
    const sz = pick((x) => attr(x, 'sz', 'val'));
    // OOXML: a run with no size anywhere in the hierarchy is 10 pt.
    return {
      font,
      halfPoints: sz === null ? 20 : Number(sz),
      bold: pick((x) => toggle(x, 'b')) ?? false,
      italic: pick((x) => toggle(x, 'i')) ?? false,
    };
  }

  para<T>(p: XPara, fn: (x: string) => T | null): T | null {
    for (const x of this.paraChain(p)) {
      const v = fn(x);
      if (v !== null) return v;
    }
    return null;
  }
}
