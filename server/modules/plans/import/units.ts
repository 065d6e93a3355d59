/**
 * Units of a commune (cơ quan, đơn vị) as plans name them, and who leads a task:
 * "Phòng Văn hóa - Xã hội tham mưu …", "- Phòng Kinh tế: Chủ trì …", "Chủ trì, phối hợp với …",
 * "(Cơ quan chủ trì: …)". Vietnamese has no reliable capitalisation for unit names, so a unit is
 * recognised by the word it starts with (Phòng, Trung tâm, Công an, UBND …) and ends where a verb
 * of duty begins (tham mưu, chủ trì, phối hợp …).
 */
import { fold } from './vi-text.ts';

// Words a unit name starts with. "Phòng," / "Phòng chống" (to prevent) and "Ban hành" (to issue) are verbs.
const UNIT_START = new RegExp(
  [
    String.raw`^(?:Phòng|Ban|Chi cục|Sở|Cục)\s+(?=[\p{Lu}])`,
    String.raw`^Phòng\s+(?:Văn hóa|Văn hoá|Kinh tế|Nội vụ|Tư pháp|Y tế|Giáo dục)`,
    String.raw`^Văn phòng(?![\p{L}\d])`,
    String.raw`^Trung tâm(?![\p{L}\d])`,
    String.raw`^Công an\s+(?:xã|phường|huyện|tỉnh|thành phố)(?![\p{L}\d])`,
    String.raw`^(?:Ban\s+)?Chỉ huy Quân sự(?![\p{L}\d])`,
    String.raw`^(?:Ủy|Uỷ) ban\s+(?:nhân dân|MTTQ|Mặt trận)`,
    String.raw`^UBND(?![\p{L}\d])`,
    String.raw`^(?:Hội đồng nhân dân|HĐND)(?![\p{L}\d])`,
    String.raw`^(?:Đảng ủy|Đảng uỷ|Thường trực Đảng)(?![\p{L}\d])`,
    String.raw`^(?:Mặt trận Tổ quốc|MTTQ)(?![\p{L}\d])`,
    String.raw`^(?:Đoàn Thanh niên|Hội (?:Nông dân|Phụ nữ|Cựu chiến binh|Người cao tuổi|Chữ thập đỏ|Liên hiệp))`,
    String.raw`^(?:Trạm|Trường|Bưu điện|Thôn|Xóm|Tổ dân phố)\s+\S`,
    String.raw`^Tổ (?:công nghệ|CNS|Công nghệ)`,
    String.raw`^[Cc]ác\s+(?:phòng|sở|cơ quan|đơn vị|ban|ngành|trường|thôn|xóm|tổ|Tổ|cơ sở|hội|đoàn thể|doanh nghiệp|tổ chức|trạm|Trạm|xã|huyện|bộ phận)`,
    // Telecoms and the post office lead infrastructure tasks in many plans.
    String.raw`^(?:Viễn thông|Viettel|VNPT|MobiFone|Mobifone|Bưu điện|Liên đoàn Lao động)(?![\p{L}\d])`,
    String.raw`^(?:Thủ trưởng|Người đứng đầu|Lãnh đạo|Chủ tịch|Phó Chủ tịch|Bí thư)(?![\p{L}\d])`,
    String.raw`^(?:Cơ quan|Đơn vị|Bộ phận)\s+(?:thường trực|chuyên môn|đầu mối|một cửa)`,
  ].join('|'),
  'u',
);

/** The text starts with the name of a unit. */
export const isUnitStart = (text: string): boolean =>
  UNIT_START.test(text.replace(/^(?:Đề nghị|Giao|Yêu cầu)\s+/u, ''));

