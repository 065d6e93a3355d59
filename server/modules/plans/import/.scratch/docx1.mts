import { Document, Packer, Paragraph, Table, TableRow, TableCell, HeadingLevel, TextRun, AlignmentType, LevelFormat } from 'docx';
import { extractDocumentText } from '/work/main/server/modules/plans/import/document-text.ts';
import { extractPlan } from '/work/main/server/modules/plans/import/extract-plan.ts';
const p = (t: string, o: object = {}) => new Paragraph({ children: [new TextRun(t)], ...o });
const row = (cells: string[]) => new TableRow({ children: cells.map((c) => new TableCell({ children: [p(c)] })) });
const doc = new Document({
  numbering: { config: [{ reference: 'num', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] }] },
  sections: [{ children: [
    p('ỦY BAN NHÂN DÂN XÃ HÒA BÌNH'),
    p('Số: 08/KH-UBND'),
    p('Hòa Bình, ngày 10 tháng 02 năm 2026'),
    p('KẾ HOẠCH', { heading: HeadingLevel.TITLE }),
    p('Chuyển đổi số xã Hòa Bình giai đoạn 2026 - 2028'),
    p('I. CHỈ TIÊU', { heading: HeadingLevel.HEADING_1 }),
    new Table({ rows: [
      row(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Năm 2026', 'Năm 2028']),
      row(['1', 'Tỷ lệ hồ sơ trực tuyến toàn trình', '%', '60', '≥ 80']),
      row(['2', 'Số điểm phát wifi công cộng miễn phí', 'điểm', '5', '10']),
    ] }),
    p('II. NHIỆM VỤ', { heading: HeadingLevel.HEADING_1 }),
    p('Triển khai nền tảng số cấp xã', { numbering: { reference: 'num', level: 0 } }),
    p('Tập huấn kỹ năng số cho cán bộ', { numbering: { reference: 'num', level: 0 } }),
    p('Hỗ trợ hộ kinh doanh bán hàng trên sàn thương mại điện tử.', { bullet: { level: 0 } }),
    new Table({ rows: [
      row(['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Sản phẩm']),
      row(['1', 'Số hóa sổ hộ tịch', 'Phòng Văn hóa - Xã hội', 'Trung tâm Phục vụ hành chính công', 'Năm 2027', '100% sổ hộ tịch được số hóa']),
      row(['2', 'Lắp đặt camera an ninh', 'Công an xã', 'Các thôn', '2026-2028', 'Ít nhất 20 camera']),
    ] }),
  ] }],
});
const buf = await Packer.toBuffer(doc);
const t = await extractDocumentText(new Uint8Array(buf), 'a.docx');
console.log(t.text);
const r = extractPlan(t.text);
for (const i of r.indicators) console.log('I', i.line, i.kind, i.comparator, i.value, i.unit, i.year, '|', i.text);
for (const x of r.tasks) console.log('T', x.line, x.lead, x.partners, x.from, x.to, '|', x.expected, '|', x.title);
console.log(r.title, r.commune, r.period, r.number, r.issuedOn);
