/**
 * Statement reuse: names for hot statements (auto-prepare.ts), and queries compiled once
 * (compiled-query.ts) — on the suite's database, PGlite or PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-app.ts';
import { StatementNames } from './auto-prepare.ts';
import { compileOnce } from './compiled-query.ts';
import type { Database, Db } from './database.ts';

describe('statement names', () => {
  it('names a text from its third run on, the same name every time', () => {
    const names = new StatementNames({ minUses: 3, maxNamed: 10 });
    expect(names.nameOf('select 1')).toBeUndefined();
    expect(names.nameOf('select 1')).toBeUndefined();
    const name = names.nameOf('select 1');
    expect(name).toMatch(/^xaso_\d+$/);
    expect(names.nameOf('select 1')).toBe(name);
    expect(names.nameOf('select 2')).toBeUndefined();
  });

  it('names no more texts than its cap; the rest run unnamed', () => {
    const names = new StatementNames({ minUses: 1, maxNamed: 2 });
    expect(names.nameOf('a')).toBeDefined();
    expect(names.nameOf('b')).toBeDefined();
    expect(names.nameOf('c')).toBeUndefined();
    expect(names.nameOf('c')).toBeUndefined();
    expect(names.namedCount).toBe(2);
    expect(new Set([names.nameOf('a'), names.nameOf('b')]).size).toBe(2);
  });

  it('gives a text a new name when its plan went stale, and none to a text never named', () => {
    const names = new StatementNames({ minUses: 1, maxNamed: 5 });
    const old = names.nameOf('select * from t');
    const renewed = names.renew('select * from t');
    expect(renewed).toBeDefined();
    expect(renewed).not.toBe(old);
    expect(names.nameOf('select * from t')).toBe(renewed);
    expect(names.nameOf('select 2')).not.toBe(renewed);
    expect(names.renew('select 3')).toBeUndefined();
  });
});

describe('on the database', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  const unitByCode = compileOnce((db: Db, code: string, kind: 'commune' | 'province') =>
    db.selectFrom('orgUnits').select(['id', 'code', 'fullName']).where('code', '=', code).where('kind', '=', kind),
  );

  it('a query compiled once answers each call with that call’s values, as the builder does', async () => {
    for (const [code, kind] of [
      ['11824', 'commune'],
      ['31', 'province'],
      ['05800', 'commune'],
    ] as const) {
      const built = await database.db
        .selectFrom('orgUnits')
        .select(['id', 'code', 'fullName'])
        .where('code', '=', code)
        .where('kind', '=', kind)
        .execute();
      expect(built).toHaveLength(1);
      expect(await unitByCode(database.db, code, kind)).toEqual(built);
    }
    expect(await unitByCode(database.db, '11824', 'province')).toEqual([]);
    // Inside a transaction too.
    await database.db.transaction().execute(async (tx) => {
      expect((await unitByCode(tx, '31', 'province'))[0].fullName).toBe('Thành phố Hải Phòng');
    });
  });

  it('refuses a query whose argument does not come back as one parameter', async () => {
    const twice = compileOnce((db: Db, code: string) =>
      db.selectFrom('orgUnits').select('id').where('code', '=', code).where('name', '=', code),
    );
    await expect(twice(database.db, '31')).rejects.toThrow(/argument 0 must appear exactly once/);
    const list = compileOnce((db: Db, codes: string[]) =>
      db.selectFrom('orgUnits').select('id').where('code', 'in', codes),
    );
    await expect(list(database.db, ['31', '01'])).rejects.toThrow(/argument 0/);
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)(
    'PostgreSQL keeps a statement run three times as a prepared statement of the connection',
    async () => {
      await database.db.connection().execute(async (conn) => {
        for (let i = 0; i < 4; i++) await conn.selectFrom('orgUnits').select('id').where('code', '=', '31').execute();
        const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(conn);
        expect(prepared.rows.some((r) => /from "org_units" where "code" = \$1/.test(r.statement))).toBe(true);
      });
    },
  );
});
