/**
 * Statements run again and again under a name (PGlite: pglite-worker.mjs; PostgreSQL:
 * auto-prepare.ts) answer exactly as a statement parsed anew does: the same values and types,
 * the same errors, the table's columns after a schema change, and past the cap of named texts.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-app.ts';
import type { Database } from './database.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;
let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  await database.runScript(
    `create table named_probe (id int primary key, amount numeric, due date, at timestamptz, ok boolean, doc json, tags text[], note text)`,
  );
});
afterAll(async () => {
  await database.close();
  await drop();
});

const times = async <T>(n: number, run: () => Promise<T>) => {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await run());
  return out;
};

describe(`named statements on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('give the same values and types on every run, with parameters of every kind', async () => {
    const at = new Date('2026-11-23T03:04:05.000Z');
    const insert = (id: number) =>
      sql`insert into named_probe values (${id}, ${12.5}, ${'2026-12-31'}, ${at}, ${true}, ${JSON.stringify({ xã: 'Vĩnh Bảo', n: [1, 2] })}, ${['một', 'hai']}, ${null})`.execute(
        database.db,
      );
    const results = await times(6, async () => {
      const id = Math.floor(Math.random() * 1e9);
      await insert(id);
      return (
        await sql<
          Record<string, unknown>
        >`select amount, due, at, ok, doc, tags, note from named_probe where id = ${id} and tags @> ${['hai']}`.execute(
          database.db,
        )
      ).rows;
    });
    for (const rows of results) {
      expect(rows).toEqual([
        {
          amount: 12.5,
          due: '2026-12-31',
          at,
          ok: true,
          doc: { xã: 'Vĩnh Bảo', n: [1, 2] },
          tags: ['một', 'hai'],
          note: null,
        },
      ]);
    }
  });

  it('keep an error’s code and leave the session usable, inside a transaction too', async () => {
    await sql`insert into named_probe (id) values (${-1})`.execute(database.db);
    const codes = await times(4, () =>
      sql`insert into named_probe (id) values (${-1})`.execute(database.db).then(
        () => 'none',
        (e: { code?: string }) => e.code,
      ),
    );
    expect(codes).toEqual(['23505', '23505', '23505', '23505']);
    for (let i = 0; i < 3; i++) {
      const failed = await database.db
        .transaction()
        .execute(async (tx) => {
          await sql`update named_probe set note = ${'trong giao dịch'} where id = ${-1}`.execute(tx);
          await sql`insert into named_probe (id) values (${-1})`.execute(tx);
        })
        .catch((e: { code?: string }) => e.code);
      expect(failed).toBe('23505');
    }
    const row = await sql<{ note: string | null }>`select note from named_probe where id = ${-1}`.execute(database.db);
    expect(row.rows).toEqual([{ note: null }]); // the update was rolled back with its transaction
  });

  it('see the columns a migration script or a statement added after they were named', async () => {
    await database.runScript(`create table named_shape (id int primary key); insert into named_shape values (1)`);
    const before = await times(4, () => sql`select * from named_shape`.execute(database.db).then((r) => r.rows));
    expect(before.at(-1)).toEqual([{ id: 1 }]);
    await database.runScript(`alter table named_shape add column name text not null default 'Thôn Đông'`);
    expect((await sql`select * from named_shape`.execute(database.db)).rows).toEqual([{ id: 1, name: 'Thôn Đông' }]);
    await sql`alter table named_shape add column households int default 42`.execute(database.db);
    expect((await sql`select * from named_shape`.execute(database.db)).rows).toEqual([
      { id: 1, name: 'Thôn Đông', households: 42 },
    ]);
  });

  it('answer correctly past the cap of named texts, and a text named long ago still answers', async () => {
    const first = await sql<{ n: number }>`select ${7}::int as n, 'đầu tiên' as label`.execute(database.db);
    for (let i = 0; i < 450; i++) {
      const r = await sql<{ n: number }>`select ${sql.raw(String(i))}::int + ${1}::int as n`.execute(database.db);
      expect(r.rows[0].n).toBe(i + 1);
    }
    const again = await sql<{ n: number }>`select ${7}::int as n, 'đầu tiên' as label`.execute(database.db);
    expect(again.rows).toEqual(first.rows);
    const held = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements`.execute(database.db);
    expect(held.rows[0].n).toBeLessThanOrEqual(400); // this connection's names: least recently run are closed
  });
});
