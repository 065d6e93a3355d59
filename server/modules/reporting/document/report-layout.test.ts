import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderReportDocx } from './report-docx.ts';
import { sampleReport } from './report-document.fixture.ts';
import { checkReportLayout, type LayoutViolation } from './report-layout.ts';
import { paragraphs, readDocx } from './docx-xml.ts';

const rules = (v: LayoutViolation[]) => v.map((x) => x.rule);

/** Edits the XML parts of a .docx, as a hand edit in Word would, and zips it again. */
async function mutate(bytes: Uint8Array, edit: (xml: string, part: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const part of ['word/document.xml', 'word/styles.xml', 'word/header1.xml', 'word/header2.xml']) {
    const f = zip.file(part);
    if (f) zip.file(part, edit(await f.async('string'), part));
  }
  return zip.generateAsync({ type: 'uint8array' });
}

const soffice = ['libreoffice', 'soffice'].find((bin) => {
  try {
    execFileSync('which', [bin], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

const texts = async (bytes: Uint8Array) => paragraphs((await readDocx(bytes)).document).map((p) => p.text);

describe('renderReportDocx + checkReportLayout (NĐ 30/2020, Phụ lục I)', () => {
  it('renders the sample report with no layout violation', async () => {
    const bytes = await renderReportDocx(sampleReport());
    expect(await checkReportLayout(bytes)).toEqual([]);
    const t = await texts(bytes);
    for (const line of [
      'UBND THÀNH PHỐ HẢI PHÒNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 05/BC-UBND',
      'Vĩnh Bảo, ngày 14 tháng 3 năm 2026',
      'BÁO CÁO',
      'Kết quả thực hiện Kế hoạch chuyển đổi số quý I năm 2026',
      'Kính gửi: Sở Khoa học và Công nghệ thành phố Hải Phòng.',
      'I. KẾT QUẢ THỰC HIỆN',
      '1. Chính quyền số',
      'II. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ',
      'III. KHÓ KHĂN, VƯỚNG MẮC',
      'IV. ĐỀ XUẤT, KIẾN NGHỊ',
      'Tài liệu kèm theo báo cáo của các cơ quan, đơn vị:',
      '- Phòng Kinh tế: Biên bản nghiệm thu wifi.pdf, anh-diem-wifi.jpg;',
      '- Trung tâm Phục vụ hành chính công: Danh sách hồ sơ số hóa.xlsx.',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Văn Hùng',
      'Nơi nhận:',
      '- Lưu: VT, VHXH.',
    ])
      expect(t).toContain(line);
    expect(t.find((x) => x.startsWith('ỦY BAN NHÂN DÂN'))?.replace(/\s+/g, ' ')).toBe('ỦY BAN NHÂN DÂN XÃ VĨNH BẢO');
    // Vietnamese numbers and statuses in the target tables; null values shown as "-".
    expect(t).toEqual(
      expect.arrayContaining([
        '87,5%',
        '92,1',
        'Đúng tiến độ',
        'Chậm tiến độ',
        'Có nguy cơ chậm',
        'Chưa có số liệu',
        '1.234,5 người',
        '33,3',
      ]),
    );
    expect(t.at(-1)).not.toBe(''); // no stray paragraph after the signature block
    expect(t.find((x) => x.startsWith('Trên đây'))).toBe(
      'Trên đây là báo cáo kết quả thực hiện Kế hoạch chuyển đổi số quý I năm 2026 của Ủy ban nhân dân xã Vĩnh Bảo./.',
    );
    expect(t).toContain('- Lập danh mục cơ sở dữ liệu dùng chung của xã (hạn hoàn thành: 05/03/2026).');
  });

  it('pads days below 10 and months 1–2, accepts an unnumbered draft, a chairman signing and no name', async () => {
    const doc = sampleReport({
      date: '2026-02-05',
      number: '…/BC-UBND',
      recipientLine: null,
      signature: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: null },
      recipients: ['Sở Khoa học và Công nghệ'],
      overdueTasks: [],
      completeness: [],
    });
    const bytes = await renderReportDocx(doc);
    expect(await checkReportLayout(bytes)).toEqual([]);
    const t = await texts(bytes);
    expect(t).toContain('Vĩnh Bảo, ngày 05 tháng 02 năm 2026');
    expect(t).toContain('Số: …/BC-UBND');
    expect(t).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(t).toContain('- Lưu: VT.'); // the writer never drops the file copy
    expect(t).toContain('Không có nhiệm vụ quá hạn.');
    expect(t.some((x) => x.startsWith('Kính gửi'))).toBe(false);
  });

  it('page setup: A4, margins 20/20/30/15 mm, numbers centred in the header from page 2', async () => {
    const { document, headers } = await readDocx(await renderReportDocx(sampleReport()));
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(document).toContain('<w:titlePg/>');
    expect(headers.get('default')).toContain('PAGE');
    expect(headers.get('first')).not.toContain('PAGE');
  });

  describe('reports what a hand edit breaks', () => {
    const cases: [string, (xml: string, part: string) => string, string[]][] = [
      ['month 3 zero-padded', (x) => x.replace('ngày 14 tháng 3 năm', 'ngày 14 tháng 03 năm'), ['date.format']],
      ['day not padded', (x) => x.replace('ngày 14 tháng 3 năm', 'ngày 4 tháng 3 năm'), ['date.format']],
      ['date not italic', (x) => x.replaceAll('<w:i/>', ''), ['date.italic', 'noiNhan.style']],
      ['Arial everywhere', (x) => x.replaceAll('Times New Roman', 'Arial'), ['font.family']],
      // 14 pt → 12 pt also shrinks the type line and the date line below their 13–14 minimum.
      [
        'body in 12 pt',
        (x, p) => (p === 'word/document.xml' ? x.replaceAll('<w:sz w:val="28"/>', '<w:sz w:val="24"/>') : x),
        ['body.size', 'type.style', 'date.size'],
      ],
      ['body left-aligned', (x) => x.replaceAll('<w:jc w:val="both"/>', '<w:jc w:val="left"/>'), ['body.align']],
      ['no first-line indent', (x) => x.replaceAll('<w:ind w:firstLine="720"/>', ''), ['body.indent']],
      ['double line spacing', (x) => x.replaceAll('w:line="300"', 'w:line="480"'), ['body.lineSpacing']],
      ['left margin 20 mm', (x) => x.replace('w:left="1701"', 'w:left="1134"'), ['page.margin.left']],
      ['Letter paper', (x) => x.replace('w:w="11906" w:h="16838"', 'w:w="12240" w:h="15840"'), ['page.size']],
      ['page number on page 1', (x) => x.replace('<w:titlePg/>', ''), ['page.titlePage']],
      [
        'no page number',
        (x, p) => (p === 'word/header1.xml' ? x.replace(/<w:instrText[^>]*>PAGE<\/w:instrText>/, '') : x),
        ['page.number'],
      ],
      [
        'en dash in the motto',
        (x) => x.replace('Độc lập - Tự do - Hạnh phúc', 'Độc lập – Tự do – Hạnh phúc'),
        ['tieuNgu.dash'],
      ],
      ['number not padded', (x) => x.replace('Số: 05/BC-UBND', 'Số: 5/BC-UBND'), ['number.format']],
      ['"CV" symbol', (x) => x.replace('Số: 05/BC-UBND', 'Số: 05/CV-UBND'), ['number.format']],
      ['no file copy', (x) => x.replace('- Lưu: VT, VHXH.', '- VT, VHXH.'), ['noiNhan.luu']],
      ['body without ./.', (x) => x.replace('Vĩnh Bảo./.', 'Vĩnh Bảo.'), ['body.end']],
      [
        'Quốc hiệu not bold',
        (x) => x.replace(/<w:b\/>(<w:bCs\/>)?(?=(?:(?!<\/w:p>)[\s\S])*CỘNG HÒA)/, ''),
        ['quocHieu.style'],
      ],
      ['no authority prefix', (x) => x.replace('KT. CHỦ TỊCH', 'CHỦ TỊCH'), ['signature.authority']],
    ];
    it.each(cases)('%s', async (_name, edit, expected) => {
      const bytes = await mutate(await renderReportDocx(sampleReport()), edit);
      const found = rules(await checkReportLayout(bytes));
      expect(found.sort()).toEqual([...expected].sort());
    });
  });

  it('flags a plain document written without the NĐ 30 layout', async () => {
    const plain = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')],
            }),
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ text: 'Độc lập – Tự do – Hạnh phúc', bold: true })],
            }),
            new Paragraph('Số: 5/BC-UBND'),
            new Paragraph('Vĩnh Bảo, ngày 5 tháng 3 năm 2026'),
            new Paragraph({ children: [new TextRun({ text: 'BÁO CÁO', bold: true })] }),
            new Paragraph({ children: [new TextRun({ text: 'Kết quả chuyển đổi số quý I', bold: true })] }),
            new Paragraph('Ủy ban nhân dân xã báo cáo như sau.'),
          ],
        },
      ],
    });
    const found = rules(await checkReportLayout(await Packer.toBuffer(plain)));
    expect(found).toEqual(
      expect.arrayContaining([
        'page.margin.left', // docx default 1 inch = 25.4 mm
        'page.margin.right',
        'page.titlePage',
        'page.number',
        'font.family',
        'quocHieu.style',
        'quocHieu.size',
        'tieuNgu.dash',
        'issuer.missing',
        'number.format',
        'date.format',
        'date.italic',
        'type.style',
        'summary.style',
        'noiNhan.missing',
        'signature.authority',
        'body.size',
        'body.align',
        'body.indent',
        'body.spacing',
        'body.end',
      ]),
    );
    expect(found).not.toContain('page.size'); // the docx library defaults to A4
  });

  // Another producer's XML (fldChar fields, its own styles.xml) must pass too: a commune that
  // opens the report in LibreOffice and saves it again still has a compliant document.
  it.skipIf(!soffice)(
    'still passes after a LibreOffice round trip',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lo-'));
      try {
        fs.writeFileSync(path.join(dir, 'in.docx'), await renderReportDocx(sampleReport()));
        execFileSync(
          soffice!,
          [
            `-env:UserInstallation=file://${dir}/profile`,
            '--headless',
            '--convert-to',
            'docx',
            '--outdir',
            path.join(dir, 'out'),
            path.join(dir, 'in.docx'),
          ],
          { stdio: 'ignore', timeout: 90_000 },
        );
        expect(await checkReportLayout(fs.readFileSync(path.join(dir, 'out', 'in.docx')))).toEqual([]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );

  it('rejects a file that is not a .docx', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'xin chào');
    await expect(checkReportLayout(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(/document\.xml/);
  });
});
