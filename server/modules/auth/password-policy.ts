/**
 * The password policy (pure; no I/O). TCVN 14423:2026 asks for long passwords without MFA
 * (RULES.md §7); length alone lets `abcdabcdabcd` through, so a password must also be hard to
 * guess. Guessability is estimated by zxcvbn-ts (a maintained port of Dropbox's zxcvbn) with
 * its list of ~30 000 common and breached passwords, English words and names, plus our own
 * Vietnamese list (breached-passwords.ts) and the words a guesser would try here first: the
 * product's name, the person's username and name.
 *
 * Length counts what a person sees: NFC, invisible characters (zero-width, format and control
 * characters, variation selectors) dropped, a run of spaces one character.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';
import { foldVietnamese } from '../../platform/text.ts';
import { BREACHED_PASSWORDS } from './breached-passwords.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
/**
 * Guesses a password must take, as log10, by zxcvbn's estimate: 10^10 (its score 4, "very
 * unguessable") as typed and without accents; 10^8 (score 3) for the letters and digits alone,
 * where words that a separator kept apart are priced as the guessable words they are.
 */
export const MIN_GUESSES_LOG10 = 10;
export const MIN_GUESSES_LOG10_LETTERS_AND_DIGITS = 8;

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'CONTAINS_USERNAME' | 'TOO_SIMPLE' | 'BREACHED';

export const passwordProblemMessage: Record<PasswordProblem, string> = {
  TOO_SHORT: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự nhìn thấy được (ký tự ẩn và dấu cách liên tiếp không được tính).`,
  TOO_LONG: `Mật khẩu quá dài (tối đa ${MAX_PASSWORD_LENGTH} ký tự).`,
  CONTAINS_USERNAME: 'Mật khẩu không được chứa tên đăng nhập hoặc họ tên của bạn.',
  TOO_SIMPLE:
    'Mật khẩu quá dễ đoán (lặp lại, theo thứ tự bàn phím, hoặc từ và ngày thông dụng); hãy dùng một câu dài hơn.',
  BREACHED: 'Mật khẩu này nằm trong danh sách mật khẩu phổ biến hoặc đã bị lộ; hãy chọn mật khẩu khác.',
};

/**
 * Characters that print nothing: controls, and Unicode's default-ignorable code points (zero-width
 * space and joiners, word joiner, BOM, soft hyphen, bidi marks, variation selectors, the combining
 * grapheme joiner, Hangul fillers …), plus the line and paragraph separators.
 */
const INVISIBLE = /[\p{Cc}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]/gu;

/** The password as a person sees it: NFC, invisible characters removed, each run of spaces one space, no spaces at either end. */
export function visiblePassword(password: string): string {
  return password.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/** Length in visible characters (user-perceived: a letter with its tone marks counts once). */
export function visibleLength(password: string): number {
  const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });
  return [...segmenter.segment(visiblePassword(password))].length;
}

// The estimator is built on first use: loading its dictionaries takes ~0.3 s, which a
// server start should not pay for a check it may never make.
let estimator: ZxcvbnFactory | null = null;
function getEstimator() {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary, 'passwords-vi': [...BREACHED_PASSWORDS] },
    graphs: adjacencyGraphs,
    translations,
    // Levenshtein matching costs 0.2–0.7 s a check; l33t and case variants are matched without it.
    useLevenshteinDistance: false,
  });
  return estimator;
}

/** Dictionaries whose entries are known passwords (a match there means "breached", not just "simple"). */
const PASSWORD_DICTIONARIES = new Set(['passwords-common', 'passwords-vi']);

/** Words anyone attacking this platform tries first. */
const PRODUCT_WORDS = ['xaso', 'xa so', 'xã số', 'demo', 'matkhau', 'mat khau', 'ubnd'];

export function checkPassword(password: string, username: string, fullName = ''): PasswordProblem | null {
  if ([...password].length > MAX_PASSWORD_LENGTH) return 'TOO_LONG';
  const visible = visiblePassword(password);
  if (visibleLength(password) < MIN_PASSWORD_LENGTH) return 'TOO_SHORT';
  const folded = foldVietnamese(visible);
  const compact = folded.replace(/[^a-z0-9]/g, '');
  if (username.length >= 3 && (folded.includes(foldVietnamese(username)) || compact.includes(compactOf(username))))
    return 'CONTAINS_USERNAME';
  if (compactOf(fullName).length >= 6 && compact.includes(compactOf(fullName))) return 'CONTAINS_USERNAME';
  if (BREACHED_PASSWORDS.has(folded) || BREACHED_PASSWORDS.has(compact)) return 'BREACHED';
  if (new Set(folded.replace(/\s/g, '')).size < 5) return 'TOO_SIMPLE';
  // zxcvbn also sees the accent-free form (its dictionaries have no Vietnamese diacritics) and
  // the letters and digits alone: it prices a separator as brute force, so `XaSo@Demo2027` or
  // `Nguyen Van Hung 1975!` would pass for strong although every word of them is guessable.
  const userInputs = [...PRODUCT_WORDS, username, ...username.split(/[._-]+/), ...foldVietnamese(fullName).split(' ')];
  const inputs = userInputs.filter((w) => w.length >= 3);
  const weak = [
    { form: visible, least: MIN_GUESSES_LOG10 },
    { form: folded, least: MIN_GUESSES_LOG10 },
    { form: compact, least: MIN_GUESSES_LOG10_LETTERS_AND_DIGITS },
  ]
    .filter((f) => f.form.length > 0)
    .map((f) => ({ ...f, result: getEstimator().check(f.form, inputs) }))
    .filter((f) => f.result.guessesLog10 < f.least);
  if (!weak.length) return null;
  const fromList = weak.some((f) =>
    f.result.sequence.some((m) => m.pattern === 'dictionary' && PASSWORD_DICTIONARIES.has(String(m.dictionaryName))),
  );
  return fromList ? 'BREACHED' : 'TOO_SIMPLE';
}

const compactOf = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]/g, '');
