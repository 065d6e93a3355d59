/**
 * The commune's periodic report as an official .docx laid out per Nghị định 30/2020/NĐ-CP
 * (Điều 8, Phụ lục I — thể thức và kỹ thuật trình bày văn bản hành chính; Mẫu 1.x, báo cáo).
 * A pure writer: it lays out a CommuneReportDocument and never queries anything.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { CommuneReportDocument, ReportTargetRow, ReportUnitCompleteness } from './report-document.types.ts';
import {
  STATUS_LABEL,
  attachmentLines,
  completenessRate,
  completenessTotal,
  issuerInText,
  viDateLine,
  viNum,
  viShortDate,
  viValue,
} from './report-format.ts';

const FONT = 'Times New Roman'; // Phụ lục I, mục I.3: phông Times New Roman, bộ mã Unicode TCVN 6909:2001
const mm = (v: number) => Math.round((v * 1440) / 25.4);
/** Phụ lục I, mục I.5: A4 (210 × 297 mm); lề trên/dưới 20–25 mm, trái 30–35 mm, phải 15–20 mm. */
export const PAGE = { width: 11906, height: 16838, top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right; // 9355 twips ≈ 16.5 cm
/** The header and signature tables have no cell margins, so text widths equal column widths. */
const NO_PAD = { left: 0, right: 0, top: 0, bottom: 0 };
/** Grid tables: small cell margins (0.1 cm) so "STT", "Năm" fit narrow columns. */
const GRID_PAD = { left: 57, right: 57, top: 0, bottom: 0 };
// Issuer column wide enough for "UBND THÀNH PHỐ HẢI PHÒNG" at 13 pt on one line; the rest keeps
// the Quốc hiệu (12 pt bold, ≈ 88 mm) on one line.
const HEAD_LEFT = 4200;
const HEAD_RIGHT = TEXT_WIDTH - HEAD_LEFT;

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
interface RunOpts {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

/** Sizes are in points here; the library wants half-points. */
const run = (text: string, o: RunOpts = {}) =>
  new TextRun({ text, font: FONT, size: (o.size ?? 14) * 2, bold: o.bold, italics: o.italics });

function para(
  children: ParagraphChild[] | string,
  o: RunOpts & { align?: Align; before?: number; after?: number; line?: number } = {},
) {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.CENTER,
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: o.line ?? 240, lineRule: LineRuleType.AUTO },
    children: typeof children === 'string' ? [run(children, o)] : children,
  });
}

/**
 * Rough width of a line of Times New Roman in twips, to size the short rules: Phụ lục I asks for
 * a line under the Tiêu ngữ as long as the text and 1/3–1/2 of the text under the issuer/summary.
 */
function textTwips(text: string, sizePt: number, bold: boolean): number {
  let em = 0;
  for (const ch of text.normalize('NFC')) {
    if (ch === ' ') em += 0.25;
    else if (/[-.,:;/()]/.test(ch)) em += 0.33;
    else if (/\d/.test(ch)) em += 0.5;
    else if (ch !== ch.toLocaleLowerCase('vi')) em += bold ? 0.72 : 0.68;
    else em += bold ? 0.5 : 0.46;
  }
  return Math.round(em * sizePt * 20);
}

/** A centred horizontal rule: an empty paragraph whose top border is `width` long. */
function rule(width: number, column: number): Paragraph {
  const side = Math.max(0, Math.round((column - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    // The gap above keeps the rule clear of descenders in both Word and LibreOffice.
    spacing: { before: 50, after: 0, line: 40, lineRule: LineRuleType.EXACT },
    children: [],
  });
}

/** Body paragraph — Phụ lục I, mục II.6: justified, first line 1–1.27 cm, ≥ 6 pt apart, line 1–1.5. */
function body(text: string | ParagraphChild[], o: { bold?: boolean; italics?: boolean; keepNext?: boolean } = {}) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    keepNext: o.keepNext,
    indent: { firstLine: 720 }, // 1.27 cm
    spacing: { before: 0, after: 120, line: 300, lineRule: LineRuleType.AUTO }, // 6 pt, 1.25 lines
    children: typeof text === 'string' ? [run(text, o)] : text,
  });
}

/** Keeps the issuer on two balanced lines ("ỦY BAN NHÂN DÂN" / "XÃ VĨNH BẢO") when it is too wide. */
function issuerRuns(issuer: string): TextRun[] {
  const usable = HEAD_LEFT;
  const cut = issuer.search(/ (XÃ|PHƯỜNG|ĐẶC KHU) /u);
  if (textTwips(issuer, 13, true) <= usable || cut < 0) return [run(issuer, { bold: true, size: 13 })];
  return [
    run(issuer.slice(0, cut), { bold: true, size: 13 }),
    new TextRun({ text: issuer.slice(cut + 1), font: FONT, size: 26, bold: true, break: 1 }),
  ];
}

const NO_BORDERS = TableBorders.NONE;
const cell = (width: number, children: Paragraph[]) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, children });

