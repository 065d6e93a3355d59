/**
 * Layout checker for a produced báo cáo .docx against Nghị định 30/2020/NĐ-CP (Điều 8,
 * Phụ lục I) as summarised in RULES.md §4. It reads the file as Word would — page setup from
 * sectPr, text and formatting from document.xml through styles.xml — and lists violations;
 * an empty list means the document passes. Messages are Vietnamese because staff read them.
 */
import { DATE_LINE_RE } from './report-format.ts';
import { Styles, attr, lastSectPr, paragraphs, readDocx, toggle, type XPara } from './docx-xml.ts';

export interface LayoutViolation {
  /** Stable code, e.g. "page.margin.left", "date.format". */
  rule: string;
  message: string;
  /** The offending value or text, when there is one. */
  found?: string;
}

export interface LayoutOptions {
  /** Type abbreviation and heading that must agree (Phụ lục III; RULES §4.4). */
  typeCode?: string;
  typeName?: string;
}

const TWIP_MM = 25.4 / 1440;
/** Phụ lục I, mục I.5 — margins in mm; 0.05 mm slack because twips are rounded. */
const MARGINS = { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 20] } as const;
const MARGIN_NAME = { top: 'trên', bottom: 'dưới', left: 'trái', right: 'phải' } as const;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
const isUpper = (s: string) => s === s.toLocaleUpperCase('vi');