// Verbs of duty that end a unit name used as the subject of a sentence (folded).
const DUTY_VERBS = [
  'tham muu',
  'chu tri',
  'phoi hop',
  'chiu trach nhiem',
  'co trach nhiem',
  'la',
  'neu cao',
  'dua',
  'to chuc',
  'thuc hien',
  'trien khai',
  'chu dong',
  'can cu',
  'dinh ky',
  'xay dung',
  'huong dan',
  'theo doi',
  'don doc',
  'kiem tra',
  'bao cao',
  'cap nhat',
  'bao dam',
  'dam bao',
  'ra soat',
  'quan triet',
  'ban hanh',
  'phe duyet',
  'chi dao',
  'giam sat',
  'duy tri',
  'van hanh',
  'bo tri',
  'tiep nhan',
  'tang cuong',
  'day manh',
  'phat huy',
  'nghien cuu',
  'de xuat',
  'thuong xuyen',
  'tap trung',
  'quan tam',
  'phan cong',
  'hoan thanh',
  'ho tro',
  'van dong',
  'tuyen truyen',
  'thanh lap',
  'uu tien',
  'ung dung',
  'su dung',
  'ket noi',
  'cung cap',
  'khan truong',
  'nghiem tuc',
  'gui',
  'tong hop',
  'xay dung',
  'phoi hop voi',
  'lanh dao',
  'dieu hanh',
  'so hoa',
  'quan ly',
];
const DUTY_RE = new RegExp(
  String.raw`^(?:${[...new Set(DUTY_VERBS)].sort((a, b) => b.length - a.length).join('|')})\b`,
);

// Verbs that never name a unit: where the subject surely ends.
const STRONG = [
  'tham muu',
  'chu tri',
  'phoi hop',
  'chiu trach nhiem',
  'co trach nhiem',
  'la',
  'neu cao',
  'thuc hien',
  'trien khai',
  'chu dong',
  'can cu',
  'dinh ky',
  'huong dan',
  'theo doi',
  'don doc',
  'khan truong',
  'nghiem tuc',
  'thuong xuyen',
  'dua',
  'ban hanh',
  'phan cong',
];
const STRONG_RE = new RegExp(String.raw`^(?:${STRONG.sort((a, b) => b.length - a.length).join('|')})\b`);

/** The first word of the text is a verb of duty ("Triển khai …", "Là cơ quan …"). */
export const startsWithDutyVerb = (text: string): boolean => DUTY_RE.test(fold(text.trim()));

/** Tidy a unit name taken from a heading or a table cell. */
export function cleanUnit(name: string): string {
  let u = name
    .replace(/^(?:Đề nghị|Giao|Yêu cầu)\s+/u, '')
    .replace(/[:;,.\s]+$/u, '')
    .trim();
  // "Phòng Văn hóa - Xã hội xã" → "Phòng Văn hóa - Xã hội": the trailing "xã" only says "of the commune".
  if (/^Phòng\s/u.test(u)) u = u.replace(/\s+xã$/u, '');
  return u;
}

/**
 * A unit that opens the sentence as its subject: "Phòng Văn hóa - Xã hội tham mưu …" → that unit.
 * The name ends at the first verb of duty; no verb within 18 words → not a subject.
 */
export function subjectUnit(text: string): string | null {
  const t = text.replace(/^(?:Đề nghị|Giao|Yêu cầu)\s+/u, '');
  if (!isUnitStart(t)) return null;
  const words = t.split(/\s+/);
  const folded = fold(words.slice(0, 24).join(' ')).split(' ');
  const at = (i: number, re: RegExp) => re.test(folded.slice(i, i + 4).join(' '));
  for (let i = 2; i < Math.min(words.length, 18); i++) {
    if (!at(i, DUTY_RE)) continue;
    // "Trung tâm Dịch vụ tổng hợp triển khai …": a verb that also names things ("tổng hợp", "quản lý")
    // gives way to a plain verb of duty right after it.
    if (!at(i, STRONG_RE)) {
      for (let j = i + 1; j <= i + 3 && j < Math.min(words.length, 18); j++) {
        if (at(j, STRONG_RE)) return cleanUnit(words.slice(0, j).join(' '));
      }
    }
    return cleanUnit(words.slice(0, i).join(' '));
  }
  return null;
}

/** "- Phòng Kinh tế: Chủ trì …" → "Phòng Kinh tế". */
export function prefixUnit(text: string): string | null {
  const m = /^([^:]{3,90}):\s*\S/u.exec(text);
  if (!m || !isUnitStart(m[1])) return null;
  // "Đề nghị các Trạm y tế xã: …" names "Các Trạm y tế xã".
  return cleanUnit(m[1]).replace(/^các(?=\s)/u, 'Các');
}

