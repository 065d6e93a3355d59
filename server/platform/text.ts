/**
 * Vietnamese text helpers shared by every module: accent folding for search, and a sort key
 * that orders strings the way Vietnamese readers expect (An, Ánh, Ă, Ăn, Â, Ân …; Đ after D).
 *
 * Why a hand-written sort key: PGlite has no Vietnamese ICU collation (its `vi` collation
 * sorts like root: Ă An Ăn …), and sorting in JS alone cannot page a long list in SQL. The key
 * is stored in a `sort_key text collate "C"` column and mirrors ICU's Vietnamese rules as
 * Intl.Collator('vi') applies them: letters first (primary), then tone marks letter by letter
 * (secondary: none < huyền < hỏi < ngã < sắc < nặng), then case (lower before upper).
 * sort-key tests compare it with Intl.Collator('vi') on all 3,321 commune names.
 */
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const LETTER_RANK = new Map([...ALPHABET].map((c, i) => [c, i]));
const TONES: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };
const SHAPE: Record<string, Record<string, string>> = {
  '\u0306': { a: 'ă' },
  '\u0302': { a: 'â', e: 'ê', o: 'ô' },
  '\u031b': { o: 'ơ', u: 'ư' },
};

// Primary weights: separators lowest, then punctuation, digits, Vietnamese letters, anything else.
const BASE_PUNCT = 0x30;
const BASE_DIGIT = 0x60;
const BASE_LETTER = 0x70;
const BASE_OTHER = 0x100;

export function vietnameseSortKey(input: string): string {
  const s = input.normalize('NFD').trim();
  let primary = '';
  let secondary = '';
  let tertiary = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    let letter = ch.toLowerCase();
    const isUpper = letter !== ch;
    let tone = 0;
    while (i + 1 < s.length && /[\u0300-\u036f]/.test(s[i + 1])) {
      const mark = s[++i];
      if (TONES[mark]) tone = TONES[mark];
      else if (SHAPE[mark]?.[letter]) letter = SHAPE[mark][letter];
    }
    let weight: number;
    const rank = LETTER_RANK.get(letter);
    if (rank !== undefined) weight = BASE_LETTER + rank;
    else if (/\s/.test(letter)) weight = 0x21;
    else if (/[0-9]/.test(letter)) weight = BASE_DIGIT + Number(letter);
    else if (letter.codePointAt(0)! < 0x80) weight = BASE_PUNCT + Math.min(0x2f, letter.codePointAt(0)! % 0x30);
    else weight = BASE_OTHER + letter.codePointAt(0)!;
    primary += String.fromCodePoint(weight);
    secondary += String.fromCharCode(0x30 + tone);
    tertiary += isUpper ? '1' : '0';
  }
  return `${primary}\u0001${secondary}\u0001${tertiary}`;
}

/** Lower-case, accent-free form for search: "Tượng Lĩnh" → "tuong linh" (đ → d). */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export const vietnameseCollator = new Intl.Collator('vi');
export const compareVietnamese = (a: string, b: string) => vietnameseCollator.compare(a, b);

/**
 * Numbers written the Vietnamese way (1.234,5). `toLocaleString('vi-VN', …)` builds a new
 * Intl.NumberFormat on every call (~20 µs on Node 20, against ~0.5 µs for a kept one), which
 * the dashboards pay per target on every request: one formatter is kept per fraction setting.
 */
const viFormatters = new Map<number, Intl.NumberFormat>();
export function formatViNumber(value: number, maximumFractionDigits = 3): string {
  let f = viFormatters.get(maximumFractionDigits);
  if (!f) viFormatters.set(maximumFractionDigits, (f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits })));
  return f.format(value);
}
