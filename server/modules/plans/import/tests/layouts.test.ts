/**
 * Plans in layouts other than the seeds: a numbered-list plan with "6 rõ" lines (.txt), a Word
 * document with a target table and a task table (built here with the `docx` library), and a PDF
 * (written here by hand, see helpers/pdf.ts) with wrapped lines and Vietnamese diacritics.
 */
import { readFileSync } from 'node:fs';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { extractDocumentText } from '../document-text.ts';
import { htmlToLines } from '../docx-text.ts';
import { extractPlan } from '../extract-plan.ts';
import { importPlanDocument } from '../import-plan-document.ts';
import { PlanExtraction } from '../plan-import.contract.ts';
import { makePdf } from './helpers/pdf.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const lineOf = (text: string, n: number) => text.split('\n')[n - 1];

describe('a numbered-list plan (.txt)', () => {
  const text = fixture('numbered-plan.txt').toString('utf8');
  const plan = extractPlan(text);

  it('matches the contract', () => expect(PlanExtraction.safeParse(plan).success).toBe(true));

  it('reads the header: number, date, commune and its code (the province is named), signer', () => {
    expect(plan).toMatchObject({
      title: 'Kế hoạch Chuyển đổi số xã An Thạnh năm 2026',
      commune: 'An Thạnh',
      number: '45/KH-UBND',
      issuedOn: '2026-01-15',
      period: { from: 2026, to: 2026 },
      signer: { name: 'Trần Văn Bình', title: 'Chủ tịch' },
    });
    expect(plan.communeCode).toMatch(/^\d{5}$/);
  });

  it('finds targets with their comparators, ranges, counts and speeds', () => {
    const got = plan.indicators.map((i) => [i.kind, i.comparator, i.value, i.valueMax ?? null, i.unit, i.year]);
    expect(got).toEqual([
      ['target', '>=', 80, null, '%', 2026],
      ['target', '=', 100, null, '%', 2026],
      ['target', '<=', 5, null, '%', 2026],
      ['target', '>=', 2, null, 'count', 2026],
      ['target', 'range', 75, 80, '%', 2026],
      ['target', '>=', 100, null, 'Mbit/s', 2026],
      ['target', '=', 4, null, 'count', 2026],
      ['baseline', '=', 92, null, '%', 2025],
      ['baseline', '=', 12, null, 'count', 2025],
    ]);
    for (const i of plan.indicators) expect(lineOf(text, i.line)).toContain(String(i.value));
    expect(plan.indicators[0].text).toBe('Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến');
  });

  it('reads tasks, their "6 rõ" lines and the duties of each unit; skips the funding line', () => {
    expect(plan.tasks.map((t) => [t.line, t.lead])).toEqual([
      [31, 'Văn phòng HĐND và UBND xã'],
      [36, 'Phòng Văn hóa - Xã hội'],
      [37, null],
      [45, 'Phòng Văn hóa - Xã hội'],
      [47, 'Công an xã'],
      [48, 'Công an xã'],
    ]);
    expect(plan.tasks[0]).toMatchObject({
      partners: ['Phòng Kinh tế', 'Công an xã'],
      expected: 'Trung tâm IOC đi vào hoạt động',
    });
    expect(plan.tasks[1]).toMatchObject({ from: 2026, to: 2027, partners: ['Trung tâm Phục vụ hành chính công'] });
  });

  it('reads the reporting regime', () => {
    expect(plan.reporting.map((r) => [r.cycle, r.day, r.month])).toEqual([
      ['half-year', 10, 6],
      ['annual', 10, 12],
      ['quarterly', 15, null],
    ]);
  });
});