/** "(Cơ quan chủ trì: X; phối hợp: Y)" written inside the item. */
/** "(Cơ quan chủ trì: X; phối hợp: Y)", "Đơn vị thực hiện: X" written inside the item. */
export function inlineLead(text: string): string | null {
  // "(Công an xã chủ trì, Phòng Kinh tế phối hợp, hoàn thành năm 2027)"
  const before = /\(\s*([^()]{3,80}?)\s+chủ trì(?![\p{L}])/u.exec(text);
  if (before && isUnitStart(before[1])) return cleanUnit(before[1]);
  const m =
    /(?:(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện|phụ trách)(?:\s+thực hiện)?|(?<![\p{L}])chủ trì(?:\s+thực hiện)?)\s*:\s*([^;:()\n]+?)(?:\s*[;)]|,\s*(?:cơ quan |đơn vị )?(?:phối hợp|thời gian)|\.\s|\.?$)/iu.exec(
      text,
    );
  if (!m) return null;
  const u = cleanUnit(m[1]);
  return u.length >= 3 ? u : null;
}

/** The unit a heading of "Tổ chức thực hiện" names: "2. Phòng Kinh tế", "Công an xã:", "1. Phòng X: chủ trì …". */
export function headingUnit(text: string): string | null {
  const prefixed = prefixUnit(text);
  if (prefixed) return prefixed;
  if (!isUnitStart(text)) return null;
  // "Phòng Văn hóa - Xã hội có trách nhiệm thực hiện các nội dung sau:" → the subject; else the heading is the name.
  const subject = subjectUnit(text);
  // Only a real predicate makes it a sentence: "Trung tâm Dịch vụ tổng hợp" is a name, not "… does tổng hợp".
  if (subject && text.split(/\s+/).length - subject.split(/\s+/).length >= 4) return subject;
  return text.split(/\s+/).length <= 30 && !/[.;]$/.test(text.trim()) ? cleanUnit(text) : null;
}

/** "Tăng cường phối hợp giữa UBND xã với MTTQ …" → the first party leads. */
export function betweenUnit(text: string): string | null {
  const m = /phối hợp giữa\s+(.{3,60}?)\s+(?:với|và)\s/u.exec(text);
  return m && isUnitStart(m[1]) ? cleanUnit(m[1]) : null;
}

// Where a partner's name ends: a purpose word or the verb of the task ("… với doanh nghiệp viễn thông | phủ sóng 5G").
const TASK_VERBS = [
  'phu song',
  'lap dat',
  'dau tu',
  'nang cap',
  'mo rong',
  'phat trien',
  'thuc day',
  'khao sat',
  'danh gia',
  'dao tao',
  'boi duong',
  'tap huan',
  'ket noi',
  'chia se',
  'khai thac',
  'ho tro',
  'hoan thien',
];
const PARTNER_END = new RegExp(
  String.raw`\s+(?:de|nham|trong (?:viec|qua trinh|cong tac)|ve|theo|khi|tai|` +
    [...DUTY_VERBS.filter((v) => v !== 'la'), ...TASK_VERBS].map((v) => v.replace(/ /g, '\\s+')).join('|') +
    String.raw`)\b`,
);

/** Partners named after "phối hợp với …" / "(phối hợp X)" / "phối hợp: X". */
export function partnersOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[(,;]\s*([^(),;]{3,80}?)\s+phối hợp(?![\p{L}])/gu))
    if (isUnitStart(m[1])) out.push(cleanUnit(m[1]));
  const inline = /phối hợp\s*:\s*([^;)\n]+)/iu.exec(text);
  if (inline) out.push(...inline[1].split(/;/).map(cleanUnit));
  for (const m of text.matchAll(/phối hợp(?: chặt chẽ)?(?: với| giữa [^,;]{2,40}? với)\s+([^;.()]{3,160})/giu)) {
    const folded = fold(m[1]);
    const stop = PARTNER_END.exec(folded);
    const piece = stop ? m[1].slice(0, stop.index) : m[1];
    const p = cleanUnit(piece);
    if (p.length >= 3 && p.split(/\s+/).length <= 16) out.push(p);
  }
  return [...new Set(out.filter(Boolean))];
}

/** "Phòng Văn hóa – Xã hội (phối hợp các trường, Đoàn Thanh niên)" → lead and partners. */
export function splitLeadCell(cell: string): { lead: string | null; partners: string[] } {
  const m = /^(.*?)\s*\(\s*phối hợp(?: với)?\s*:?\s*([^)]*)\)?\s*$/iu.exec(cell);
  if (m) {
    return { lead: cleanUnit(m[1]) || null, partners: m[2].split(/[,;]/).map(cleanUnit).filter(Boolean) };
  }
  const c = cleanUnit(cell);
  return { lead: c || null, partners: [] };
}
