/**
 * Pure rules of signing in: password policy, lockout, session lifetime.
 * Sources: TCVN 14423:2026 (RULES.md §7): lockout after 5 failed sign-ins, sessions lock
 * after 15 min for users and sooner for administrators, passwords ≥ 14 characters without
 * MFA (we ask ≥ 12, or a passphrase of 4+ words, and refuse known-breached ones).
 */
import { foldVietnamese } from '../../platform/text.ts';
import { BREACHED_PASSWORDS } from './breached-passwords.ts';

export const MIN_PASSWORD_LENGTH = 12;

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'CONTAINS_USERNAME' | 'TOO_SIMPLE' | 'BREACHED';

export function checkPassword(password: string, username: string): PasswordProblem | null {
  if ([...password].length > 256) return 'TOO_LONG';
  const words = password
    .trim()
    .split(/\s+/)
    .filter((w) => w.length >= 2);
  const isPassphrase = words.length >= 4 && password.length >= 16;
  if (password.length < MIN_PASSWORD_LENGTH && !isPassphrase) return 'TOO_SHORT';
  const folded = foldVietnamese(password);
  if (username.length >= 3 && folded.includes(foldVietnamese(username))) return 'CONTAINS_USERNAME';
  if (new Set(folded.replace(/\s/g, '')).size < 4) return 'TOO_SIMPLE';
  if (BREACHED_PASSWORDS.has(folded) || BREACHED_PASSWORDS.has(folded.replace(/[^a-z0-9]/g, ''))) return 'BREACHED';
  return null;
}

export const passwordProblemMessage: Record<PasswordProblem, string> = {
  TOO_SHORT: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự, hoặc là một cụm từ gồm 4 từ trở lên.`,
  TOO_LONG: 'Mật khẩu quá dài (tối đa 256 ký tự).',
  CONTAINS_USERNAME: 'Mật khẩu không được chứa tên đăng nhập.',
  TOO_SIMPLE: 'Mật khẩu quá đơn giản (quá ít ký tự khác nhau).',
  BREACHED: 'Mật khẩu này nằm trong danh sách mật khẩu đã bị lộ; hãy chọn mật khẩu khác.',
};

/** After a failed sign-in: the new failure count and, at the limit, when the lock ends. */
export function afterFailedSignIn(
  failures: number,
  now: Date,
  opts: { maxFailures: number; lockMinutes: number },
): { failedSignIns: number; lockedUntil: Date | null } {
  const count = failures + 1;
  if (count >= opts.maxFailures) {
    return { failedSignIns: 0, lockedUntil: new Date(now.getTime() + opts.lockMinutes * 60_000) };
  }
  return { failedSignIns: count, lockedUntil: null };
}

export const isLocked = (lockedUntil: Date | null, now: Date) => !!lockedUntil && lockedUntil.getTime() > now.getTime();

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
