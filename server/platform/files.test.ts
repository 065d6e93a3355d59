import { describe, expect, it } from 'vitest';
import { checkUploadedFile, detectFileType, safeFileName, type FileKind } from './files.ts';

const KIND: FileKind = { code: 'X_FILE', noun: 'Tệp thử' };
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

describe('safe file names: only a label', () => {
  it.each([
    ['../../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\fakepath\\Biên bản.pdf', 'Biên bản.pdf'],
    ['Kế hoạch\u0000.pdf', 'Kế hoạch_.pdf'],
    ['a"b.pdf', 'a_b.pdf'],
    ['.hidden.pdf', 'hidden.pdf'],
    ['/', 'tep'],
    ['Bi\u00ea\u0300n.pdf', 'Biền.pdf'],
  ])('%j → %j', (input, out) => expect(safeFileName(input)).toBe(out));
  it('keeps the end of a very long name, with its extension', () => {
    expect(safeFileName(`${'a'.repeat(300)}.pdf`)).toHaveLength(200);
    expect(safeFileName(`${'a'.repeat(300)}.pdf`).endsWith('.pdf')).toBe(true);
  });
});

describe('checks with the module’s own codes and words', () => {
  it('accepts a PDF, with its checksum', () => {
    expect(checkUploadedFile(KIND, 'x.pdf', PDF, 1000)).toMatchObject({
      fileName: 'x.pdf',
      mediaType: 'application/pdf',
      byteSize: PDF.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
  it.each<[string, string, Uint8Array, number, string]>([
    ['empty', 'x.pdf', new Uint8Array(), 1000, 'X_FILE_EMPTY'],
    ['too large', 'x.pdf', PDF, 5, 'X_FILE_TOO_LARGE'],
    ['wrong extension', 'x.docx', PDF, 1000, 'X_FILE_TYPE_MISMATCH'],
    ['unknown content', 'x.pdf', new TextEncoder().encode('MZ hello'), 1000, 'X_FILE_TYPE_FORBIDDEN'],
    [
      'old Office with macros',
      'x.doc',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
      1000,
      'X_FILE_TYPE_FORBIDDEN',
    ],
  ])('refuses %s', (_n, name, bytes, max, code) => {
    expect(() => checkUploadedFile(KIND, name, bytes, max)).toThrowError(
      expect.objectContaining({ code, message: expect.stringMatching(/^(Tệp thử|Tên tệp)/) }),
    );
  });
  it('a broken zip is refused, not crashed on', () => {
    expect(() => detectFileType(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), KIND)).toThrowError(
      expect.objectContaining({ code: 'X_FILE_TYPE_FORBIDDEN' }),
    );
  });
});
