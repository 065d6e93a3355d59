/**
 * Vietnamese 8-bit encodings of the 1990s–2000s that old plans are still typed in:
 * - TCVN3 (ABC, fonts ".VnTime"/".VnArial"): one byte per letter. Capitals with a tone mark do not
 *   exist in it — ".VnTimeH" fonts draw the lower-case codes as capitals — so decoding yields lower
 *   case there; `restoreCapitals` puts them back inside words written in capitals.
 * - VNI Windows (fonts "VNI-Times"): a base letter followed by one or two mark bytes ("a" + "ù" = á).
 * The tables are built here from the structure of each encoding (which byte means which mark)
 * rather than typed as 134 pairs, so each rule is visible. Written by hand because no maintained
 * npm package covers both encodings in both directions.
 */

const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const; // none, huyền, sắc, hỏi, ngã, nặng
const BASES = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
type Base = (typeof BASES)[number];
const compose = (base: string, tone: number): string => (base + TONES[tone]).normalize('NFC');

// TCVN3: bytes of each base vowel in the order huyền, hỏi, ngã, sắc, nặng (as the standard lays them out).
const TCVN3_TONED: Record<Base, [number, number, number, number, number]> = {
  a: [0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  ă: [0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  â: [0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  e: [0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  ê: [0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  i: [0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  o: [0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  ô: [0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  ơ: [0xea, 0xeb, 0xec, 0xed, 0xee],
  u: [0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  ư: [0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  y: [0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
};
const TCVN3_PLAIN: Record<string, number> = {
  ă: 0xa8,
  â: 0xa9,
  ê: 0xaa,
  ô: 0xab,
  ơ: 0xac,
  ư: 0xad,
  đ: 0xae,
  Ă: 0xa1,
  Â: 0xa2,
  Ê: 0xa3,
  Ô: 0xa4,
  Ơ: 0xa5,
  Ư: 0xa6,
  Đ: 0xa7,
};
// Tone order of the TCVN3 rows above → index in TONES.
const TCVN3_ORDER = [1, 3, 4, 2, 5];

export const TCVN3_TO_UNICODE = new Map<number, string>();
for (const base of BASES) {
  TCVN3_TONED[base].forEach((byte, k) => TCVN3_TO_UNICODE.set(byte, compose(base, TCVN3_ORDER[k])));
}
for (const [ch, byte] of Object.entries(TCVN3_PLAIN)) TCVN3_TO_UNICODE.set(byte, ch);

/** Decode TCVN3 bytes; ASCII passes through. Returns the text and how many bytes had no meaning. */
export function decodeTcvn3(bytes: Uint8Array): { text: string; unknown: number } {
  let text = '';
  let unknown = 0;
  for (const b of bytes) {
    if (b < 0x80) text += String.fromCharCode(b);
    else {
      const ch = TCVN3_TO_UNICODE.get(b);
      if (ch) text += ch;
      else {
        unknown++;
        text += String.fromCharCode(b);
      }
    }
  }
  return { text: restoreCapitals(text), unknown };
}

/**
 * "KÕ HO¹CH" decodes to "Kế HOạCH": TCVN3 has no codes for capitals with a tone mark. The ASCII
 * letters of a line tell its case: a line written in capitals gets all its letters in capitals,
 * and elsewhere a word whose ASCII letters are all capitals ("HOạCH") does.
 */
export function restoreCapitals(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const ascii = line.match(/[A-Za-z]/g) ?? [];
      const upper = ascii.filter((c) => c <= 'Z').length;
      if (ascii.length >= 4 && upper / ascii.length >= 0.8) return line.toUpperCase();
      return line.replace(/\p{L}+/gu, (w) => {
        const a = w.match(/[A-Za-z]/g) ?? [];
        return a.length >= 2 && a.every((c) => c <= 'Z') ? w.toUpperCase() : w;
      });
    })
    .join('\n');
}

export function encodeTcvn3(text: string): Uint8Array {
  const reverse = new Map<string, number>();
  for (const [b, ch] of TCVN3_TO_UNICODE) reverse.set(ch, b);
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else {
      // Capitals with a tone are written with the lower-case code (".VnTimeH" draws it as a capital).
      const b = reverse.get(ch) ?? reverse.get(ch.toLowerCase());
      if (b === undefined) throw new Error(`TCVN3 cannot encode ${ch}`);
      out.push(b);
    }
  }
  return Uint8Array.from(out);
}

// VNI: mark bytes, lower case / upper case (as Windows-1252 characters).
const VNI_TONE = { lower: ['', 'ø', 'ù', 'û', 'õ', 'ï'], upper: ['', 'Ø', 'Ù', 'Û', 'Õ', 'Ï'] };
const VNI_CIRC = { lower: 'â', upper: 'Â' }; // â ê ô written a/e/o + this
const VNI_CIRC_TONE = { lower: ['', 'à', 'á', 'å', 'ã', 'ä'], upper: ['', 'À', 'Á', 'Å', 'Ã', 'Ä'] };
const VNI_BREVE = { lower: 'ê', upper: 'Ê' }; // ă written a + this
const VNI_BREVE_TONE = { lower: ['', 'è', 'é', 'ú', 'ü', 'ë'], upper: ['', 'È', 'É', 'Ú', 'Ü', 'Ë'] };
// Letters VNI writes as a single byte: ơ, ư, đ and i with a tone, ỵ.
const VNI_SINGLE = {
  lower: { ơ: 'ô', ư: 'ö', đ: 'ñ', ì: 'ì', í: 'í', ỉ: 'æ', ĩ: 'ó', ị: 'ò', ỵ: 'î' },
  upper: { Ơ: 'Ô', Ư: 'Ö', Đ: 'Ñ', Ì: 'Ì', Í: 'Í', Ỉ: 'Æ', Ĩ: 'Ó', Ị: 'Ò', Ỵ: 'Î' },
} as const;

/** Every Vietnamese letter → its VNI byte sequence (as Windows-1252 characters). */
function vniTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const c of ['lower', 'upper'] as const) {
    const up = (s: string) => (c === 'upper' ? s.toUpperCase() : s);
    for (const [uni, seq] of Object.entries(VNI_SINGLE[c])) table.set(uni, seq);
    for (const base of BASES) {
      for (let tone = 0; tone < 6; tone++) {
        const uni = up(compose(base, tone));
        if (table.has(uni) || (tone === 0 && /^[aeiouy]$/.test(base))) continue;
        let seq: string;
        if (base === 'â' || base === 'ê' || base === 'ô') {
          seq = up(base === 'â' ? 'a' : base === 'ê' ? 'e' : 'o') + (tone ? VNI_CIRC_TONE[c][tone] : VNI_CIRC[c]);
        } else if (base === 'ă') seq = up('a') + (tone ? VNI_BREVE_TONE[c][tone] : VNI_BREVE[c]);
        else if (base === 'ơ' || base === 'ư')
          seq = (VNI_SINGLE[c] as Record<string, string>)[up(base)] + VNI_TONE[c][tone];
        else if (base === 'i')
          continue; // all single bytes above
        else if (base === 'y' && tone === 5)
          continue; // ỵ is a single byte
        else seq = up(base) + VNI_TONE[c][tone];
        table.set(uni, seq);
      }
    }
  }
  return table;
}

export const UNICODE_TO_VNI = vniTable();
const VNI_SEQUENCES = [...UNICODE_TO_VNI.entries()].sort((a, b) => b[1].length - a[1].length);
const VNI_BY_SEQ = new Map(VNI_SEQUENCES.map(([u, s]) => [s, u]));

/** Decode VNI text already read as Windows-1252 characters: longest sequence first. */
export function decodeVniChars(s: string): string {
  let out = '';
  for (let i = 0; i < s.length;) {
    const two = s.slice(i, i + 2);
    if (two.length === 2 && VNI_BY_SEQ.has(two)) {
      out += VNI_BY_SEQ.get(two);
      i += 2;
      continue;
    }
    const one = s[i];
    out += VNI_BY_SEQ.get(one) ?? one;
    i += 1;
  }
  return out;
}

const cp1252 = new TextDecoder('windows-1252');
export const decodeVni = (bytes: Uint8Array): string => decodeVniChars(cp1252.decode(bytes));

export function encodeVni(text: string): Uint8Array {
  let s = '';
  for (const ch of text.normalize('NFC')) s += UNICODE_TO_VNI.get(ch) ?? ch;
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x100) out.push(cp);
    else {
      // Windows-1252 puts a few characters in 0x80–0x9f; VNI never needs them.
      throw new Error(`VNI cannot encode ${ch}`);
    }
  }
  return Uint8Array.from(out);
}
