import { describe, expect, it } from 'vitest';
import { checkPassword, visibleLength } from './password-policy.ts';

describe('checkPassword', () => {
  it.each([
    ['short1!', 'TOO_SHORT'],
    ['Đồng lúa quê hương tôi', null], // a Vietnamese passphrase
    ['aaaaaaaaaaaaaa', 'TOO_SIMPLE'],
    ['Password1234', 'BREACHED'],
    ['mật khẩu mới 123', 'BREACHED'], // folds to a listed one
    ['Mật khẩu mới của tôi', null],
    ['nguyenvan.an-2026x', 'CONTAINS_USERNAME'],
    ['Kh0ng-de-doan-2026', null],
    ['Lúa chín vàng đồng quê 2026', null],
    ['Kiem thu trinh duyet 2026', null], // the browser tests' password
    ['ruộng lúa xanh mướt ven đê', null], // the browser test's new officer
  ])('%s → %s', (password, problem) => {
    expect(checkPassword(password, 'nguyenvan.an')).toBe(problem);
  });

  // Issue 22, finding 10: each of these was accepted.
  it.each([
    ['abcdabcdabcd', 'a repeated pattern'],
    ['a   b   c   d   ', 'four letters padded with spaces'],
    ['\u200bA\u200bb\u200b1\u200b!\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b', 'zero-width characters'],
    ['Ab1!\u2060\u2060\u2060\u2060\u2060\u2060\u2060\u2060\u2060', 'word joiners'],
    ['XaSo@Demo2026', 'the published demo password'],
    ['xaso@demo2026', 'the demo password in lower case'],
    ['XaSo@Demo2027', 'a variant of the demo password'],
    ['qwertyuiop123', 'a keyboard row'],
    ['iloveyou2026!', 'a common phrase and a year'],
    ['Anhyeuem1234!', 'a Vietnamese favourite'],
    ['matkhau123456', 'mật khẩu + digits'],
    ['P@ssw0rd2024!', 'a l33t password'],
  ])('refuses %j (%s)', (password) => {
    expect(checkPassword(password, 'nguyenvan.an')).not.toBeNull();
  });

  it('names why: too short when invisible characters make up the length, breached for the demo password', () => {
    expect(checkPassword('Ab1!\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b', 'x.y')).toBe('TOO_SHORT');
    expect(checkPassword('a   b   c   d   ', 'x.y')).toBe('TOO_SHORT');
    expect(checkPassword('XaSo@Demo2026', 'x.y')).toBe('BREACHED');
    expect(checkPassword('abcdabcdabcd', 'x.y')).toBe('TOO_SIMPLE');
  });

  it("refuses the person's own name", () => {
    expect(checkPassword('Nguyen Van Hung 1975!', 'vinhbao.chutich', 'Nguyễn Văn Hùng')).not.toBeNull();
  });
});

describe('visibleLength', () => {
  it('counts what a person sees: NFC letters once, no invisible characters, a run of spaces once', () => {
    expect(visibleLength('Việt Nam')).toBe(8);
    expect(visibleLength('Vie\u0302\u0323t Nam')).toBe(8); // decomposed ệ
    expect(visibleLength('a\u200b\u200c\u200d\ufeffb')).toBe(2);
    expect(visibleLength('a     b')).toBe(3);
    expect(visibleLength('  ab  ')).toBe(2);
  });
});