export async function checkReportLayout(bytes: Uint8Array, options: LayoutOptions = {}): Promise<LayoutViolation[]> {
  const typeCode = options.typeCode ?? 'BC';
  const typeName = options.typeName ?? 'BÁO CÁO';
  const parts = await readDocx(bytes);
  const styles = new Styles(parts.styles);
  const paras = paragraphs(parts.document);
  const out: LayoutViolation[] = [];
  const add = (rule: string, message: string, found?: string) =>
    out.push(found === undefined ? { rule, message } : { rule, message, found });

  const texted = (p: XPara) => p.runs.filter((r) => r.text.trim() !== '');
  const runs = (p: XPara) => texted(p).map((r) => styles.run(p, r));
  const allBold = (p: XPara) => runs(p).every((r) => r.bold);
  const allItalic = (p: XPara) => runs(p).every((r) => r.italic);
  const sizesIn = (p: XPara, lo: number, hi: number) =>
    runs(p).every((r) => r.halfPoints >= lo * 2 && r.halfPoints <= hi * 2);
  const sizes = (p: XPara) => [...new Set(runs(p).map((r) => r.halfPoints / 2))].join('/');
  const centred = (p: XPara) => styles.para(p, (x) => attr(x, 'jc', 'val')) === 'center';
  const find = (test: (t: string) => boolean, from = 0) => paras.find((p) => p.index >= from && test(squash(p.text)));

  // ---- Page: A4, margins, page numbers (Phụ lục I, mục I.5–I.6) ----
  const sect = lastSectPr(parts.document);
  const w = Number(attr(sect, 'pgSz', 'w')),
    h = Number(attr(sect, 'pgSz', 'h'));
  if (Math.abs(w - 11906) > 20 || Math.abs(h - 16838) > 20)
    add('page.size', 'Khổ giấy phải là A4 dọc (210 × 297 mm).', `${w}×${h} twips`);
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    const raw = attr(sect, 'pgMar', side);
    const v = raw === null ? NaN : Math.abs(Number(raw)) * TWIP_MM;
    const [lo, hi] = MARGINS[side];
    if (!(v >= lo - 0.05 && v <= hi + 0.05))
      add(
        `page.margin.${side}`,
        `Lề ${MARGIN_NAME[side]} phải từ ${lo} đến ${hi} mm.`,
        Number.isNaN(v) ? 'không đặt' : `${v.toFixed(1)} mm`,
      );
  }
  const hasPageField = (xml: string) =>
    /<w:fldSimple\b[^>]*w:instr="\s*PAGE\b/.test(xml) || /<w:instrText\b[^>]*>\s*PAGE\b/.test(xml);
  if (toggle(sect, 'titlePg') !== true)
    add('page.titlePage', 'Trang đầu phải khác các trang sau (không đánh số trang thứ nhất).');
  const header = parts.headers.get('default') ?? '';
  if (!hasPageField(header))
    add('page.number', 'Số trang phải đặt ở phần đầu trang (header) bằng trường PAGE, từ trang thứ hai.');
  else {
    const hp = paragraphs(header).find((p) => hasPageField(p.xml));
    const jc = hp ? attr(hp.pPr, 'jc', 'val') : null;
    if (jc !== 'center') add('page.number.align', 'Số trang phải căn giữa lề trên.', jc ?? 'không căn');
  }
  if (hasPageField(parts.headers.get('first') ?? '')) add('page.number.first', 'Không đánh số trang thứ nhất.');

  // ---- Font everywhere: Times New Roman (Phụ lục I, mục I.3) ----
  const badFonts = paras.flatMap((p) =>
    texted(p)
      .map((r) => ({ p, f: styles.run(p, r).font }))
      .filter((x) => x.f !== 'Times New Roman'),
  );
  if (badFonts.length)
    add(
      'font.family',
      `Phông chữ phải là Times New Roman (${badFonts.length} đoạn chữ khác).`,
      `${badFonts[0].f ?? 'không đặt'}: ${short(badFonts[0].p.text)}`,
    );

  // ---- Quốc hiệu, Tiêu ngữ (mục II.1) ----
  const qh = find((t) => /^CỘNG (HÒA|HOÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu.test(t));
  if (!qh) add('quocHieu.missing', 'Thiếu Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".');
  else {
    if (!isUpper(qh.text) || !allBold(qh)) add('quocHieu.style', 'Quốc hiệu phải in hoa, đậm.', qh.text);
    if (!sizesIn(qh, 12, 13)) add('quocHieu.size', 'Quốc hiệu cỡ chữ 12–13.', sizes(qh));
  }
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const tn = find((t) => t === motto);
  if (!tn) {
    const near = find((t) => /^Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc$/u.test(t));
    if (near)
      add(
        'tieuNgu.dash',
        'Tiêu ngữ viết "Độc lập - Tự do - Hạnh phúc": gạch nối (-) có cách chữ, không dùng gạch dài.',
        near.text,
      );
    else add('tieuNgu.missing', 'Thiếu Tiêu ngữ "Độc lập - Tự do - Hạnh phúc".');
  } else {
    if (!allBold(tn)) add('tieuNgu.style', 'Tiêu ngữ phải in đậm.', tn.text);
    if (!sizesIn(tn, 13, 14)) add('tieuNgu.size', 'Tiêu ngữ cỡ chữ 13–14.', sizes(tn));
    // The rule under it: a bottom border on it, a top border on the next paragraph, or a drawn line.
    const next = paras[tn.index + 1];
    const ruled =
      /<w:pBdr>[\s\S]*<w:bottom\b/.test(tn.pPr) ||
      (next && (/<w:pBdr>[\s\S]*<w:top\b/.test(next.pPr) || /<w:drawing>|<w:pict>/.test(next.xml)));
    if (!ruled) add('tieuNgu.rule', 'Dưới Tiêu ngữ phải có đường kẻ ngang nét liền.');
  }

  // ---- Issuer block (mục II.3): first cell of the header table ----
  const headCell =
    qh && qh.depth > 0
      ? paras.filter((p) => p.tableId === qh.tableId && p.row === 0 && p.cell === 0 && p.text.trim())
      : [];
  if (!headCell.length || headCell[0].index === qh?.index)
    add('issuer.missing', 'Thiếu tên cơ quan ban hành ở góc trái, ngang hàng Quốc hiệu.');
  else {
    const issuer = headCell[headCell.length - 1];
    if (!isUpper(issuer.text) || !allBold(issuer))
      add('issuer.style', 'Tên cơ quan ban hành phải in hoa, đậm.', squash(issuer.text));
    if (!sizesIn(issuer, 12, 13)) add('issuer.size', 'Tên cơ quan ban hành cỡ chữ 12–13.', sizes(issuer));
    if (headCell.length > 1) {
      const parent = headCell[0];
      if (!isUpper(parent.text) || runs(parent).some((r) => r.bold))
        add('parentBody.style', 'Tên cơ quan chủ quản in hoa, không đậm.', squash(parent.text));
    }
  }

  // ---- Number and symbol (mục II.4; Phụ lục III) ----
  const num = find((t) => t.startsWith('Số:') || t.startsWith('Số :'));
  const numberRe = new RegExp(`^Số: (0[1-9]|[1-9]\\d+|…)/${typeCode}(-[A-ZĐ0-9&]+)+$`, 'u');
  if (!num) add('number.missing', 'Thiếu số, ký hiệu văn bản ("Số: …/BC-UBND").');
  else if (!numberRe.test(num.text.trim()))
    add(
      'number.format',
      `Số, ký hiệu phải dạng "Số: 05/${typeCode}-UBND" (số nhỏ hơn 10 thêm 0, không cách quanh "/" và "-").`,
      num.text,
    );

  // ---- Place and date (mục II.5) ----
  const date = find((t) => /^[^,]+, ngày\b/u.test(t));
  if (!date) add('date.missing', 'Thiếu địa danh, ngày tháng năm ban hành.');
  else {
    if (!DATE_LINE_RE.test(date.text.trim()))
      add(
        'date.format',
        'Ngày tháng viết "<Địa danh>, ngày DD tháng M năm YYYY"; ngày dưới 10 và tháng 1, 2 thêm số 0.',
        date.text,
      );
    if (!allItalic(date)) add('date.italic', 'Dòng địa danh, ngày tháng phải in nghiêng.', date.text);
    if (!sizesIn(date, 13, 14)) add('date.size', 'Dòng địa danh, ngày tháng cỡ chữ 13–14.', sizes(date));
  }

  // ---- Type and summary (mục II.6) ----
  const type = find((t) => t === typeName);
  if (!type) add('type.missing', `Thiếu tên loại văn bản "${typeName}".`);
  else if (!allBold(type) || !sizesIn(type, 13, 14) || !centred(type))
    add('type.style', 'Tên loại văn bản in hoa, đậm, cỡ 13–14, căn giữa.', sizes(type));
  const summary = type ? find((t) => t !== '', type.index + 1) : undefined;
  if (type && (!summary || !allBold(summary) || !centred(summary)))
    add('summary.style', 'Trích yếu nội dung in đậm, căn giữa, ngay dưới tên loại.', summary?.text);

  // ---- Recipients (mục II.8) and signature (mục II.7) ----
  const nn = find((t) => t === 'Nơi nhận:');
  if (!nn) add('noiNhan.missing', 'Thiếu "Nơi nhận:".');
  else {
    if (!allBold(nn) || !allItalic(nn) || !sizesIn(nn, 12, 12))
      add('noiNhan.style', '"Nơi nhận:" in đậm, nghiêng, cỡ 12.', sizes(nn));
    const entries = paras.filter(
      (p) => p.index > nn.index && p.tableId === nn.tableId && p.row === nn.row && p.cell === nn.cell && p.text.trim(),
    );
    const last = entries[entries.length - 1];
    const badEntry = entries.find(
      (e, i) => !/^- \S/u.test(e.text) || (i < entries.length - 1 && !e.text.trimEnd().endsWith(';')),
    );
    if (badEntry) add('noiNhan.entries', 'Mỗi nơi nhận một dòng "- …;".', badEntry.text);
    if (!last || !/^- Lưu\s*:/u.test(last.text) || !last.text.trimEnd().endsWith('.'))
      add('noiNhan.luu', 'Nơi nhận cuối cùng là "- Lưu: VT, …."', last?.text);
    const badSize = entries.find((e) => !sizesIn(e, 11, 11));
    if (badSize) add('noiNhan.size', 'Các dòng nơi nhận cỡ chữ 11.', sizes(badSize));
  }
  const auth = find((t) => /^(TM|Q|KT|TL|TUQ)\. \S/u.test(t));
  if (!auth) add('signature.authority', 'Thiếu quyền hạn ký (TM., KT., Q., TL., TUQ.).');
  else if (!isUpper(auth.text) || !allBold(auth))
    add('signature.style', 'Quyền hạn, chức vụ người ký in hoa, đậm.', auth.text);

  // ---- Body (mục II.6): between the summary / "Kính gửi" and the signature table ----
  let start = summary ? summary.index + 1 : type ? type.index + 1 : 0;
  const kg = find((t) => t.startsWith('Kính gửi'), start);
  if (kg && kg.depth === 0 && paras.slice(start, kg.index).every((p) => !p.text.trim())) start = kg.index + 1;
  const endAt = [nn, auth].filter((p): p is XPara => !!p).map((p) => p.index);
  const end = endAt.length ? Math.min(...endAt) : paras.length;
  const bodyParas = paras.filter((p) => p.index >= start && p.index < end && p.depth === 0 && p.text.trim());
  if (!bodyParas.length) add('body.missing', 'Không tìm thấy nội dung văn bản.');
  else {
    const firstBad = (label: string, rule: string, bad: (p: XPara) => string | null) => {
      const hits = bodyParas.map((p) => ({ p, why: bad(p) })).filter((x) => x.why !== null);
      if (hits.length) add(rule, `${label} (${hits.length} đoạn).`, `${hits[0].why}: ${short(squash(hits[0].p.text))}`);
    };
    firstBad('Nội dung cỡ chữ 13–14', 'body.size', (p) => (sizesIn(p, 13, 14) ? null : `cỡ ${sizes(p)}`));
    firstBad('Nội dung căn đều hai lề', 'body.align', (p) => {
      const jc = styles.para(p, (x) => attr(x, 'jc', 'val'));
      return jc === 'both' || jc === 'distribute' ? null : (jc ?? 'left');
    });
    firstBad('Đầu dòng lùi 1 cm hoặc 1,27 cm', 'body.indent', (p) => {
      const v = Number(styles.para(p, (x) => attr(x, 'ind', 'firstLine')) ?? 0);
      return Math.abs(v - 567) <= 20 || Math.abs(v - 720) <= 20 ? null : `${((v / 1440) * 2.54).toFixed(2)} cm`;
    });
    firstBad('Khoảng cách giữa các đoạn tối thiểu 6 pt', 'body.spacing', (p) => {
      const gap =
        Number(styles.para(p, (x) => attr(x, 'spacing', 'before')) ?? 0) +
        Number(styles.para(p, (x) => attr(x, 'spacing', 'after')) ?? 0);
      return gap >= 120 ? null : `${gap / 20} pt`;
    });
    firstBad('Khoảng cách dòng từ đơn đến 1,5 dòng', 'body.lineSpacing', (p) => {
      const line = Number(styles.para(p, (x) => attr(x, 'spacing', 'line')) ?? 240);
      const ruleType = styles.para(p, (x) => attr(x, 'spacing', 'lineRule')) ?? 'auto';
      if (ruleType === 'auto') return line >= 240 && line <= 360 ? null : `${(line / 240).toFixed(2)} dòng`;
      return line >= 13 * 20 && line <= 14 * 20 * 1.5 * 1.2 ? null : `${line / 20} pt`;
    });
    const lastText = squash(bodyParas[bodyParas.length - 1].text);
    if (!lastText.endsWith('./.')) add('body.end', 'Nội dung văn bản kết thúc bằng "./.".', short(lastText.slice(-60)));
  }
  return out;
}
