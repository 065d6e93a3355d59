/**
 * Physical lines → logical blocks. A block is one heading, one list item (gạch đầu dòng "-", "+",
 * "a)", "1."), one paragraph or one table row. Text taken from PDF or from Word "save as text" is
 * often hard-wrapped, sometimes with a blank line between the pieces of one sentence; the pieces
 * are joined back here, while every block remembers which source line each piece came from so the
 * review screen can point at `text.split('\n')[line - 1]`.
 */
import { cleanLine, endsSentence, isMostlyUpper, startsLower, startsUpper } from './vi-text.ts';
import type { FlatTable } from './flat-table.ts';
import type { FlatTargetTable } from './flat-target-table.ts';

export interface Seg {
  line: number;
  offset: number;
}

export type BlockType = 'part' | 'roman' | 'numbered' | 'letter' | 'paren' | 'bullet' | 'para' | 'row' | 'flat';

export interface Block {
  index: number;
  type: BlockType;
  /** The marker as written: "II.", "1.1.", "a)", "-", "+". */
  label: string;
  /** Depth of a numbered marker (1.1. → 2) or of a bullet ("+" under "-" → 2). */
  depth: number;
  /** Text without the marker, wrapped pieces joined with one space. */
  text: string;
  /** The same with its marker, as written ("1.1. Hoàn thiện thể chế"). */
  full: string;
  segs: Seg[];
  line: number;
  /** Cells of a table row ("| a | b |" or a Word table exported by document-text). */
  cells?: string[];
  flat?: FlatTable | FlatTargetTable;
}

/** The 1-based source line of a character offset inside `block.text`. */
export function lineOf(block: Block, offset: number): number {
  let line = block.line;
  for (const s of block.segs) if (s.offset <= offset) line = s.line;
  return line;
}

interface Marker {
  type: BlockType;
  label: string;
  depth: number;
  text: string;
}

const ROMAN = /^([IVX]{1,5})(?:\s*[.\-–:)]\s*|\s+(?=\p{Lu}{2}))(\S.*)$/u;
const PART = /^(phần|PHẦN)\s+(thứ\s+\S+|[IVX]{1,5}|\d{1,2})\b\s*[.:\-–]?\s*(.*)$/iu;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,4})(\.\)|\.|\))?\s+(\S.*)$/;
const LETTER = /^([a-zđ])\)\s*(\S.*)$/u;
const LETTER_DOT = /^([a-zđ])\.\s+(\p{Lu}.*)$/u;
const PAREN = /^\((\d{1,2}|[a-zđ])\)\s*(\S.*)$/u;
// Includes the private-use bullets Word's Symbol/Wingdings fonts leave in exported text.
const BULLET_CHARS = '-–—•+*·▪►❖➢✓●○■□◦\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0e0';

