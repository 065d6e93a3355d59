import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../platform/db/database.ts';
import type { Grant } from '../../platform/access.ts';
import type { OrgKind, Role } from '../../platform/platform.tables.ts';

export function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserByOidcSubject(db: Db, issuer: string, subject: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('oidcIssuer', '=', issuer)
    .where('oidcSubject', '=', subject)
    .executeTakeFirst();
}

export interface GrantRow extends Grant {
  orgUnitCode: string;
  orgUnitName: string;
}

export async function listGrantsOfUser(db: Db, userId: string): Promise<GrantRow[]> {
  const rows = await db
    .selectFrom('roleGrants as g')
    .innerJoin('orgUnits as o', 'o.id', 'g.orgUnitId')
    .select([
      'g.id',
      'g.role',
      'g.orgUnitId',
      'o.kind as orgKind',
      'g.provinceId',
      'g.communeId',
      'o.code as orgUnitCode',
      'o.fullName as orgUnitName',
    ])
    .where('g.userId', '=', userId)
    .orderBy('g.createdAt')
    .execute();
  return rows.map((r) => ({ ...r, role: r.role as Role, orgKind: r.orgKind as OrgKind }));
}

/** The session, its user and the user's grants in one round trip (every request runs it). */
export async function findSessionWithUser(db: Db, sessionId: string) {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .select([
      's.id as sessionId',
      's.csrfToken',
      's.lastSeenAt',
      's.idleTimeoutSeconds',
      's.expiresAt',
      's.revokedAt',
      'u.id as userId',
      'u.username',
      'u.fullName',
      'u.isDisabled',
      'u.mustChangePassword',
    ])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('roleGrants as g')
          .innerJoin('orgUnits as o', 'o.id', 'g.orgUnitId')
          .select(['g.id', 'g.role', 'g.orgUnitId', 'o.kind as orgKind', 'g.provinceId', 'g.communeId'])
          .whereRef('g.userId', '=', 'u.id'),
      ).as('grants'),
    )
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...row,
    lastSeenAt: new Date(row.lastSeenAt),
    expiresAt: new Date(row.expiresAt),
    revokedAt: row.revokedAt ? new Date(row.revokedAt) : null,
    grants: row.grants as unknown as Grant[],
  };
}

export async function insertSession(
  db: Db,
  s: {
    id: string;
    userId: string;
    csrfToken: string;
    idleTimeoutSeconds: number;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
) {
  await db.insertInto('sessions').values(s).execute();
}

export async function touchSession(db: Db, sessionId: string) {
  await db
    .updateTable('sessions')
    .set({ lastSeenAt: sql`now()` })
    .where('id', '=', sessionId)
    .execute();
}

export async function revokeSession(db: Db, sessionId: string) {
  await db
    .updateTable('sessions')
    .set({ revokedAt: sql`now()` })
    .where('id', '=', sessionId)
    .where('revokedAt', 'is', null)
    .execute();
}

/** Ends every live session of a user (except one, when given); returns how many ended. */
export async function revokeSessionsOfUser(db: Db, userId: string, exceptSessionId?: string) {
  let q = db
    .updateTable('sessions')
    .set({ revokedAt: sql`now()` })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0);
}

// ——— Sign-in throttles (migration 0012) ———

/** The row key of the whole account, beside one row per client address. */
export const WHOLE_ACCOUNT = '*';

const throttleOf = (r: {
  address: string;
  attempts: number;
  locks: number;
  lockedUntil: Date | string | null;
  lastSuccessAt: Date | string | null;
}) => ({
  address: r.address,
  attempts: Number(r.attempts),
  locks: Number(r.locks),
  lockedUntil: r.lockedUntil ? new Date(r.lockedUntil) : null,
  lastSuccessAt: r.lastSuccessAt ? new Date(r.lastSuccessAt) : null,
});

/**
 * Counts one sign-in attempt for the account from an address (or, with WHOLE_ACCOUNT, for the
 * account as a whole) in one statement, before any password is checked; answers the row as it
 * now is. The row is locked while updated, so parallel attempts each see their own count. A lock
 * that has ended starts the count again (`locks` stays: the next lock lasts longer).
 */
export async function countSignInAttempt(
  db: Db,
  user: { id: string; provinceId: string | null; communeId: string | null },
  address: string,
) {
  const row = await db
    .insertInto('signInThrottles')
    .values({ userId: user.id, address, provinceId: user.provinceId, communeId: user.communeId, attempts: 1 })
    .onConflict((oc) =>
      oc.columns(['userId', 'address']).doUpdateSet({
        attempts: sql`case when sign_in_throttles.locked_until <= now() then 1 else sign_in_throttles.attempts + 1 end`,
        lockedUntil: sql`case when sign_in_throttles.locked_until <= now() then null else sign_in_throttles.locked_until end`,
        lastAttemptAt: sql`now()`,
      }),
    )
    .returning(['address', 'attempts', 'locks', 'lockedUntil', 'lastSuccessAt'])
    .executeTakeFirstOrThrow();
  return throttleOf(row);
}

