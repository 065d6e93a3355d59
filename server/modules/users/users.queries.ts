import type { ExpressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { compileOnce } from '../../platform/db/compiled-query.ts';
import type { Db } from '../../platform/db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../platform/access.ts';
import { isSignInLocked } from '../auth/index.ts';

/** The user's grants with their org unit, as a JSON array in the same row (no N+1). */
type UsersAsU = DB & { u: DB['users'] };
const grantsOf = (eb: ExpressionBuilder<UsersAsU, 'u'>) =>
  jsonArrayFrom(
    eb
      .selectFrom('roleGrants as g')
      .innerJoin('orgUnits as go', 'go.id', 'g.orgUnitId')
      .select([
        'g.id',
        'g.role',
        'g.orgUnitId',
        'go.code as orgUnitCode',
        'go.fullName as orgUnitName',
        'go.kind as orgKind',
        'g.provinceId',
        'g.communeId',
      ])
      .whereRef('g.userId', '=', 'u.id')
      .orderBy('g.createdAt'),
  ).as('grants');

// Compiled once: read on every view of a person and on every write to one.
const userById = compileOnce((db: Db, id: string) =>
  db
    .selectFrom('users as u')
    .innerJoin('orgUnits as o', 'o.id', 'u.orgUnitId')
    .select([
      'u.id',
      'u.username',
      'u.fullName',
      'u.email',
      'u.phone',
      'u.orgUnitId',
      'o.fullName as orgUnitName',
      'o.path as orgPath',
      'u.isDisabled',
      isSignInLocked('u.id').as('isLocked'),
      'u.mustChangePassword',
      'u.lastSignInAt',
      'u.provinceId',
      'u.communeId',
    ])
    .select((eb) => grantsOf(eb as unknown as ExpressionBuilder<UsersAsU, 'u'>))
    .where('u.id', '=', id),
);

export async function findUser(db: Db, id: string) {
  return (await userById(db, id))[0];
}
export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

/** Users inside a scope, keyset-paged by username. */
export function listUsers(db: Db, scope: Scope, f: { underPath?: string; q?: string; after?: string; limit: number }) {
  let q = db
    .selectFrom('users as u')
    .innerJoin('orgUnits as o', 'o.id', 'u.orgUnitId')
    .select([
      'u.id',
      'u.username',
      'u.fullName',
      'u.email',
      'u.phone',
      'u.orgUnitId',
      'o.fullName as orgUnitName',
      'o.path as orgPath',
      'u.isDisabled',
      isSignInLocked('u.id').as('isLocked'),
      'u.mustChangePassword',
      'u.lastSignInAt',
      'u.provinceId',
      'u.communeId',
    ])
    .select((eb) => grantsOf(eb as unknown as ExpressionBuilder<UsersAsU, 'u'>))
    .orderBy('u.username')
    .limit(f.limit + 1);
  if (!scope.all) {
    q = q.where((eb) =>
      eb.or([
        ...(scope.provinceIds.length ? [eb('u.provinceId', 'in', scope.provinceIds)] : []),
        ...(scope.communeIds.length ? [eb('u.communeId', 'in', scope.communeIds)] : []),
        ...(scope.unitIds.length ? [eb('u.orgUnitId', 'in', scope.unitIds)] : []),
        eb.val(false),
      ]),
    );
  }
  if (f.underPath) q = q.where('o.path', 'like', `${f.underPath}%`);
  if (f.after) q = q.where('u.username', '>', f.after);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('u.username', 'ilike', like),
        eb(eb.fn('f_unaccent', ['u.fullName']), 'ilike', eb.fn('f_unaccent', [eb.val(like)])),
      ]),
    );
  }
  return q.execute();
}
