/**
 * Header facts of an administrative document (NĐ 30/2020 layout): "Số: 12/KH-UBND", the place and
 * date line "Phú Thịnh, ngày 05 tháng 12 năm 2025", the type "KẾ HOẠCH" with the title under it,
 * the issuing commune, and the signature block "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / name" at the end.
 * Blank fields of a draft ("Số: /KH-UBND", "ngày tháng năm 2026") give null.
 */
import { parseMarker } from './blocks.ts';
import { resolveCommuneCode } from './commune-code.ts';
import { findYears } from './numbers.ts';
import { cleanLine, endsSentence, fold, isMostlyUpper, startsLower } from './vi-text.ts';

export interface Header {
  title: string;
  commune: string | null;
  communeCode: string | null;
  number: string | null;
  issuedOn: string | null;
  period: { from: number | null; to: number | null };
  signer: { name: string; title: string } | null;
}

const NAME = String.raw`(\p{Lu}[\p{Ll}]*(?:[ \t]+\p{Lu}[\p{Ll}]*){0,3})`;
const NOT_NAMES = /^(?:Phòng|Hội|Trạm|Trường|Ban|Văn|Trung|Công|Đảng|Tổ|Thôn|Xóm|Kế|Nghị|Quyết|Chương|Đề)$/u;

function titleOf(lines: string[]): { title: string; end: number; isPlanTitle: boolean } {
  const head = lines.slice(0, 60);
  const at = head.findIndex((l) => /^kế hoạch(?![\p{L}\d])/iu.test(l) && isMostlyUpper(l.slice(0, 8)));
  if (at < 0) {
    // No "KẾ HOẠCH" line: the first line that names a plan, else the first line of the document.
    const named = head.findIndex((l) => /kế hoạch/iu.test(l) && !/^(?:căn cứ|thực hiện)/iu.test(l));
    const i = named >= 0 ? named : head.findIndex(Boolean);
    return { title: i >= 0 ? head[i] : '', end: i, isPlanTitle: named >= 0 };
  }
  let title = lines[at].replace(/^kế hoạch(?![\p{L}\d])\s*/iu, '');
  let end = at;
  let blanks = 0;
  for (let i = at + 1; i < lines.length && i < at + 40; i++) {
    const l = lines[i];
    if (!l) {
      blanks++;
      continue;
    }
    const first = !title;
    // The next section heading ("I. MỤC TIÊU") ends the title even without a blank line.
    if (!first && (parseMarker(l).type !== 'para' || isMostlyUpper(l))) break;
    // Lines right under "KẾ HOẠCH" belong to the title; after a blank line only a wrapped continuation does.
    const continues =
      first ||
      (blanks === 0 && !/^(?:Căn cứ|Thực hiện|Số\s*:|Kính gửi)/u.test(l)) ||
      (!endsSentence(lines[end]) && (startsLower(l) || (/^\d/.test(l) && lines[end].length > 50)));
    if (!continues || blanks > 2) break;
    title = title ? `${title} ${l}` : l;
    end = i;
    blanks = 0;
  }
  title = title.replace(/\s+/g, ' ').trim();
  return { title: title ? `Kế hoạch ${title}` : 'Kế hoạch', end, isPlanTitle: true };
}

/** "ỦY BAN NHÂN DÂN / XÃ AN THẠNH" at the top: who issues the document, at which level. */
function issuerOf(lines: string[]): { level: string; name: string } | null {
  const head = lines.filter(Boolean).slice(0, 8);
  // "UBND HUYỆN X" above "UBND XÃ Y": the upper line is the superior body, the lowest one issues.
  let found: { level: string; name: string } | null = null;
  for (let i = 0; i < head.length; i++) {
    const m = /^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)\s*(.*)$/u.exec(head[i]);
    if (!m) continue;
    // In a PDF the right-hand column ("CỘNG HÒA XÃ HỘI …", "Độc lập - Tự do - Hạnh phúc") may share the line.
    for (const rest of [m[1], head[i + 1] ?? '']) {
      const l = /^(XÃ|PHƯỜNG|ĐẶC KHU|THỊ TRẤN|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|TỈNH)\s+(.+)$/u.exec(rest.trim());
      if (!l) continue;
      const name = l[2].split(/\s+(?:CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|Số\s*:)/u)[0].trim();
      if (name.split(/\s+/).length > 4) continue;
      found = { level: l[1].toLowerCase(), name: name.toLowerCase().replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase()) };
      break;
    }
  }
  return found;
}

