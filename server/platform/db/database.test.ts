import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from '../../test/test-app.ts';
import { openEmbedded, type Database } from './database.ts';
import { DataDirInUseError } from './data-dir-lock.ts';
import { readBackup, restoreBackup, writeBackup } from './backup.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;
let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  await sql`create table scratch (id int primary key, note text)`.execute(database.db);
});
afterAll(async () => {
  await database.close();
  await drop();
});

describe(`transactions on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('work outside a transaction neither joins it nor is rolled back with it', async () => {
    const db = database.db;
    const failing = db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into scratch values (1, 'inside')`.execute(trx);
        await new Promise((r) => setTimeout(r, 100));
        throw new Error('rollback');
      })
      .catch((e: Error) => e.message);
    await new Promise((r) => setTimeout(r, 10));
    const outside = sql`insert into scratch values (2, 'outside')`.execute(db);
    expect(await failing).toBe('rollback');
    await outside;
    const rows = (await sql<{ id: number }>`select id from scratch order by id`.execute(db)).rows.map((r) => r.id);
    expect(rows).toEqual([2]);
  });

  it('a failed statement inside a transaction rolls back all of it and the connection stays usable', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`insert into scratch values (3, 'x')`.execute(trx);
        await sql`insert into scratch values (3, 'duplicate')`.execute(trx);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(
      (await sql<{ n: number }>`select count(*) as n from scratch where id = 3`.execute(database.db)).rows[0].n,
    ).toBe(0);
  });

  it('returns the same value types on both databases', async () => {
    const r = (
      await sql<{
        n: number;
        d: string;
        t: Date;
        x: number;
      }>`select count(*) as n, date '2026-03-14' as d, now() as t, 3.5::numeric as x`.execute(database.db)
    ).rows[0];
    expect(r).toMatchObject({ n: 0 + r.n, d: '2026-03-14', x: 3.5 });
    expect(typeof r.n).toBe('number');
    expect(r.t).toBeInstanceOf(Date);
  });
});

describe('backup and restore', () => {
  it('round-trips every row and refuses a file that is not a backup', async () => {
    const file = path.join(os.tmpdir(), `xaso-backup-${process.pid}-${Date.now()}.gz`);
    const header = await writeBackup(database, file);
    const counts = Object.fromEntries(header.tables.map((t) => [t.name, t.rows]));
    expect(counts.org_units).toBeGreaterThan(19000);
    expect(counts.users).toBeGreaterThanOrEqual(19);
    const before = (
      await sql<{ code: string; sort_key: string }>`select code, sort_key from org_units order by code limit 5`.execute(
        database.db,
      )
    ).rows;
    await sql`delete from audit_log`.execute(database.db);
    await sql`update org_units set name = 'changed' where code = '16363'`.execute(database.db);
    const r = await restoreBackup(database, file);
    expect(r.rows).toBe(header.tables.reduce((n, t) => n + t.rows, 0));
    expect(
      (await sql<{ name: string }>`select name from org_units where code = '16363'`.execute(database.db)).rows[0].name,
    ).toBe('Tượng Lĩnh');
    expect((await sql`select code, sort_key from org_units order by code limit 5`.execute(database.db)).rows).toEqual(
      before,
    );
    expect((await sql<{ n: number }>`select count(*) as n from audit_log`.execute(database.db)).rows[0].n).toBe(
      counts.audit_log,
    );
    // New rows continue after the restored identity values.
    await database.db
      .insertInto('auditLog')
      .values({
        action: 'x',
        recordType: 'x',
        summary: 'after restore',
        actorId: null,
        actorName: null,
        recordId: null,
        changes: null,
        ip: null,
        requestId: null,
        provinceId: null,
        communeId: null,
      })
      .execute();
    const notBackup = path.join(os.tmpdir(), `xaso-not-backup-${process.pid}.txt`);
    fs.writeFileSync(notBackup, 'hello');
    expect(() => readBackup(notBackup)).toThrow(/không phải bản sao lưu/);
  }, 120_000);
});

describe.skipIf(onPostgres)('the embedded data folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xaso-datadir-'));

  it('recovers from an interrupted first start and belongs to one process at a time', async () => {
    // An interrupted first start leaves pgdata without the "initialised" marker.
    fs.mkdirSync(path.join(dir, 'pgdata'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'pgdata', 'PG_VERSION'), 'garbage');
    const db = await openEmbedded(dir);
    expect(db.created).toBe(true);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('pgdata.interrupted-'))).toBe(true);
    await sql`create table t (x int)`.execute(db.db);
    await expect(openEmbedded(dir)).rejects.toBeInstanceOf(DataDirInUseError);
    // A second process stops at once with a clear message and changes nothing.
    const started = Date.now();
    const other = spawnSync(process.execPath, ['bin/xaso.mjs', 'migrate'], {
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/đang được tiến trình \d+ sử dụng/);
    expect(Date.now() - started).toBeLessThan(10_000);
    await db.close();
    const reopened = await openEmbedded(dir);
    expect(reopened.created).toBe(false);
    expect((await sql`select * from t`.execute(reopened.db)).rows).toEqual([]);
    await reopened.close();
  }, 180_000);
});
