import { sql } from 'kysely';
import { ADMIN_ROLES, grantableRoles, requireActor, rolePermissions, type Actor } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { hashPassword, randomToken, sha256, verifyPassword } from '../../platform/passwords.ts';
import type { ChangePasswordBody, CurrentUser, SessionView, SignInBody } from './auth.contract.ts';
import * as q from './auth.queries.ts';
import { cacheSession, getCachedSession, sessionGeneration } from './session-cache.ts';
import { sessionsChanged } from './session-fanout.ts';
import {
  accountGate,
  addressGate,
  locksAfterFailure,
  sessionState,
  shouldTouchSession,
  type LockoutPolicy,
  type LockScope,
} from './auth.rules.ts';
import { checkPassword, passwordProblemMessage } from './password-policy.ts';

/** One answer for a wrong password, an unknown username and a locked-out attempt (no account enumeration). */
const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', 'unauthenticated', 'Tên đăng nhập hoặc mật khẩu không đúng.');
const timeOf = (d: Date) =>
  `${d.toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' })} ngày ${d.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}`;

export async function currentUserView(ctx: Ctx, userId: string): Promise<CurrentUser> {
  const user = await ctx.db
    .selectFrom('users as u')
    .innerJoin('orgUnits as o', 'o.id', 'u.orgUnitId')
    .select([
      'u.id',
      'u.username',
      'u.fullName',
      'u.email',
      'u.phone',
      'u.mustChangePassword',
      'u.orgUnitId',
      'o.fullName as orgUnitName',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  const grants = await q.listGrantsOfUser(ctx.db, userId);
  const capabilities = [...new Set(grants.flatMap((g) => rolePermissions[g.role]))].sort();
  return {
    ...user,
    grantableRoles: grantableRoles({
      userId,
      username: user.username,
      fullName: user.fullName,
      grants,
      sessionId: null,
    }),
    grants: grants.map((g) => ({
      id: g.id,
      role: g.role,
      orgUnitId: g.orgUnitId,
      orgUnitCode: g.orgUnitCode,
      orgUnitName: g.orgUnitName,
      orgKind: g.orgKind,
    })),
    capabilities,
  };
}

/** Opens a new session for a user who has proven who they are; returns the cookie token. */
export async function openSession(
  ctx: Ctx,
  userId: string,
  userAgent: string | null,
): Promise<{ token: string; csrfToken: string }> {
  const grants = await q.listGrantsOfUser(ctx.db, userId);
  const isAdmin = grants.some((g) => ADMIN_ROLES.includes(g.role));
  const idleMinutes = isAdmin
    ? Math.min(ctx.config.adminSessionIdleMinutes, ctx.config.sessionIdleMinutes)
    : ctx.config.sessionIdleMinutes;
  const token = randomToken();
  const csrfToken = randomToken(24);
  await q.insertSession(ctx.db, {
    id: sha256(token),
    userId,
    csrfToken,
    idleTimeoutSeconds: idleMinutes * 60,
    expiresAt: new Date(Date.now() + ctx.config.sessionMaxHours * 3_600_000),
    ip: ctx.ip,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

/** Lockout settings from the configuration (auth.rules.ts). */
const lockoutPolicy = (ctx: Ctx): LockoutPolicy => ({
  maxFailures: ctx.config.signInMaxFailures,
  accountMaxFailures: ctx.config.signInAccountMaxFailures,
  lockMinutes: ctx.config.signInLockMinutes,
});

/**
 * Checks a username and password. Every attempt on an existing account is first counted in the
 * database (one statement per attempt, parallel ones serialised by its row locks); only an
 * attempt the count allows has its password checked. A locked-out attempt, a wrong password and
 * an unknown username answer alike — the same error, after one password verification's time —
 * so the answer tells nobody whether an account exists or is locked.
 */
export async function signIn(
  ctx: Ctx,
  body: SignInBody,
  meta: { previousToken?: string; userAgent: string | null },
): Promise<{ token: string; view: SessionView }> {
  const now = new Date();
  const user = await q.findUserByUsername(ctx.db, body.username);
  if (!user) {
    await verifyPassword(null, body.password);
    await audit(ctx, {
      action: 'auth.sign_in_failed',
      recordType: 'user',
      summary: `Đăng nhập thất bại: không có tài khoản "${body.username.slice(0, 60)}"`,
      actorId: null,
      actorName: body.username.slice(0, 60),
    });
    throw invalidCredentials();
  }
  const address = ctx.ip ?? 'unknown';
  const policy = lockoutPolicy(ctx);
  const who = {
    recordType: 'user',
    recordId: user.id,
    actorId: user.id,
    actorName: user.fullName,
    provinceId: user.provinceId,
    communeId: user.communeId,
  };
  const lock = async (scope: LockScope) => {
    const key = scope === 'address' ? address : q.WHOLE_ACCOUNT;
    const until = await q.lockSignIns(ctx.db, user.id, key, policy.lockMinutes);
    if (!until) return; // another attempt set it first
    await audit(ctx, {
      action: 'auth.account_locked',
      ...who,
      summary:
        scope === 'address'
          ? `Tạm khóa đăng nhập tài khoản ${user.username} từ địa chỉ ${address} đến ${timeOf(until)} sau nhiều lần sai`
          : `Tạm khóa đăng nhập tài khoản ${user.username} từ các địa chỉ chưa từng đăng nhập, đến ${timeOf(until)}, sau nhiều lần sai`,
      changes: { address: key, lockedUntil: until.toISOString() },
    });
  };
  const refuse = async (scope: LockScope | null) => {
    // No password is checked while locked; a dummy verification keeps the answer's timing.
    await verifyPassword(null, body.password);
    if (scope) await lock(scope);
    await audit(ctx, {
      action: 'auth.sign_in_blocked',
      ...who,
      summary: `Từ chối đăng nhập ${user.username} từ ${address}: đang tạm khóa, mật khẩu không được kiểm tra`,
    });
    return invalidCredentials();
  };
  // Counted before the password is checked: first for this address, then for the whole account.
  const fromAddress = await q.countSignInAttempt(ctx.db, user, address);
  const byAddress = addressGate(fromAddress, now, policy);
  if (!byAddress.pass) throw await refuse(byAddress.lock ? 'address' : null);
  const onAccount = await q.countSignInAttempt(ctx.db, user, q.WHOLE_ACCOUNT);
  const byAccount = accountGate(fromAddress, onAccount, now, policy);
  if (!byAccount.pass) throw await refuse(byAccount.lock ? 'account' : null);
  const ok = await verifyPassword(user.passwordHash, body.password);
  if (!ok) {
    await audit(ctx, { action: 'auth.sign_in_failed', ...who, summary: `Đăng nhập sai mật khẩu: ${user.username}` });
    for (const scope of locksAfterFailure(fromAddress, onAccount, policy)) await lock(scope);
    throw invalidCredentials();
  }
  if (user.isDisabled)
    throw new AppError('ACCOUNT_DISABLED', 'forbidden', 'Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị viên.');
  const signedIn = await inTransaction(ctx, async (tx) => {
    // A new session id at every sign-in (no session fixation); the old one, if any, ends.
    if (meta.previousToken) await q.revokeSession(tx.db, sha256(meta.previousToken));
    await tx.db
      .updateTable('users')
      .set({ lastSignInAt: sql`now()` })
      .where('id', '=', user.id)
      .execute();
    await q.clearSignInThrottles(tx.db, user.id, address);
    const { token, csrfToken } = await openSession(tx, user.id, meta.userAgent);
    await audit(tx, {
      action: 'auth.sign_in',
      recordType: 'user',
      recordId: user.id,
      summary: `Đăng nhập: ${user.username}`,
      actorId: user.id,
      actorName: user.fullName,
      provinceId: user.provinceId,
      communeId: user.communeId,
    });
    return { token, view: { user: await currentUserView(tx, user.id), csrfToken } };
  });
  if (meta.previousToken) await sessionsChanged(ctx, { sessionId: sha256(meta.previousToken) });
  return signedIn;
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

/** The actor behind a session token, or why there is none. Touches the session when due. */
export async function resolveSession(ctx: Ctx, token: string): Promise<ResolvedSession | 'expired' | null> {
  const sessionId = sha256(token);
  const now = new Date();
  const readAt = sessionGeneration();
  const cached = getCachedSession(sessionId, now.getTime());
  if (cached) {
    const state = sessionState(
      {
        lastSeenAt: cached.lastSeenAt,
        idleTimeoutSeconds: cached.idleTimeoutSeconds,
        expiresAt: cached.expiresAt,
        revokedAt: null,
      },
      now,
    );
    if (state === 'active' && !shouldTouchSession(cached.lastSeenAt, now)) return cached.value;
  }
  const row = await q.findSessionWithUser(ctx.db, sessionId);
  if (!row || row.isDisabled) return null;
  const state = sessionState(row, now);
  if (state === 'revoked') return null;
  if (state !== 'active') {
    await q.revokeSession(ctx.db, row.sessionId);
    return 'expired';
  }
  let lastSeenAt = row.lastSeenAt;
  if (shouldTouchSession(row.lastSeenAt, now)) {
    await q.touchSession(ctx.db, row.sessionId);
    lastSeenAt = now;
  }
  const value = {
    actor: {
      userId: row.userId,
      username: row.username,
      fullName: row.fullName,
      grants: row.grants,
      sessionId: row.sessionId,
      mustChangePassword: row.mustChangePassword,
    },
    csrfToken: row.csrfToken,
  };
  cacheSession(
    sessionId,
    {
      value,
      fetchedAt: now.getTime(),
      lastSeenAt,
      idleTimeoutSeconds: row.idleTimeoutSeconds,
      expiresAt: row.expiresAt,
    },
    readAt,
  );
  return value;
}

export async function signOut(ctx: Ctx): Promise<void> {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    if (actor.sessionId) await q.revokeSession(tx.db, actor.sessionId);
    await audit(tx, {
      action: 'auth.sign_out',
      recordType: 'user',
      recordId: actor.userId,
      summary: `Đăng xuất: ${actor.username}`,
    });
  });
  if (actor.sessionId) await sessionsChanged(ctx, { sessionId: actor.sessionId });
}

export async function signOutEverywhere(ctx: Ctx): Promise<number> {
  const actor = requireActor(ctx);
  const ended = await inTransaction(ctx, async (tx) => {
    const n = await q.revokeSessionsOfUser(tx.db, actor.userId);
    await audit(tx, {
      action: 'auth.sign_out_everywhere',
      recordType: 'user',
      recordId: actor.userId,
      summary: `Đăng xuất khỏi mọi thiết bị (${n} phiên)`,
    });
    return n;
  });
  await sessionsChanged(ctx, { userId: actor.userId });
  return ended;
}

export function assertAcceptablePassword(password: string, username: string, fullName = '') {
  const problem = checkPassword(password, username, fullName);
  if (problem) {
    throw new AppError(`PASSWORD_${problem}`, 'invalid', passwordProblemMessage[problem], {
      fields: [{ path: 'body.newPassword', message: passwordProblemMessage[problem] }],
    });
  }
}

export async function changePassword(ctx: Ctx, body: ChangePasswordBody): Promise<void> {
  const actor = requireActor(ctx);
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
    throw new AppError('WRONG_CURRENT_PASSWORD', 'invalid', 'Mật khẩu hiện tại không đúng.', {
      fields: [{ path: 'body.currentPassword', message: 'Mật khẩu hiện tại không đúng.' }],
    });
  }
  if (body.newPassword === body.currentPassword) {
    throw new AppError('PASSWORD_UNCHANGED', 'invalid', 'Mật khẩu mới phải khác mật khẩu hiện tại.');
  }
  assertAcceptablePassword(body.newPassword, user.username, user.fullName);
  const hash = await hashPassword(body.newPassword);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('users')
      .set({ passwordHash: hash, mustChangePassword: false, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where('id', '=', user.id)
      .execute();
    // Other devices must sign in again with the new password.
    await q.revokeSessionsOfUser(tx.db, user.id, actor.sessionId ?? undefined);
    await audit(tx, {
      action: 'auth.password_changed',
      recordType: 'user',
      recordId: user.id,
      summary: `Đổi mật khẩu: ${user.username}`,
      provinceId: user.provinceId,
      communeId: user.communeId,
    });
  });
  // Also this session: it no longer carries a temporary password.
  await sessionsChanged(ctx, { userId: user.id });
}