/** Phụ lục I, mục II.1–II.5 and Mẫu 1.x: issuer block left, Quốc hiệu/Tiêu ngữ right, no borders. */
function headerBlock(doc: CommuneReportDocument): Table {
  const issuerWidth = Math.min(textTwips('ỦY BAN NHÂN DÂN', 13, true), HEAD_LEFT);
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const left = [
    para(doc.parentBody.toLocaleUpperCase('vi'), { size: 13 }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: issuerRuns(doc.issuer.toLocaleUpperCase('vi')) }),
    rule(Math.round(issuerWidth * 0.45), HEAD_LEFT),
  ];
  const right = [
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 12 }),
    para(motto, { bold: true, size: 13 }),
    rule(textTwips(motto, 13, true), HEAD_RIGHT),
  ];
  // "Số:" and the date line share the second row so they sit on one baseline (Mẫu 1.x).
  const second = [
    cell(HEAD_LEFT, [para(`Số: ${doc.number}`, { size: 13, before: 120 })]),
    cell(HEAD_RIGHT, [para(viDateLine(doc.place, doc.date), { italics: true, size: 14, before: 120 })]),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [HEAD_LEFT, HEAD_RIGHT],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: NO_PAD,
    rows: [
      new TableRow({ children: [cell(HEAD_LEFT, left), cell(HEAD_RIGHT, right)] }),
      new TableRow({ children: second }),
    ],
  });
}

/** Phụ lục I, mục II.6: tên loại uppercase bold; trích yếu bold, with a short rule under it. */
function titleBlock(doc: CommuneReportDocument): Paragraph[] {
  const out = [
    para('BÁO CÁO', { bold: true, size: 14, before: 360 }),
    para(doc.summary, { bold: true, size: 14 }),
    rule(Math.round(Math.min(textTwips(doc.summary, 14, true), TEXT_WIDTH) / 3), TEXT_WIDTH),
  ];
  if (doc.recipientLine) {
    // Art. 8 / Phụ lục I: a báo cáo sent up to a higher body names it under "Kính gửi:".
    const rest = doc.recipientLine.replace(/^\s*Kính gửi\s*:?\s*/u, '');
    out.push(para([run('Kính gửi: ', {}), run(rest, {})], { before: 240 }));
  }
  out.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }));
  return out;
}

function grid(widths: number[], head: string[], rows: { cells: string[]; bold?: boolean }[], aligns: Align[]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const mk = (text: string, i: number, bold: boolean, align: Align) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [para(text, { size: 12, bold, align, before: 40, after: 40 })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: GRID_PAD,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: head.map((h, i) => mk(h, i, true, AlignmentType.CENTER)),
      }),
      ...rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.cells.map((c, i) => mk(c, i, !!r.bold, aligns[i])) }),
      ),
    ],
  });
}

const C = AlignmentType.CENTER;
const L = AlignmentType.LEFT;

/** Target table; widths add up to the text width (9355 twips) so LibreOffice and Word agree. */
function targetTable(targets: ReportTargetRow[]): Table {
  const rows = targets.map((t, i) => ({
    cells: [
      String(i + 1),
      t.text,
      t.targetText,
      t.deadlineYear === null ? '-' : String(t.deadlineYear),
      viValue(t.value, t.unit),
      t.attainment === null ? '-' : viNum(t.attainment, 1),
      STATUS_LABEL[t.status],
    ],
  }));
  return grid(
    [640, 2905, 1300, 700, 1250, 1000, 1560],
    ['STT', 'Chỉ tiêu', 'Mục tiêu', 'Năm', 'Kết quả kỳ này', 'Mức độ đạt (%)', 'Đánh giá'],
    rows,
    [C, L, C, C, C, C, C],
  );
}

