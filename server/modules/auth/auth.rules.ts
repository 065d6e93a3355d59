/**
 * Pure rules of signing in: lockout, session lifetime (the password policy: password-policy.ts).
 * Sources: TCVN 14423:2026 (RULES.md §7): lockout after 5 failed sign-ins, sessions lock
 * after 15 min for users and sooner for administrators.
 */
/** One row of sign_in_throttles: attempts counted for an account from one address, or from all ('*'). */
export interface Throttle {
  attempts: number;
  locks: number;
  lockedUntil: Date | null;
  lastSuccessAt: Date | null;
}

export interface LockoutPolicy {
  /** Attempts per account and address before that address is locked out of the account. */
  maxFailures: number;
  /** Attempts per account from all addresses before unknown addresses are locked out of it. */
  accountMaxFailures: number;
  /** The first lock's length; each further lock in a row lasts twice as long. */
  lockMinutes: number;
}

/** An address the person signed in from within this many days is theirs: the account-wide lock spares it. */
export const TRUSTED_ADDRESS_DAYS = 30;
const LONGEST_LOCK_MINUTES = 24 * 60;

export const isLocked = (t: Pick<Throttle, 'lockedUntil'>, now: Date) =>
  !!t.lockedUntil && t.lockedUntil.getTime() > now.getTime();

export const isTrustedAddress = (t: Pick<Throttle, 'lastSuccessAt'>, now: Date) =>
  !!t.lastSuccessAt && now.getTime() - t.lastSuccessAt.getTime() < TRUSTED_ADDRESS_DAYS * 86_400_000;

/** How long the next lock lasts: lockMinutes × 2^(locks so far), at most a day. */
export const lockMinutesAfter = (locks: number, lockMinutes: number) =>
  Math.min(lockMinutes * 2 ** Math.min(locks, 20), LONGEST_LOCK_MINUTES);

export type LockScope = 'address' | 'account';

/**
 * Decides, for an attempt already counted from its address (attempts include it), whether it
 * may go on; which lock to set when the count is past the limit and no lock holds yet.
 * Counting first is what makes parallel guesses safe: the (N+1)th attempt in flight sees N+1.
 */
export function addressGate(address: Throttle, now: Date, policy: LockoutPolicy): { pass: boolean; lock: boolean } {
  if (isLocked(address, now)) return { pass: false, lock: false };
  if (address.attempts > policy.maxFailures) return { pass: false, lock: true };
  return { pass: true, lock: false };
}

/**
 * The same for the account as a whole, for an attempt its address let through (so one address
 * alone cannot lock the account for everyone): addresses the person signed in from recently are
 * spared, so guessing from elsewhere never locks the real user out.
 */
export function accountGate(
  address: Throttle,
  account: Throttle,
  now: Date,
  policy: LockoutPolicy,
): { pass: boolean; lock: boolean } {
  if (isTrustedAddress(address, now)) return { pass: true, lock: false };
  if (isLocked(account, now)) return { pass: false, lock: false };
  if (account.attempts > policy.accountMaxFailures) return { pass: false, lock: true };
  return { pass: true, lock: false };
}

/** After a wrong password (checked under the gates above): the locks its counts reach. */
export function locksAfterFailure(address: Throttle, account: Throttle, policy: LockoutPolicy): LockScope[] {
  return [
    ...(address.attempts >= policy.maxFailures ? (['address'] as const) : []),
    ...(account.attempts >= policy.accountMaxFailures ? (['account'] as const) : []),
  ];
}

export type SessionState = 'active' | 'idle_expired' | 'expired' | 'revoked';

export function sessionState(
  s: { lastSeenAt: Date; idleTimeoutSeconds: number; expiresAt: Date; revokedAt: Date | null },
  now: Date,
): SessionState {
  if (s.revokedAt) return 'revoked';
  if (now.getTime() >= s.expiresAt.getTime()) return 'expired';
  if (now.getTime() - s.lastSeenAt.getTime() > s.idleTimeoutSeconds * 1000) return 'idle_expired';
  return 'active';
}

/** Touch last_seen_at at most once a minute: a write per request would halve read throughput. */
export const shouldTouchSession = (lastSeenAt: Date, now: Date) => now.getTime() - lastSeenAt.getTime() > 60_000;
