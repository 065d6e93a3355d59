/**
 * Small helpers for Vietnamese text. Rules compare text through `fold()` so that
 * diacritics, case and the two tone-placement styles (hoá / hóa, uỷ / ủy) never matter.
 */

/** Lower case, đ→d, diacritics removed: "Hằng Quý" → "hang quy". */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Words of a folded string (letters and digits only). */
export function foldedWords(s: string): string[] {
  return fold(s).match(/[a-z0-9]+/g) ?? [];
}

export const startsUpper = (s: string): boolean => /^\p{Lu}/u.test(s);
export const startsLower = (s: string): boolean => /^\p{Ll}/u.test(s);

/** The first word is an acronym such as "UBND", "TTHC", "MN," (continuation of a name, not a new sentence). */
export const startsWithAcronym = (s: string): boolean => /^\p{Lu}{2,}(?![\p{Ll}])/u.test(s);

/** True when most letters are capitals — section titles are often written in capitals. */
export function isMostlyUpper(s: string): boolean {
  const letters = s.match(/\p{L}/gu) ?? [];
  if (letters.length < 4) return false;
  const upper = letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length;
  return upper / letters.length >= 0.8;
}

/**
 * Clean one physical line for parsing: markdown emphasis that some converters leave
 * ("**KT. CHỦ TỊCH", "(*trước ngày 20*)"), non-breaking and zero-width spaces, repeated blanks.
 * A leading "* " stays: it is a bullet.
 */
export function cleanLine(raw: string): string {
  return raw
    .replace(/\r$/, '')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\*\*/g, '')
    .replace(/(?<=\S)\*+|\*+(?=[^\s*])/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Sentence-final punctuation, allowing closing quotes/brackets after it. */
export const endsSentence = (s: string): boolean => /[.;:!?…]["”’)\]]*$/.test(s.trim());

/** Capitalise the first letter ("PHÓ CHỦ TỊCH" → "Phó chủ tịch" is done by callers that know the words). */
export const capitalizeFirst = (s: string): string => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** Join two pieces of a wrapped line with one space (keeps "Nghị " + "quyết" → "Nghị quyết"). */
export const joinWrapped = (a: string, b: string): string => (a && b ? `${a.trimEnd()} ${b.trimStart()}` : a || b);

/** Dice similarity of folded word sets (used to de-duplicate, never to decide meaning). */
export function wordSimilarity(a: string, b: string): number {
  const A = new Set(foldedWords(a));
  const B = new Set(foldedWords(b));
  if (!A.size || !B.size) return 0;
  let common = 0;
  for (const w of A) if (B.has(w)) common++;
  return (2 * common) / (A.size + B.size);
}
