import { describe, expect, it } from 'vitest';
import { afterFailedSignIn, checkPassword, isLocked, sessionState } from './auth.rules.ts';

describe('checkPassword', () => {
  it.each([
    ['short1!', 'TOO_SHORT'],
    ['Đồng lúa quê hương', null], // a passphrase of 4 words
    ['aaaaaaaaaaaaaa', 'TOO_SIMPLE'],
    ['Password1234', 'BREACHED'],
    ['mật khẩu mới 123', 'BREACHED'], // folds to a listed one
    ['Mật khẩu mới của tôi', null],
    ['nguyenvan.an-2026x', 'CONTAINS_USERNAME'],
    ['Kh0ng-de-doan-2026', null],
  ])('%s → %s', (password, problem) => {
    expect(checkPassword(password, 'nguyenvan.an')).toBe(problem);
  });
});

describe('lockout', () => {
  const now = new Date('2026-03-01T08:00:00Z');
  it('counts failures and locks at the limit for the configured minutes', () => {
    expect(afterFailedSignIn(3, now, { maxFailures: 5, lockMinutes: 15 })).toEqual({
      failedSignIns: 4,
      lockedUntil: null,
    });
    const locked = afterFailedSignIn(4, now, { maxFailures: 5, lockMinutes: 15 });
    expect(locked.lockedUntil?.toISOString()).toBe('2026-03-01T08:15:00.000Z');
    expect(isLocked(locked.lockedUntil, now)).toBe(true);
    expect(isLocked(locked.lockedUntil, new Date('2026-03-01T08:15:01Z'))).toBe(false);
  });
});

describe('sessionState', () => {
  const base = {
    lastSeenAt: new Date('2026-03-01T08:00:00Z'),
    idleTimeoutSeconds: 900,
    expiresAt: new Date('2026-03-01T20:00:00Z'),
    revokedAt: null,
  };
  it.each([
    ['2026-03-01T08:14:00Z', 'active'],
    ['2026-03-01T08:16:00Z', 'idle_expired'],
    ['2026-03-01T20:00:00Z', 'expired'],
  ])('at %s → %s', (at, state) => {
    expect(sessionState(base, new Date(at))).toBe(state);
  });
  it('a revoked session stays revoked', () => {
    expect(sessionState({ ...base, revokedAt: new Date() }, new Date('2026-03-01T08:01:00Z'))).toBe('revoked');
  });
});
