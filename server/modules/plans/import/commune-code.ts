/**
 * Official 5-digit commune codes. Names repeat across provinces ("Vĩnh Thuận" is a commune of
 * Hải Phòng and of An Giang), so a name resolves only when it is unique in the country or when the
 * document also names the province ("UBND tỉnh Thái Nguyên", "thành phố Hải Phòng").
 * Data: admin-units/admin-units.json, built from the official 2025 list (see build-admin-units.py).
 */
import raw from './admin-units/admin-units.json' with { type: 'json' };

type UnitRow = [code: string, province: string, kind: string, name: string];
const units = raw as unknown as { provinces: Array<[string, string]>; units: UnitRow[] };

/** Old ("hoá", "uỷ") and new ("hóa", "ủy") tone placement compare equal; case does not matter. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/o([àáảãạ])(?![\p{L}])/gu, (_, v: string) => `${toneOn('o', v)}a`)
    .replace(/o([èéẻẽẹ])(?![\p{L}])/gu, (_, v: string) => `${toneOn('o', v)}e`)
    .replace(/u([ỳýỷỹỵ])(?![\p{L}])/gu, (_, v: string) => `${toneOn('u', v)}y`)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Move the tone mark of `marked` onto the vowel `base` ("o" + "á" → "ó"). */
function toneOn(base: string, marked: string): string {
  const mark = marked.normalize('NFD').slice(1);
  return (base + mark).normalize('NFC');
}

const byName = new Map<string, UnitRow[]>();
for (const row of units.units) {
  const key = normalizeName(row[3]);
  const list = byName.get(key) ?? [];
  list.push(row);
  byName.set(key, list);
}
const provinces = new Map<string, string>(units.provinces.map(([code, name]) => [normalizeName(name), code]));

/** Provinces the text names: "tỉnh Thanh Hoá", "thành phố Hải Phòng", "TP. Hồ Chí Minh". */
export function provincesNamed(text: string): Set<string> {
  const found = new Set<string>();
  const re = /(?:tỉnh|thành phố|TP\.?)\s+(\p{Lu}[\p{Ll}]*(?:\s+\p{Lu}[\p{Ll}]*){0,3})/giu;
  for (const m of text.matchAll(re)) {
    const words = m[1].split(/\s+/);
    // "tỉnh Thái Nguyên Về …" may carry a capitalised word after the name: try the longest prefix first.
    for (let n = words.length; n >= 1; n--) {
      const code = provinces.get(normalizeName(words.slice(0, n).join(' ')));
      if (code) {
        found.add(code);
        break;
      }
    }
  }
  return found;
}

export function resolveCommuneCode(name: string | null, kind: 'x' | 'p' | 'd' | null, text: string): string | null {
  if (!name) return null;
  let candidates = byName.get(normalizeName(name)) ?? [];
  if (kind) {
    const sameKind = candidates.filter((c) => c[2] === kind);
    if (sameKind.length) candidates = sameKind;
  }
  if (candidates.length === 1) return candidates[0][0];
  if (!candidates.length) return null;
  const named = provincesNamed(text);
  const inNamed = candidates.filter((c) => named.has(c[1]));
  return inNamed.length === 1 ? inNamed[0][0] : null;
}
