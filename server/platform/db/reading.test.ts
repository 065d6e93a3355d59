/**
 * Readings run together (reading.ts) answer as each run alone would, in the order given, inside
 * a transaction too; and a transaction's BEGIN travelling with its first statement (PGlite's
 * dialect) keeps transactions what they were.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-app.ts';
import type { Database } from './database.ts';
import { reading, together } from './reading.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;
let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  await database.runScript(`create table reading_probe (id int primary key, village text not null)`);
});
afterAll(async () => {
  await database.close();
  await drop();
});

describe(`readings together on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('answer as each reading alone, beside promises and plain values, in the order given', async () => {
    const db = database.db;
    const province = () => reading(db, db.selectFrom('orgUnits').select(['code', 'fullName']).where('code', '=', '31'));
    const count = () =>
      reading(
        db,
        sql<{ n: number }>`select count(*)::int as n from org_units where kind = ${'province'}`,
        (rows) => rows[0].n,
      );
    const [a, b, c, d] = await together([province(), count(), Promise.resolve('lời hứa'), 7]);
    expect(a).toEqual(await province());
    expect(a).toEqual([{ code: '31', fullName: 'Thành phố Hải Phòng' }]);
    expect(b).toBe(34);
    expect(c).toBe('lời hứa');
    expect(d).toBe(7);
    // A reading already awaited keeps its answer.
    const once = count();
    expect(await once).toBe(34);
    expect(await together([once, count()])).toEqual([34, 34]);
  });

  it('inside a transaction run in order — a read sees the write before it — and an error rolls all back', async () => {
    await database.db.transaction().execute(async (tx) => {
      const [, rows] = await together([
        reading(tx, tx.insertInto('readingProbe' as never).values({ id: 1, village: 'Thôn Đông' } as never)),
        reading(tx, sql<{ village: string }>`select village from reading_probe where id = 1`),
      ]);
      expect(rows).toEqual([{ village: 'Thôn Đông' }]);
    });
    const failed = await database.db
      .transaction()
      .execute(async (tx) => {
        await together([
          reading(tx, sql`insert into reading_probe values (2, 'Thôn Tây')`),
          reading(tx, sql`insert into reading_probe values (1, 'Thôn Đông lần hai')`), // the key is taken
          reading(tx, sql`insert into reading_probe values (3, 'Thôn Nam')`),
        ]);
      })
      .catch((e: { code?: string }) => e.code);
    expect(failed).toBe('23505');
    const left = await sql<{ id: number }>`select id from reading_probe order by id`.execute(database.db);
    expect(left.rows).toEqual([{ id: 1 }]);
  });

  it('transactions begin with their first statement: empty, failing at once, and with an isolation level', async () => {
    expect(await database.db.transaction().execute(async () => 'không làm gì')).toBe('không làm gì');
    const first = await database.db
      .transaction()
      .execute(async (tx) => {
        await sql`insert into reading_probe values (1, 'trùng khóa')`.execute(tx);
      })
      .catch((e: { code?: string }) => e.code);
    expect(first).toBe('23505');
    const level = await database.db
      .transaction()
      .setIsolationLevel('serializable')
      .execute(
        async (tx) =>
          (await sql<{ level: string }>`select current_setting('transaction_isolation') as level`.execute(tx)).rows[0]
            .level,
      );
    expect(level).toBe('serializable');
    // Outside any transaction the session is in none: a statement's effect stays after it.
    await sql`insert into reading_probe values (9, 'Thôn Bắc')`.execute(database.db);
    expect(
      (await sql<{ n: number }>`select count(*)::int as n from reading_probe where id = 9`.execute(database.db)).rows[0]
        .n,
    ).toBe(1);
    // … and no BEGIN was left behind by the transactions above: a savepoint needs a transaction block.
    const outside = await sql`savepoint probe`.execute(database.db).then(
      () => 'in a transaction',
      (e: { code?: string }) => e.code,
    );
    expect(outside).toBe('25P01');
  });
});