async function buildDocx(): Promise<Uint8Array> {
  const p = (t: string, o: object = {}) => new Paragraph({ children: [new TextRun(t)], ...o });
  const row = (cells: string[]) => new TableRow({ children: cells.map((c) => new TableCell({ children: [p(c)] })) });
  const bullet = { bullet: { level: 0 } };
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'num',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }],
        },
      ],
    },
    sections: [
      {
        children: [
          p('ỦY BAN NHÂN DÂN XÃ HÒA BÌNH'),
          p('Số: 08/KH-UBND'),
          p('Hòa Bình, ngày 10 tháng 02 năm 2026'),
          p('KẾ HOẠCH', { heading: HeadingLevel.TITLE }),
          p('Chuyển đổi số xã Hòa Bình giai đoạn 2026 - 2028'),
          p('I. CHỈ TIÊU', { heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [
              row(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Năm 2026', 'Năm 2028']),
              row(['I', 'Chính quyền số', '', '', '']),
              row(['1', 'Tỷ lệ hồ sơ trực tuyến toàn trình', '%', '60', '≥ 80']),
              row(['2', 'Số điểm phát wifi công cộng miễn phí', 'điểm', '5', '10']),
            ],
          }),
          p('II. NHIỆM VỤ', { heading: HeadingLevel.HEADING_1 }),
          p('Hạ tầng số', { numbering: { reference: 'num', level: 0 } }),
          p('Nâng cấp mạng nội bộ của UBND xã bảo đảm an toàn thông tin.', bullet),
          p('Phối hợp với doanh nghiệp viễn thông phủ sóng 5G các thôn.', bullet),
          p('Nhân lực số', { numbering: { reference: 'num', level: 0 } }),
          p('Tập huấn kỹ năng số cho 100% cán bộ, công chức.', bullet),
          p('Danh mục nhiệm vụ cụ thể:'),
          new Table({
            rows: [
              row(['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Sản phẩm']),
              row([
                '1',
                'Số hóa sổ hộ tịch',
                'Phòng Văn hóa - Xã hội',
                'Trung tâm Phục vụ hành chính công',
                'Năm 2027',
                '100% sổ hộ tịch được số hóa',
              ]),
              row([
                '2',
                'Lắp đặt camera an ninh tại các thôn',
                'Công an xã (phối hợp các thôn)',
                '',
                '2026-2028',
                'Ít nhất 20 camera',
              ]),
            ],
          }),
          p('III. TỔ CHỨC THỰC HIỆN', { heading: HeadingLevel.HEADING_1 }),
          p(
            'Các cơ quan, đơn vị báo cáo kết quả thực hiện hằng quý (trước ngày 20 tháng cuối quý) về Phòng Văn hóa - Xã hội.',
          ),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('a Word document with a target table and a task table (.docx)', () => {
  it('keeps paragraphs, list markers and table rows as lines, then extracts the plan', async () => {
    const doc = await extractDocumentText(await buildDocx(), 'ke-hoach.docx');
    expect(doc.format).toBe('docx');
    const lines = doc.text.split('\n');
    expect(lines).toContain('1. Hạ tầng số');
    expect(lines).toContain('- Nâng cấp mạng nội bộ của UBND xã bảo đảm an toàn thông tin.');
    expect(lines).toContain('| 1 | Tỷ lệ hồ sơ trực tuyến toàn trình | % | 60 | ≥ 80 |');

    const plan = extractPlan(doc.text);
    expect(plan).toMatchObject({
      commune: 'Hòa Bình',
      number: '08/KH-UBND',
      issuedOn: '2026-02-10',
      period: { from: 2026, to: 2028 },
    });
    const targets = plan.indicators.map((i) => [i.text, i.comparator, i.value, i.unit, i.year]);
    expect(targets).toEqual(
      expect.arrayContaining([
        ['Tỷ lệ hồ sơ trực tuyến toàn trình', '=', 60, '%', 2026],
        ['Tỷ lệ hồ sơ trực tuyến toàn trình', '>=', 80, '%', 2028],
        ['Số điểm phát wifi công cộng miễn phí', '=', 10, 'điểm', 2028],
        ['Tập huấn kỹ năng số cho cán bộ, công chức', '=', 100, '%', 2028],
        ['sổ hộ tịch được số hóa', '=', 100, '%', 2027],
      ]),
    );
    for (const i of plan.indicators) expect(lines[i.line - 1]).toContain(String(i.value));

    const tasks = plan.tasks.map((t) => [t.title, t.lead, t.partners, t.to]);
    expect(tasks).toEqual([
      ['Nâng cấp mạng nội bộ của UBND xã bảo đảm an toàn thông tin.', null, [], null],
      ['Phối hợp với doanh nghiệp viễn thông phủ sóng 5G các thôn.', null, ['doanh nghiệp viễn thông'], null],
      ['Tập huấn kỹ năng số cho 100% cán bộ, công chức.', null, [], null],
      ['Số hóa sổ hộ tịch', 'Phòng Văn hóa - Xã hội', ['Trung tâm Phục vụ hành chính công'], 2027],
      ['Lắp đặt camera an ninh tại các thôn', 'Công an xã', ['các thôn'], 2028],
      // A unit's duty to report, under "Tổ chức thực hiện", is one of its tasks.
      [expect.stringMatching(/^Các cơ quan, đơn vị báo cáo/), 'Các cơ quan, đơn vị', [], null],
    ]);
    expect(lines.filter((l) => /^\d\. /.test(l))).toEqual(['1. Hạ tầng số', '2. Nhân lực số']);
    for (const t of plan.tasks) expect(lines[t.line - 1]).toContain(t.title.slice(0, 20));
    expect(plan.reporting).toEqual([
      expect.objectContaining({ cycle: 'quarterly', day: 20, month: null, recipient: 'Phòng Văn hóa - Xã hội' }),
    ]);
  });
});

describe('a PDF with a text layer (.pdf)', () => {
  const pages = [
    {
      lines: [
        'ỦY BAN NHÂN DÂN XÃ ĐÔNG HẢI',
        'Số: 21/KH-UBND',
        'KẾ HOẠCH',
        'Chuyển đổi số xã Đông Hải năm 2026',
        'I. MỤC TIÊU',
        '- Tỷ lệ hồ sơ thủ tục hành chính được số hóa đạt',
        'tối thiểu 90% trên tổng số hồ sơ tiếp nhận.',
        '- Kinh tế số chiếm 15–20% giá trị sản xuất của xã.',
        '2',
      ],
    },
    {
      lines: [
        'II. NHIỆM VỤ, GIẢI PHÁP',
        '- Hướng dẫn người dân cài đặt và sử dụng ứng dụng định danh điện tử, thanh toán không',
        'dùng tiền mặt trong các giao dịch hằng ngày.',
        '- Trung tâm Phục vụ hành chính công chủ trì rà soát quy trình một cửa điện tử.',
        'III. TỔ CHỨC THỰC HIỆN',
        'Các đơn vị báo cáo 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12) về UBND xã.',
      ],
    },
  ];

  it('extracts the text with its diacritics, drops page numbers and rejoins wrapped lines', async () => {
    const doc = await extractDocumentText(makePdf(pages), 'ke-hoach.pdf');
    expect(doc.format).toBe('pdf');
    expect(doc.text).toContain('Chuyển đổi số xã Đông Hải năm 2026');
    expect(doc.text.split('\n')).not.toContain('2');
    const plan = extractPlan(doc.text);
    expect(plan).toMatchObject({
      title: 'Kế hoạch Chuyển đổi số xã Đông Hải năm 2026',
      commune: 'Đông Hải',
      number: '21/KH-UBND',
    });
    expect(plan.indicators.map((i) => [i.comparator, i.value, i.valueMax ?? null, i.year])).toEqual([
      ['>=', 90, null, 2026],
      ['range', 15, 20, 2026],
    ]);
    expect(plan.indicators[0].text).toContain('Tỷ lệ hồ sơ thủ tục hành chính được số hóa');
    expect(plan.tasks.map((t) => [t.title, t.lead])).toEqual([
      [
        'Hướng dẫn người dân cài đặt và sử dụng ứng dụng định danh điện tử, thanh toán không dùng tiền mặt trong các giao dịch hằng ngày.',
        null,
      ],
      [
        'Trung tâm Phục vụ hành chính công chủ trì rà soát quy trình một cửa điện tử.',
        'Trung tâm Phục vụ hành chính công',
      ],
      [expect.stringMatching(/^Các đơn vị báo cáo 6 tháng/), 'Các đơn vị'],
    ]);
    expect(plan.reporting.map((r) => [r.cycle, r.day, r.month])).toEqual([
      ['half-year', 15, 6],
      ['annual', 15, 12],
    ]);
  });

  it('a target table that the PDF flattened cell by cell', async () => {
    const table = [
      'KẾ HOẠCH',
      'Chuyển đổi số xã Đông Hải giai đoạn 2026 - 2030',
      'I. CHỈ TIÊU',
      'STT',
      'Chỉ tiêu',
      'Đơn vị',
      'tính',
      'Thực hiện',
      'năm 2025',
      'Năm 2026',
      'Năm 2030',
      'I',
      'Chính quyền số',
      '1',
      'Tỷ lệ hồ sơ thủ tục',
      'hành chính trực tuyến',
      '%',
      '52',
      '≥ 60',
      '90',
      '2',
      'Số điểm wifi công cộng',
      'điểm',
      '3',
      '5',
      '12',
      'II. NHIỆM VỤ',
      '- Lắp đặt wifi công cộng tại nhà văn hóa các thôn.',
    ];
    const doc = await extractDocumentText(makePdf([{ lines: table }]), 'chi-tieu.pdf');
    const plan = extractPlan(doc.text);
    const lines = doc.text.split('\n');
    expect(
      plan.indicators.map((i) => [i.text, i.kind, i.comparator, i.value, i.unit, i.year, lines[i.line - 1]]),
    ).toEqual([
      ['Tỷ lệ hồ sơ thủ tục hành chính trực tuyến', 'baseline', '=', 52, '%', 2025, '52'],
      ['Tỷ lệ hồ sơ thủ tục hành chính trực tuyến', 'target', '>=', 60, '%', 2026, '≥ 60'],
      ['Tỷ lệ hồ sơ thủ tục hành chính trực tuyến', 'target', '=', 90, '%', 2030, '90'],
      ['Số điểm wifi công cộng', 'baseline', '=', 3, 'điểm', 2025, '3'],
      ['Số điểm wifi công cộng', 'target', '=', 5, 'điểm', 2026, '5'],
      ['Số điểm wifi công cộng', 'target', '=', 12, 'điểm', 2030, '12'],
    ]);
    expect(plan.tasks.map((t) => t.title)).toEqual(['Lắp đặt wifi công cộng tại nhà văn hóa các thôn.']);
  });

  it('the same document through importPlanDocument', async () => {
    const { document, plan } = await importPlanDocument(makePdf(pages), 'x.pdf');
    expect(document.format).toBe('pdf');
    expect(plan.tasks).toHaveLength(3);
  });
});

describe('mammoth HTML → lines', () => {
  it('numbers ordered lists, marks bullets, writes one line per table row, keeps a nested table inside its cell', () => {
    const html =
      '<h1>II. NHIỆM VỤ</h1><ol><li>Hạ tầng số<ul><li>Nâng cấp mạng LAN</li></ul></li><li>Dữ liệu số</li></ol>' +
      '<table><tr><td><p>Việc</p><table><tr><td>a</td><td>b</td></tr></table></td><td>Phòng Kinh tế</td></tr></table><p>Hết &amp; xong</p>';
    expect(htmlToLines(html)).toEqual([
      'II. NHIỆM VỤ',
      '1. Hạ tầng số',
      '+ Nâng cấp mạng LAN',
      '2. Dữ liệu số',
      '',
      '| Việc ; a b ; | Phòng Kinh tế |',
      'Hết & xong',
    ]);
  });
});

describe('a plan as a PDF export flattens it: both header columns on one line, "•" bullets, wrapped lines (.txt)', () => {
  const text = fixture('merged-columns-plan.txt').toString('utf8');
  const plan = extractPlan(text);
  it('the issuer is the lower of the two bodies in the header; the signer is found beside "Nơi nhận"', () => {
    expect(plan).toMatchObject({
      commune: 'Mỹ Lộc',
      number: '35/KH-UBND',
      issuedOn: '2026-03-02',
      period: { from: 2026, to: 2030 },
      signer: { name: 'Nguyễn Văn Năm', title: 'Chủ tịch' },
    });
  });
  it('the current situation gives baselines; each target takes the year written after it', () => {
    expect(plan.indicators.map((i) => [i.kind, i.comparator, i.value, i.unit, i.year, i.line])).toEqual([
      ['baseline', '=', 68, '%', 2025, 10],
      ['baseline', '=', 100, '%', 2025, 10],
      ['target', '>', 80, '%', 2027, 15],
      ['target', '>', 95, '%', 2030, 16],
      ['target', '=', 90, '%', 2030, 17],
      ['target', '>=', 1, 'count', 2030, 18],
      ['target', '=', 100, '%', 2028, 19],
      ['target', '>=', 50, 'Mbit/s', 2030, 23],
    ]);
    expect(plan.indicators[3].text).toBe('Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình');
    expect(plan.indicators[7].text).toBe('bảo đảm tốc độ tải xuống');
  });
  it('"(Công an xã chủ trì, Phòng Kinh tế phối hợp, hoàn thành năm 2027)"', () => {
    expect(plan.tasks.find((t) => t.line === 24)).toMatchObject({
      lead: 'Công an xã',
      partners: ['Phòng Kinh tế'],
      to: 2027,
    });
  });
  it('the standing office reports to the district', () => {
    expect(plan.reporting.map((r) => [r.cycle, r.day, r.month, r.recipient])).toEqual([
      ['half-year', 20, 6, 'UBND huyện'],
      ['annual', 20, 12, 'UBND huyện'],
    ]);
  });
});
