/**
 * Legacy Vietnamese encodings: a plan typed in TCVN3 (.VnTime) or VNI-Times and saved as plain text.
 * The files are produced here with the module's own encoders from Unicode text, then read back.
 */
import { describe, expect, it } from 'vitest';
import { extractDocumentText } from '../document-text.ts';
import { extractPlan } from '../extract-plan.ts';
import {
  decodeTcvn3,
  decodeVni,
  encodeTcvn3,
  encodeVni,
  TCVN3_TO_UNICODE,
  UNICODE_TO_VNI,
} from '../legacy-encodings.ts';
import { decodeTextBytes } from '../text-decoding.ts';

const PLAN = [
  'KẾ HOẠCH',
  'Chuyển đổi số xã Tân Lập năm 2026',
  'I. MỤC TIÊU',
  '- Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến đạt tối thiểu 85%.',
  '- Phấn đấu 100% cán bộ, công chức được bồi dưỡng kỹ năng số.',
  'II. NHIỆM VỤ, GIẢI PHÁP',
  '- Triển khai ứng dụng trợ lý ảo hỗ trợ người dân tra cứu thủ tục hành chính.',
  '- Phối hợp với các doanh nghiệp viễn thông mở rộng vùng phủ sóng di động.',
  'III. TỔ CHỨC THỰC HIỆN',
  'Các đơn vị báo cáo kết quả định kỳ hằng quý (trước ngày 18 tháng cuối quý) về Ủy ban nhân dân xã.',
].join('\n');

// Every lower-case Vietnamese letter, both tone placements' vowels included.
const ALPHABET = 'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ';

describe('TCVN3 (ABC, .VnTime)', () => {
  it('has one byte for each of the 134 lower-case letters with marks and the 7 capitals that exist', () => {
    expect(TCVN3_TO_UNICODE.size).toBe(67 + 7);
    for (const ch of ALPHABET) expect(decodeTcvn3(encodeTcvn3(ch)).text).toBe(ch);
  });
  it('round-trips a plan; capitals with a tone come back inside words written in capitals', () => {
    const bytes = encodeTcvn3(PLAN);
    expect([...bytes].every((b) => b < 0x100)).toBe(true);
    const back = decodeTcvn3(bytes).text;
    expect(back.toLowerCase()).toBe(PLAN.toLowerCase());
    expect(back.split('\n')[0]).toBe('KẾ HOẠCH');
    expect(back.split('\n')[2]).toBe('I. MỤC TIÊU');
  });
  it('is detected in a .txt file and converted to Unicode NFC', async () => {
    const doc = await extractDocumentText(encodeTcvn3(PLAN), 'ke-hoach-tcvn3.txt');
    expect(doc).toMatchObject({ format: 'txt', encoding: 'tcvn3' });
    expect(doc.text).toBe(doc.text.normalize('NFC'));
    expect(doc.warnings[0]).toMatch(/tcvn3/);
    const plan = extractPlan(doc.text);
    expect(plan.indicators.map((i) => [i.comparator, i.value])).toEqual([
      ['>=', 85],
      ['=', 100],
    ]);
    expect(plan.tasks).toHaveLength(3);
    expect(plan.reporting).toEqual([expect.objectContaining({ cycle: 'quarterly', day: 18 })]);
  });
});

describe('VNI Windows (VNI-Times)', () => {
  it('writes a base letter and its mark bytes', () => {
    expect(UNICODE_TO_VNI.get('ế')).toBe('eá');
    expect(UNICODE_TO_VNI.get('ặ')).toBe('aë');
    expect(UNICODE_TO_VNI.get('ư')).toBe('ö');
    expect(UNICODE_TO_VNI.get('Đ')).toBe('Ñ');
    for (const ch of ALPHABET + ALPHABET.toUpperCase()) expect(decodeVni(encodeVni(ch))).toBe(ch);
  });
  it('round-trips a plan exactly (VNI has capitals) and is detected in a .txt file', async () => {
    expect(decodeVni(encodeVni(PLAN))).toBe(PLAN);
    const doc = await extractDocumentText(encodeVni(PLAN), 'ke-hoach-vni.txt');
    expect(doc).toMatchObject({ format: 'txt', encoding: 'vni', text: PLAN });
  });
  it('recognises VNI codes already turned into Unicode characters ("Keá hoaïch")', () => {
    const mojibake = new TextDecoder('windows-1252').decode(encodeVni(PLAN));
    const decoded = decodeTextBytes(new TextEncoder().encode(mojibake));
    expect(decoded).toEqual({ text: PLAN, encoding: 'vni (in Unicode)' });
  });
});

describe('Unicode files', () => {
  it('UTF-8 with and without BOM, UTF-16 LE/BE with BOM, and CRLF line ends', async () => {
    const crlf = PLAN.replace(/\n/g, '\r\n');
    const utf8 = new TextEncoder().encode(crlf);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(crlf, 'utf16le')]);
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(crlf, 'utf16le').swap16()]);
    for (const bytes of [utf8, bom, le, be]) {
      const doc = await extractDocumentText(bytes, 'a.txt');
      expect(doc.text).toBe(PLAN);
    }
  });
  it('decomposed Unicode (NFD) comes back composed', async () => {
    const doc = await extractDocumentText(new TextEncoder().encode(PLAN.normalize('NFD')), 'a.txt');
    expect(doc.text).toBe(PLAN);
  });
});