/**
 * Locks the account for one address (or, with WHOLE_ACCOUNT, for unknown addresses) unless a lock
 * holds already: lockMinutes × 2^locks, at most a day. Answers the end of the new lock, or
 * undefined when another attempt set it first (so the lock is audited once).
 */
export async function lockSignIns(db: Db, userId: string, address: string, lockMinutes: number) {
  const row = await db
    .updateTable('signInThrottles')
    .set({
      lockedUntil: sql`now() + least(${lockMinutes}::int * power(2, least(locks, 20)), 1440) * interval '1 minute'`,
      locks: sql`locks + 1`,
    })
    .where('userId', '=', userId)
    .where('address', '=', address)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', sql<Date>`now()`)]))
    .returning('lockedUntil')
    .executeTakeFirst();
  return row?.lockedUntil ? new Date(row.lockedUntil) : undefined;
}

/** A right password: this address becomes trusted, and the counts and locks of the account start again. */
export async function clearSignInThrottles(db: Db, userId: string, address: string) {
  await db
    .updateTable('signInThrottles')
    .set({
      attempts: 0,
      locks: 0,
      lockedUntil: null,
      lastSuccessAt: sql`case when address = ${address} then now() else last_success_at end`,
    })
    .where('userId', '=', userId)
    .where('address', 'in', [address, WHOLE_ACCOUNT])
    .execute();
}

/** An administrator's unlock, or a password reset: every address of the account may try again. */
export async function unlockSignIns(db: Db, userId: string) {
  await db
    .updateTable('signInThrottles')
    .set({ attempts: 0, locks: 0, lockedUntil: null })
    .where('userId', '=', userId)
    .execute();
}

/** Whether some address — or the whole account — is locked out of the user's account now (for the users pages). */
export const isSignInLocked = (userIdRef: string) =>
  sql<boolean>`exists (select 1 from sign_in_throttles st where st.user_id = ${sql.ref(userIdRef)} and st.locked_until > now())`;

/** Whether some address, or the whole account, is locked out of this account now. */
export async function hasSignInLock(db: Db, userId: string) {
  const row = await db
    .selectFrom('signInThrottles')
    .select('userId')
    .where('userId', '=', userId)
    .where('lockedUntil', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return !!row;
}

/**
 * Stores a new unlock code for the person unless one issued in the last `resendAfterMinutes` is
 * still valid (so asking again and again does not flood their mailbox); answers whether it did.
 */
export async function issueUnlockCode(
  db: Db,
  user: { id: string; provinceId: string | null; communeId: string | null },
  codeHash: string,
  opts: { validMinutes: number; resendAfterMinutes: number },
) {
  const row = await db
    .insertInto('signInUnlockCodes')
    .values({
      userId: user.id,
      codeHash,
      expiresAt: sql<Date>`now() + ${opts.validMinutes}::int * interval '1 minute'`,
      provinceId: user.provinceId,
      communeId: user.communeId,
    })
    .onConflict((oc) =>
      oc
        .column('userId')
        .doUpdateSet({ codeHash, expiresAt: sql`excluded.expires_at`, tries: 0, createdAt: sql`now()` })
        .where(({ eb, ref }) =>
          eb.or([
            eb(ref('signInUnlockCodes.expiresAt'), '<=', sql<Date>`now()`),
            eb(ref('signInUnlockCodes.tries'), '>=', 5),
            eb(
              ref('signInUnlockCodes.createdAt'),
              '<=',
              sql<Date>`now() - ${opts.resendAfterMinutes}::int * interval '1 minute'`,
            ),
          ]),
        ),
    )
    .returning('userId')
    .executeTakeFirst();
  return !!row;
}

/**
 * Spends the person's unlock code if this is it (valid, fewer than five wrong tries): one
 * statement, so a code works once. A wrong code counts a try. Answers whether it was right.
 */
export async function spendUnlockCode(db: Db, userId: string, codeHash: string) {
  const spent = await db
    .deleteFrom('signInUnlockCodes')
    .where('userId', '=', userId)
    .where('codeHash', '=', codeHash)
    .where('expiresAt', '>', sql<Date>`now()`)
    .where('tries', '<', 5)
    .returning('userId')
    .executeTakeFirst();
  if (spent) return true;
  await db
    .updateTable('signInUnlockCodes')
    .set({ tries: sql`tries + 1` })
    .where('userId', '=', userId)
    .execute();
  return false;
}
