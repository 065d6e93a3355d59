/** Files the importer must refuse, each with its stable AppError code and a Vietnamese message. */
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../platform/errors.ts';
import { extractDocumentText, MAX_PLAN_FILE_BYTES } from '../document-text.ts';
import { importPlanDocument } from '../import-plan-document.ts';
import { MAX_DOCX_XML_BYTES } from '../plan-file-errors.ts';
import { encodeTcvn3 } from '../legacy-encodings.ts';
import { makePdf } from './helpers/pdf.ts';
import { makeZip } from './helpers/zip.ts';

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    expect(err.kind).toBe('invalid');
    expect(err.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u); // Vietnamese
    return err;
  }
  throw new Error('expected a failure');
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('refused files', () => {
  it('empty file → PLAN_FILE_EMPTY', async () => {
    expect((await failure(extractDocumentText(new Uint8Array(), 'a.txt'))).code).toBe('PLAN_FILE_EMPTY');
    expect((await failure(extractDocumentText(utf8(' \n\t\n'), 'a.txt'))).code).toBe('PLAN_FILE_EMPTY');
  });

  it('a file over the limit → PLAN_FILE_TOO_LARGE (before anything is parsed)', async () => {
    expect(MAX_PLAN_FILE_BYTES).toBe(20 * 1024 * 1024);
    const err = await failure(extractDocumentText(new Uint8Array(MAX_PLAN_FILE_BYTES + 1), 'big.pdf'));
    expect(err.code).toBe('PLAN_FILE_TOO_LARGE');
  });

  it('wrong type, detected by content not extension → PLAN_FILE_UNSUPPORTED', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0,
    ]);
    expect((await failure(extractDocumentText(png, 'ke-hoach.txt'))).code).toBe('PLAN_FILE_UNSUPPORTED');
    const doc97 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    const err = await failure(extractDocumentText(doc97, 'ke-hoach.doc'));
    expect(err.code).toBe('PLAN_FILE_UNSUPPORTED');
    expect(err.message).toMatch(/\.docx/);
    const xlsx = makeZip([
      { name: '[Content_Types].xml', data: utf8('<Types/>') },
      { name: 'xl/workbook.xml', data: utf8('<workbook/>') },
    ]);
    expect((await failure(extractDocumentText(xlsx, 'ke-hoach.docx'))).code).toBe('PLAN_FILE_UNSUPPORTED');
  });

  it('a PDF named .docx is read as a PDF', async () => {
    const doc = await extractDocumentText(
      makePdf([{ lines: ['KẾ HOẠCH', 'Chuyển đổi số năm 2026'] }]),
      'nham-ten.docx',
    );
    expect(doc.format).toBe('pdf');
  });

  it('corrupt .docx → PLAN_FILE_CORRUPT', async () => {
    const truncated = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('không phải tệp nén hoàn chỉnh')]);
    expect((await failure(extractDocumentText(truncated, 'a.docx'))).code).toBe('PLAN_FILE_CORRUPT');
    // A real .docx cut in half loses its central directory.
    const good = new Uint8Array(
      await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('KẾ HOẠCH')] }] })),
    );
    expect((await failure(extractDocumentText(good.subarray(0, good.length >> 1), 'a.docx'))).code).toBe(
      'PLAN_FILE_CORRUPT',
    );
  });

  it('corrupt .pdf → PLAN_FILE_CORRUPT', async () => {
    expect(
      (await failure(extractDocumentText(utf8('%PDF-1.7\n1 0 obj << /Type /Catalog >> hỏng'), 'a.pdf'))).code,
    ).toBe('PLAN_FILE_CORRUPT');
  });

  it('zip bomb: document.xml inflating beyond the limit → PLAN_FILE_TOO_LARGE, also when the directory lies', async () => {
    const huge = new Uint8Array(MAX_DOCX_XML_BYTES + 1024).fill(0x20);
    const honest = makeZip([{ name: 'word/document.xml', data: huge }]);
    expect(honest.length).toBeLessThan(200_000);
    expect((await failure(extractDocumentText(honest, 'bomb.docx'))).code).toBe('PLAN_FILE_TOO_LARGE');
    const lying = makeZip([{ name: 'word/document.xml', data: huge, declaredSize: 1000 }]);
    expect((await failure(extractDocumentText(lying, 'bomb.docx'))).code).toBe('PLAN_FILE_TOO_LARGE');
  });

  it('a scanned PDF without a text layer → PLAN_FILE_NO_TEXT', async () => {
    expect((await failure(extractDocumentText(makePdf(null, { noText: true }), 'scan.pdf'))).code).toBe(
      'PLAN_FILE_NO_TEXT',
    );
  });

  it('an 8-bit file that no Vietnamese encoding turns into Vietnamese → PLAN_FILE_LEGACY_ENCODING naming the likely one', async () => {
    // TCVN3 bytes with every letter scrambled: the bytes look like a legacy encoding but read as nothing.
    const noise = encodeTcvn3('ấ ậ ể ỗ ữ ự ỳ ẵ ặ ẹ ỉ ọ ộ ờ ở ợ ụ ừ '.repeat(40));
    const err = await failure(extractDocumentText(noise, 'a.txt'));
    expect(err.code).toBe('PLAN_FILE_LEGACY_ENCODING');
    expect(err.message).toMatch(/có vẻ là/);
  });

  it('a text that is not a plan → PLAN_NOT_A_PLAN', async () => {
    const news = utf8(
      'Bản tin thời tiết\nHôm nay trời nắng, nhiệt độ cao nhất 34 độ C.\nChiều tối có mưa rào và dông vài nơi.',
    );
    expect((await failure(importPlanDocument(news, 'tin.txt'))).code).toBe('PLAN_NOT_A_PLAN');
  });
});