function completenessTable(units: ReportUnitCompleteness[]): Table {
  const line = (u: ReportUnitCompleteness, i: number | null) => {
    const rate = completenessRate(u);
    return [
      i === null ? '' : String(i + 1),
      u.unitName,
      String(u.expected),
      String(u.submitted),
      String(u.onTime),
      String(u.late),
      String(u.missing),
      rate === null ? '-' : viNum(rate, 1),
    ];
  };
  return grid(
    [640, 2955, 1000, 900, 1000, 800, 1000, 1060],
    ['STT', 'Cơ quan, đơn vị', 'Phải báo cáo', 'Đã gửi', 'Đúng hạn', 'Muộn', 'Chưa gửi', 'Tỷ lệ (%)'],
    [...units.map((u, i) => ({ cells: line(u, i) })), { cells: line(completenessTotal(units), null), bold: true }],
    [C, L, C, C, C, C, C, C],
  );
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** Phụ lục I, mục II.6.b: parts in Roman numerals (bold, uppercase), items "1.", "2.". */
function bodyBlock(doc: CommuneReportDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = doc.intro.map((t) => body(t));
  let part = 0;
  // Headings stay with what follows them, never alone at the foot of a page.
  const heading = (t: string) => out.push(body(`${ROMAN[part++]}. ${t}`, { bold: true, keepNext: true }));
  const item = (n: number, t: string) => out.push(body(`${n}. ${t}`, { bold: true, keepNext: true }));
  const texts = (list: string[], empty: string) => (list.length ? list : [empty]).forEach((t) => out.push(body(t)));

  heading('KẾT QUẢ THỰC HIỆN');
  doc.groups.forEach((g, i) => {
    item(i + 1, g.name);
    g.narrative.forEach((t) => out.push(body(t)));
    if (g.targets.length) {
      out.push(targetTable(g.targets));
      out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
    } else out.push(body('Nhóm này chưa có chỉ tiêu đo lường.', { italics: true }));
  });

  heading('TÌNH HÌNH THỰC HIỆN NHIỆM VỤ');
  const t = doc.tasks;
  item(1, 'Tiến độ thực hiện nhiệm vụ');
  out.push(
    body(
      `Tổng số nhiệm vụ: ${viNum(t.total)}; đã hoàn thành: ${viNum(t.done)} (trong đó đúng hạn: ${viNum(t.doneOnTime)}); ` +
        `đang thực hiện: ${viNum(t.inProgress)}; quá hạn: ${viNum(t.overdue)}.`,
    ),
  );
  if (doc.overdueTasks.length) {
    out.push(body('Các nhiệm vụ quá hạn:'));
    doc.overdueTasks.forEach((o, i) => {
      const lead = o.leadUnit ? `đơn vị chủ trì: ${o.leadUnit}; ` : '';
      const end = i === doc.overdueTasks.length - 1 ? '.' : ';';
      out.push(body(`- ${o.title} (${lead}hạn hoàn thành: ${viShortDate(o.dueOn)})${end}`));
    });
  } else out.push(body('Không có nhiệm vụ quá hạn.'));
  item(2, 'Tình hình gửi báo cáo của các cơ quan, đơn vị');
  if (doc.completeness.length) {
    out.push(completenessTable(doc.completeness));
    out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  } else out.push(body('Chưa có cơ quan, đơn vị nào phải gửi báo cáo trong kỳ.'));
  const annex = attachmentLines(doc.attachments);
  if (annex.length) {
    out.push(body('Tài liệu kèm theo báo cáo của các cơ quan, đơn vị:', { keepNext: true }));
    annex.forEach((l) => out.push(body(l)));
  }

  heading('KHÓ KHĂN, VƯỚNG MẮC');
  texts(doc.difficulties, 'Không có.');
  heading('ĐỀ XUẤT, KIẾN NGHỊ');
  texts(doc.proposals, 'Không có.');

  // Phụ lục I, mục II.6: the body of a template ends with "./.".
  const closing = (
    doc.closing ?? `Trên đây là báo cáo ${lowerFirst(doc.summary)} của ${issuerInText(doc.issuer)}`
  ).replace(/[\s./]+$/u, '');
  out.push(body(`${closing}./.`));
  return out;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

/** Phụ lục I, mục II.7–II.8: "Nơi nhận:" left (bold italic 12, entries 11); signature right. */
function signatureBlock(doc: CommuneReportDocument): Table {
  const entries = doc.recipients
    .map((r) =>
      r
        .trim()
        .replace(/^-\s*/u, '')
        .replace(/[;.,\s]+$/u, ''),
    )
    .filter(Boolean);
  // Mục II.8: the last entry is always "Lưu: VT, …" — add it rather than issue a file copy nobody keeps.
  if (!entries.length || !/^Lưu\s*:/u.test(entries[entries.length - 1])) entries.push('Lưu: VT');
  const leftW = 4300;
  const rightW = TEXT_WIDTH - leftW;
  const left = [
    para('Nơi nhận:', { bold: true, italics: true, size: 12, align: L }),
    ...entries.map((e, i) => para(`- ${e}${i === entries.length - 1 ? '.' : ';'}`, { size: 11, align: L })),
  ];
  const sig = doc.signature;
  const right = [
    ...(sig.authority ? [para(sig.authority.toLocaleUpperCase('vi'), { bold: true, size: 14 })] : []),
    para(sig.title.toLocaleUpperCase('vi'), { bold: true, size: 14 }),
    // Room for the hand or digital signature and the seal (mục II.7.c).
    ...Array.from({ length: 4 }, () => para('', { size: 14 })),
    para(sig.name ?? '', { bold: true, size: 14 }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftW, rightW],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: NO_PAD,
    rows: [new TableRow({ cantSplit: true, children: [cell(leftW, left), cell(rightW, right)] })],
  });
}

/** The official report, ready to download. */
export async function renderReportDocx(doc: CommuneReportDocument): Promise<Uint8Array> {
  const pageNumber = new Header({
    // Mục I.6: page numbers in Arabic figures, centred in the top margin, not on the first page.
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 28 })],
      }),
    ],
  });
  const file = new Document({
    creator: doc.issuer,
    title: `Báo cáo ${doc.summary}`,
    styles: { default: { document: { run: { font: FONT, size: 28, language: { value: 'vi-VN' } } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              header: mm(10),
              footer: mm(10),
            },
          },
        },
        headers: { default: pageNumber, first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children: [
          headerBlock(doc),
          ...titleBlock(doc),
          ...bodyBlock(doc),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          signatureBlock(doc),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}
