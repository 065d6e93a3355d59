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
