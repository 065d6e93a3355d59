/**
 * Bytes of a .txt plan → Unicode NFC. Handles UTF-8 (with or without BOM), UTF-16 (BOM, or the
 * zero-byte pattern without it), and the legacy Vietnamese encodings TCVN3 (ABC), VNI Windows and
 * Windows-1258. A legacy file is recognised by decoding it every way and counting common
 * Vietnamese words in each result: the right decoding reads as Vietnamese, the wrong ones as noise.
 * Text that was converted to Unicode from a VNI/TCVN3 font without changing the font's codes
 * ("Keá hoaïch") is recognised the same way.
 */
import { decodeTcvn3, decodeVniChars, restoreCapitals, TCVN3_TO_UNICODE } from './legacy-encodings.ts';
import { planFileError } from './plan-file-errors.ts';

export interface DecodedText {
  text: string;
  encoding: string;
}

// Frequent syllables of administrative Vietnamese (both tone placements where they differ).
const COMMON = new Set(
  (
    'và của các được trong người những một có cho với không này đã để theo thực hiện kế hoạch xã số chuyển đổi ' +
    'phát triển dữ liệu nhân dân ủy uỷ ban cơ quan đơn vị nhiệm vụ tổ chức năm tháng ngày trên địa bàn hành chính ' +
    'công dịch thông tin hệ thống điện tử quản lý đảm bảo hỗ trợ tỷ lệ mục tiêu chỉ đạt nâng cao học giáo dục tế ' +
    'kinh phí báo cáo về đến từ sử dụng tham gia việc tại triển khai xây dựng phòng văn hóa hoá hội kết quả ứng ' +
    'đề án nghị quyết giai đoạn tỉnh huyện trung ương nền tảng kỹ năng doanh nghiệp cấp hồ sơ thủ tục trực tuyến'
  ).split(/\s+/),
);

/** Share of word tokens that are common Vietnamese syllables (0…1). */
export function vietnameseScore(text: string): number {
  const sample = text.slice(0, 20000).toLowerCase().normalize('NFC');
  const tokens = sample.match(/[\p{L}\u00ad]+/gu) ?? [];
  if (!tokens.length) return 0;
  let hits = 0;
  for (const t of tokens) if (COMMON.has(t)) hits++;
  return hits / tokens.length;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');
const cp1252 = new TextDecoder('windows-1252');
const cp1258 = new TextDecoder('windows-1258');

function tcvn3FromChars(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += cp >= 0x80 && cp <= 0xff ? (TCVN3_TO_UNICODE.get(cp) ?? ch) : ch;
  }
  return restoreCapitals(out);
}

const NAMES: Record<string, string> = {
  tcvn3: 'TCVN3 (ABC, phông .VnTime)',
  vni: 'VNI Windows (phông VNI-Times)',
  'windows-1258': 'Windows-1258',
  'windows-1252': 'Windows-1252',
};

/** Decode a text file's bytes to NFC Unicode, or throw PLAN_FILE_LEGACY_ENCODING naming the likely encoding. */
export function decodeTextBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8Lenient.decode(bytes.subarray(3)).normalize('NFC'), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)).normalize('NFC'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)).normalize('NFC'), encoding: 'utf-16be' };
  const head = bytes.subarray(0, 4096);
  const zerosEven = head.filter((b, i) => b === 0 && i % 2 === 0).length;
  const zerosOdd = head.filter((b, i) => b === 0 && i % 2 === 1).length;
  if (zerosOdd > head.length / 5 && zerosEven < zerosOdd / 10)
    return { text: new TextDecoder('utf-16le').decode(bytes).normalize('NFC'), encoding: 'utf-16le' };
  if (zerosEven > head.length / 5 && zerosOdd < zerosEven / 10)
    return { text: new TextDecoder('utf-16be').decode(bytes).normalize('NFC'), encoding: 'utf-16be' };

  let unicode: string | null = null;
  try {
    unicode = utf8.decode(bytes).normalize('NFC');
  } catch {
    unicode = null;
  }
  if (unicode !== null) {
    // Pure ASCII or real Unicode Vietnamese: done. Latin-1 look-alikes ("Keá hoaïch") may be a legacy font's codes.
    if (!/[\u0080-\u00ff]/.test(unicode) || vietnameseScore(unicode) >= 0.2)
      return { text: unicode, encoding: 'utf-8' };
    const asVni = decodeVniChars(unicode).normalize('NFC');
    const asTcvn = tcvn3FromChars(unicode).normalize('NFC');
    const [best, enc] = vietnameseScore(asVni) >= vietnameseScore(asTcvn) ? [asVni, 'vni'] : [asTcvn, 'tcvn3'];
    if (vietnameseScore(best) >= 0.2 && vietnameseScore(best) > 2 * vietnameseScore(unicode))
      return { text: best, encoding: `${enc} (in Unicode)` };
    return { text: unicode, encoding: 'utf-8' };
  }

  const candidates: Array<{ encoding: string; text: string; unknown: number }> = [];
  const t = decodeTcvn3(bytes);
  candidates.push({ encoding: 'tcvn3', text: t.text.normalize('NFC'), unknown: t.unknown });
  const cp = cp1252.decode(bytes);
  candidates.push({ encoding: 'vni', text: decodeVniChars(cp).normalize('NFC'), unknown: 0 });
  candidates.push({ encoding: 'windows-1258', text: cp1258.decode(bytes).normalize('NFC'), unknown: 0 });
  candidates.push({ encoding: 'windows-1252', text: cp, unknown: 0 });
  const scored = candidates
    .map((c) => ({ ...c, score: vietnameseScore(c.text) - c.unknown / Math.max(1, bytes.length) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best.score >= 0.15 && best.score >= 1.5 * Math.max(second.score, 0.01))
    return { text: best.text, encoding: best.encoding };
  // Not Vietnamese under any decoding and only a few accented letters: plain Western (Windows-1252) text.
  const high = bytes.filter((b) => b >= 0x80).length;
  const letters = bytes.filter((b) => b >= 0x80 || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a)).length;
  if (scored.every((c) => c.score < 0.02) && high < 0.1 * letters) return { text: cp, encoding: 'windows-1252' };
  throw planFileError(
    'PLAN_FILE_LEGACY_ENCODING',
    `Không đọc được bảng mã của tệp văn bản: có vẻ là ${NAMES[best.encoding] ?? best.encoding} nhưng không chuyển được chắc chắn sang Unicode. Hãy mở tệp bằng Word hoặc Unikey, chuyển sang Unicode rồi lưu lại dạng UTF-8.`,
    { likelyEncoding: best.encoding },
  );
}