/** Recognise the marker that starts a cleaned line. */
export function parseMarker(line: string): Marker {
  let m = PART.exec(line);
  if (m) return { type: 'part', label: `${m[1]} ${m[2]}`, depth: 0, text: m[3] ?? '' };
  m = ROMAN.exec(line);
  if (m) return { type: 'roman', label: m[1], depth: 0, text: m[2] };
  m = NUMBERED.exec(line);
  // "8.1 Kinh tế số" has an inner dot; "1. X" / "1) X" a closing mark. A bare "10 hồ sơ" is not a marker.
  if (m && (m[2] || m[1].includes('.'))) {
    return { type: 'numbered', label: m[1] + (m[2] ?? ''), depth: m[1].split('.').length, text: m[3] };
  }
  m = LETTER.exec(line) ?? LETTER_DOT.exec(line);
  if (m) return { type: 'letter', label: `${m[1]})`, depth: 0, text: m[2] };
  m = PAREN.exec(line);
  if (m) return { type: 'paren', label: `(${m[1]})`, depth: 0, text: m[2] };
  if (line.length > 0 && BULLET_CHARS.includes(line[0])) {
    // "- + 100% …": several bullet characters; the last one gives the level.
    const b =
      /^([-–—•+*·▪►❖➢✓●○■□◦\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0e0](?:\s*[-–—•+*·▪►❖➢✓●○■□◦](?=\s))*)\s*(.*)$/u.exec(
        line,
      )!;
    const chars = b[1].replace(/\s/g, '');
    const rest = b[2];
    // "-5%" or "–2030" are not bullets; a bullet is followed by a space or a capital / digit / sign.
    const glued = !/\s/.test(line.slice(b[1].length, b[1].length + 1));
    if (!glued || /^[\p{Lu}“"(≥≤]/u.test(rest)) {
      const last = chars[chars.length - 1];
      return { type: 'bullet', label: last, depth: last === '+' || last === '○' || last === '◦' ? 2 : 1, text: rest };
    }
  }
  return { type: 'para', label: '', depth: 0, text: line };
}

/** Lines that close the body of the document (signature, recipients, closing formula). */
export function isClosingLine(text: string): boolean {
  return (
    /^(Trên đây là|Nơi nhận)(?![\p{L}\d])/iu.test(text) ||
    /^(?:(?:Ủy|Uỷ) ban nhân dân|UBND)\s+(?:xã|phường|huyện|tỉnh|thị trấn|đặc khu)?[^.;]{0,40}(?<![\p{L}\d])yêu cầu(?![\p{L}\d])/iu.test(
      text,
    ) ||
    /^Trong quá trình (?:tổ chức )?(?:triển khai )?thực hiện,? nếu (?:có )?(?:khó khăn|vướng mắc)/iu.test(text)
  );
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

/** Split a table row "| a | b |" into trimmed cells. */
export function splitRow(line: string): string[] | null {
  const t = line.trim();
  if (!t.startsWith('|')) return null;
  const inner = t.replace(/^\|/, '').replace(/\|$/, '');
  const cells = inner.split('|').map((c) => cleanLine(c));
  if (cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) return []; // separator row
  return cells;
}

export function buildBlocks(rawLines: string[], flatTables: Array<FlatTable | FlatTargetTable>): Block[] {
  const lines = rawLines.map(cleanLine);
  // Lines of a wrapped document break at roughly the same width; a line that long without final
  // punctuation was cut by the layout, even when the next piece starts with a capital ("… tỉnh / Thái Nguyên").
  const wrapWidth = Math.max(
    40,
    0.6 *
      percentile(
        lines.filter(Boolean).map((l) => l.length),
        0.9,
      ),
  );
  const blocks: Block[] = [];
  const flatAt = new Map(flatTables.map((t) => [t.startLine, t]));
  let current: Block | null = null;
  let lastPhysical = '';
  let blanks = 0;

  const push = (b: Omit<Block, 'index'>): Block => {
    const block = { ...b, index: blocks.length } as Block;
    blocks.push(block);
    return block;
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const flat = flatAt.get(lineNo);
    if (flat) {
      push({
        type: 'flat',
        label: '',
        depth: 0,
        text: '',
        full: '',
        segs: [{ line: lineNo, offset: 0 }],
        line: lineNo,
        flat,
      });
      current = null;
      i = flat.endLine - 1; // endLine is inclusive and 1-based: carry on after it
      continue;
    }
    const text = lines[i];
    if (!text) {
      blanks++;
      continue;
    }
    const cells = splitRow(rawLines[i]);
    if (cells) {
      if (cells.length)
        push({
          type: 'row',
          label: '',
          depth: 0,
          text: cells.join(' | '),
          full: text,
          segs: [{ line: lineNo, offset: 0 }],
          line: lineNo,
          cells,
        });
      current = null;
      blanks = 0;
      continue;
    }
    const marker = parseMarker(text);
    if (marker.type === 'para' && current && canContinue(current, lastPhysical, text, blanks, wrapWidth)) {
      current.segs.push({ line: lineNo, offset: current.text.length + 1 });
      current.text = `${current.text} ${text}`;
      current.full = `${current.full} ${text}`;
      lastPhysical = text;
      blanks = 0;
      continue;
    }
    current = push({
      type: marker.type,
      label: marker.label,
      depth: marker.depth,
      text: marker.text,
      full: text,
      segs: [{ line: lineNo, offset: 0 }],
      line: lineNo,
    });
    lastPhysical = text;
    blanks = 0;
  }
  return blocks;
}

function canContinue(block: Block, lastLine: string, next: string, blanks: number, wrapWidth: number): boolean {
  if (block.type === 'row' || block.type === 'flat' || blanks > 2 || isClosingLine(next)) return false;
  // A sentence never starts in lower case: after ";" or "," too, a lower-case line goes on the same item.
  if (startsLower(next))
    return !/[.!?]["”’)\]]*$/.test(lastLine.trim()) && block.type !== 'part' && block.type !== 'roman';
  if (endsSentence(lastLine)) return false;
  if (block.type === 'part' || block.type === 'roman' || isMostlyUpper(next) || isMostlyUpper(lastLine)) return false;
  // Headings take only lower-case continuations: the paragraph after "7.3. Triển khai …" is its content.
  if (block.type === 'numbered' || block.type === 'letter') return false;
  if (lastLine.length < wrapWidth) return false;
  return !startsUpper(next) || !/^(?:Giai đoạn|Đến năm|Năm \d{4})/u.test(next);
}
