import { describe, expect, it } from 'vitest';
import {
  accountGate,
  addressGate,
  isLocked,
  lockMinutesAfter,
  locksAfterFailure,
  sessionState,
  type Throttle,
} from './auth.rules.ts';

describe('lockout', () => {
  const now = new Date('2026-03-01T08:00:00Z');
  const policy = { maxFailures: 5, accountMaxFailures: 20, lockMinutes: 15 };
  const row = (attempts: number, extra: Partial<Throttle> = {}): Throttle => ({
    attempts,
    locks: 0,
    lockedUntil: null,
    lastSuccessAt: null,
    ...extra,
  });

  it('checks the first five attempts from an address and refuses the sixth, locking that address', () => {
    expect(addressGate(row(5), now, policy)).toEqual({ pass: true, lock: false });
    expect(addressGate(row(6), now, policy)).toEqual({ pass: false, lock: true });
    expect(locksAfterFailure(row(4), row(4), policy)).toEqual([]);
    expect(locksAfterFailure(row(5), row(5), policy)).toEqual(['address']);
  });

  it('checks no password while a lock holds, and again once it has ended', () => {
    const until = new Date('2026-03-01T08:10:00Z');
    expect(addressGate(row(1, { lockedUntil: until }), now, policy)).toEqual({ pass: false, lock: false });
    expect(isLocked({ lockedUntil: until }, new Date('2026-03-01T08:10:01Z'))).toBe(false);
  });

  it('locks the whole account for unknown addresses only: an address the person signed in from keeps working', () => {
    const known = row(1, { lastSuccessAt: new Date('2026-02-20T08:00:00Z') });
    const lockedAccount = row(21, { lockedUntil: new Date('2026-03-01T09:00:00Z') });
    expect(accountGate(row(1), row(20), now, policy)).toEqual({ pass: true, lock: false });
    expect(accountGate(row(1), row(21), now, policy)).toEqual({ pass: false, lock: true });
    expect(accountGate(row(1), lockedAccount, now, policy)).toEqual({ pass: false, lock: false });
    expect(accountGate(known, lockedAccount, now, policy).pass).toBe(true);
    // Trust fades: an address last used more than TRUSTED_ADDRESS_DAYS ago is unknown again.
    const old = row(1, { lastSuccessAt: new Date('2026-01-01T08:00:00Z') });
    expect(accountGate(old, lockedAccount, now, policy).pass).toBe(false);
  });

  it('makes each lock in a row twice as long, at most a day', () => {
    expect([0, 1, 2, 3, 6, 7, 50].map((n) => lockMinutesAfter(n, 15))).toEqual([15, 30, 60, 120, 960, 1440, 1440]);
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