function communeOf(lines: string[], title: string): { name: string | null; kind: 'x' | 'p' | 'd' | null } {
  const issuer = issuerOf(lines);
  if (issuer) {
    const kind =
      issuer.level === 'xã' ? 'x' : issuer.level === 'phường' ? 'p' : issuer.level === 'đặc khu' ? 'd' : null;
    // A plan of a district or a province has no issuing commune.
    if (!kind) return { name: null, kind: null };
    return { name: issuer.name, kind };
  }
  const score = new Map<string, { n: number; kind: 'x' | 'p' | 'd' }>();
  const add = (name: string, kind: 'x' | 'p' | 'd', w: number) => {
    const words = name.split(/\s+/);
    while (words.length && NOT_NAMES.test(words[words.length - 1])) words.pop();
    if (!words.length || NOT_NAMES.test(words[0])) return;
    const key = words.join(' ');
    const cur = score.get(key) ?? { n: 0, kind };
    cur.n += w;
    score.set(key, cur);
  };
  const kindOf = (w: string): 'x' | 'p' | 'd' => (/^phường/iu.test(w) ? 'p' : /^đặc khu/iu.test(w) ? 'd' : 'x');
  const text = lines.join('\n');
  for (const m of title.matchAll(new RegExp(String.raw`(xã|phường|đặc khu)\s+${NAME}`, 'gu')))
    add(m[2], kindOf(m[1]), 5);
  for (const m of text.matchAll(
    new RegExp(String.raw`(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(xã|phường|đặc khu)\s+${NAME}`, 'gu'),
  ))
    add(m[2], kindOf(m[1]), 3);
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(xã|phường|đặc khu)\s+${NAME}`, 'gu')))
    add(m[2], kindOf(m[1]), 1);
  // "Phú Thịnh, ngày … tháng … năm …" — the place of issue.
  for (const l of lines.slice(0, 30)) {
    const m = new RegExp(String.raw`^${NAME},\s*ngày`, 'u').exec(l);
    if (m && score.has(m[1])) add(m[1], score.get(m[1])!.kind, 3);
  }
  let best: [string, { n: number; kind: 'x' | 'p' | 'd' }] | null = null;
  for (const e of score) if (!best || e[1].n > best[1].n) best = e;
  return best ? { name: best[0], kind: best[1].kind } : { name: null, kind: null };
}

function numberOf(lines: string[]): string | null {
  for (const l of lines.slice(0, 30)) {
    const m = /^Số\s*:\s*(.*)$/iu.exec(l);
    if (!m) continue;
    const n = /^(\d+[\p{L}\d-]*\/[\p{L}\d/-]+)/u.exec(m[1].trim());
    return n ? n[1] : null;
  }
  return null;
}

/** "Phú Thịnh, ngày 05 tháng 12 năm 2025" (the place may share the line with "Số: …" in a PDF). */
function issuedOf(lines: string[]): string | null {
  for (const l of lines.slice(0, 30)) {
    const at = /\p{Lu}[\p{L} ]*,\s*ngày\b/u.exec(l) ?? /,\s*ngày\s/u.exec(l);
    if (!at) continue;
    const tail = l.slice(at.index);
    const m =
      /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu.exec(tail) ??
      /ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/iu.exec(tail);
    if (!m) return null; // "ngày     tháng     năm 2026": left blank in a draft
    return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  }
  return null;
}

function periodOf(title: string, lines: string[], issuedOn: string | null): { from: number | null; to: number | null } {
  const ys = findYears(title).filter(
    (y) => !/tam nhin\s*$/.test(fold(title.slice(Math.max(0, y.start - 12), y.start))),
  );
  if (!ys.length) return { from: null, to: null };
  const y = ys.find((x) => x.from !== null) ?? ys[0];
  if (y.from !== null) return { from: y.from, to: y.year };
  if (!/^(?:đến|tới)\s/iu.test(title.slice(y.start, y.end))) return { from: y.year, to: y.year };
  // "… đến năm 2030": it starts when it is issued, or in the year of its latest legal basis.
  if (issuedOn) return { from: Number(issuedOn.slice(0, 4)), to: y.year };
  const dated = lines
    .slice(0, 80)
    .flatMap((l) =>
      [...l.matchAll(/\d{1,2}\/\d{1,2}\/((?:19|20)\d{2})|tháng\s+\d{1,2}\s+năm\s+((?:19|20)\d{2})/gu)].map((m) =>
        Number(m[1] ?? m[2]),
      ),
    )
    .filter((n) => n <= y.year);
  return { from: dated.length ? Math.max(...dated) : null, to: y.year };
}

// The role closes its line; in a PDF "Nơi nhận" may share the line on the left.
const ROLE =
  /(?:^|\s)(?:KT\.|TM\.|TL\.|Q\.|TUQ\.)?\s*(PHÓ CHỦ TỊCH|CHỦ TỊCH|PHÓ TRƯỞNG BAN|TRƯỞNG BAN|BÍ THƯ|PHÓ GIÁM ĐỐC|GIÁM ĐỐC|TRƯỞNG PHÒNG)$/u;

function signerOf(lines: string[]): { name: string; title: string } | null {
  let roleAt = -1;
  let role = '';
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = ROLE.exec(lines[i]);
    if (m) {
      roleAt = i;
      role = m[1];
      break;
    }
  }
  if (roleAt < 0) return null;
  for (let i = roleAt + 1; i < Math.min(lines.length, roleAt + 15); i++) {
    const l = lines[i];
    if (!l || ROLE.test(l) || /^\(.*\)$/.test(l) || /^(?:KT|TM)\./u.test(l) || /^[-–•+]/.test(l) || l.includes(':'))
      continue;
    if (/^\p{Lu}[\p{Ll}]+(?:\s+\p{Lu}[\p{Ll}]*){1,4}$/u.test(l)) {
      const title = role
        .toLowerCase()
        .replace(/^./, (c) => c.toUpperCase())
        .replace(/chủ tịch/u, (s, off: number) => (off ? 'Chủ tịch' : s));
      return { name: l, title };
    }
  }
  return null;
}

export function extractHeader(rawLines: string[]): Header {
  const lines = rawLines.map(cleanLine);
  const { title, isPlanTitle } = titleOf(lines);
  const commune = communeOf(lines, title);
  const issuedOn = issuedOf(lines);
  return {
    title,
    commune: commune.name,
    communeCode: resolveCommuneCode(commune.name, commune.kind, lines.join('\n')),
    number: numberOf(lines),
    issuedOn,
    period: isPlanTitle ? periodOf(title, lines, issuedOn) : { from: null, to: null },
    signer: signerOf(lines),
  };
}
