/**
 * The daily backup of a running server: a backup appears, reads back and restores; old
 * copies beyond BACKUP_KEEP go only after the new one is verified; requests are answered
 * while it runs. On the embedded database the fixture is a real data folder (the server's
 * case: openEmbedded, the lock, the copy); on PostgreSQL a cloned test database.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { openTestDatabase } from '../../test/test-app.ts';
import { NotABackupError, restoreBackup, verifyBackup, writeBackup } from './backup.ts';
import { startBackupSchedule, takeScheduledBackup, type BackupSettings } from './backup-schedule.ts';
import { backupFileName, nextSlotAfter } from './backup-schedule.rules.ts';
import { openEmbedded, openPostgres, type Database } from './database.ts';
import { PGliteWorkerClient } from './pglite-client.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'xaso-backup-schedule-'));
const dataDir = path.join(root, 'data');
let database: Database;
let drop = async () => {};

/** A data folder as `xaso start` leaves it, made from the test snapshot (no initdb). */
async function embeddedFolder(): Promise<Database> {
  const client = new PGliteWorkerClient({
    dataDir: path.join(dataDir, 'pgdata'),
    loadDataDir: new Uint8Array(fs.readFileSync(inject('pgliteSnapshot'))),
  });
  await client.ready;
  await client.close();
  fs.writeFileSync(path.join(dataDir, 'pgdata.initialised'), new Date().toISOString());
  return openEmbedded(dataDir);
}

beforeAll(async () => {
  fs.mkdirSync(dataDir, { recursive: true });
  if (onPostgres) ({ database, drop } = await openTestDatabase());
  else database = await embeddedFolder();
  // A table with a composite key and file contents: read 4 rows at a time, in key order.
  await sql`create table backup_probe (a int, b text, content bytea not null, primary key (a, b))`.execute(database.db);
  for (let i = 0; i < 11; i++) {
    await sql`insert into backup_probe values (${i % 3}, ${`Đơn vị ${i} "O'Neil"`}, ${crypto.createHash('sha256').update(String(i)).digest()})`.execute(
      database.db,
    );
  }
}, 180_000);

afterAll(async () => {
  await database?.close();
  await drop();
  fs.rmSync(root, { recursive: true, force: true });
});

const settings = (over: Partial<BackupSettings> = {}): BackupSettings => ({
  backupDir: path.join(root, 'backups'),
  backupHour: 2,
  backupKeep: 2,
  dataDir,
  databaseUrl: onPostgres ? process.env.TEST_DATABASE_URL : undefined,
  ...over,
});

const quietLog = () => ({ info: vi.fn(), error: vi.fn() });

describe(`the daily backup on ${onPostgres ? 'PostgreSQL' : 'the embedded database'}`, () => {
  it('appears, reads back, restores every row; older copies beyond BACKUP_KEEP go, other files stay; requests go on meanwhile', async () => {
    const dir = settings().backupDir;
    fs.mkdirSync(dir, { recursive: true });
    const old = ['20260101', '20260102', '20260103'].map((d) => `xaso-${d}-020000.xaso.gz`);
    for (const f of old) fs.writeFileSync(path.join(dir, f), 'an older copy');
    fs.writeFileSync(path.join(dir, 'truoc-nang-cap.xaso.gz'), 'taken by hand');
    fs.writeFileSync(path.join(dir, `${old[2]}.partial`), 'a run that was killed');

    // The newest copy is from January: the slot was missed, so the schedule makes it up.
    const log = quietLog();
    const schedule = startBackupSchedule(database, settings(), log, { catchUpDelayMs: 0 });
    expect(schedule.catchingUp).toBe(true);
    const latencies: number[] = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const t = Date.now();
        await sql`select 1`.execute(database.db);
        latencies.push(Date.now() - t);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await vi.waitFor(() => expect(log.info).toHaveBeenCalled(), { timeout: 120_000, interval: 50 });
    probing = false;
    await probe;
    expect(log.error).not.toHaveBeenCalled();
    const run = schedule.last!;
    await schedule.stop();

    // The new copy, the newest older one (keep 2) and the hand-made file; no leftovers.
    expect(fs.readdirSync(dir).sort()).toEqual([old[2], path.basename(run.file), 'truoc-nang-cap.xaso.gz'].sort());
    expect(run.pruned.sort()).toEqual([old[0], old[1], `${old[2]}.partial`].sort());
    expect(path.basename(run.file)).toMatch(/^xaso-\d{8}-\d{6}\.xaso\.gz$/);
    expect(fs.existsSync(path.join(dataDir, 'backup-snapshot'))).toBe(false);

    // Requests were answered while it ran; on PGlite they waited only for the folder copy.
    expect(latencies.length).toBeGreaterThan(10);
    expect(run.stallMs).toBeLessThan(run.ms);
    // (A snapshot transaction on PGlite itself would hold every request for nearly the whole run.)
    if (!onPostgres) expect(Math.max(...latencies)).toBeLessThan(run.ms / 3);

    // It is a whole backup: every row, and a restore brings back what changed since.
    const verified = await verifyBackup(run.file);
    const tables = (
      await sql<{
        t: string;
      }>`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'`.execute(
        database.db,
      )
    ).rows;
    let live = 0;
    for (const { t } of tables)
      live += Number(
        (await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(database.db)).rows[0].n,
      );
    expect(verified.rows).toBe(live);
    const before = (
      await sql<{
        a: number;
        b: string;
        content: Uint8Array;
      }>`select a, b, content from backup_probe order by a, b`.execute(database.db)
    ).rows;
    await sql`delete from backup_probe where a = 1`.execute(database.db);
    await sql`update org_units set name = 'đổi sau sao lưu' where code = '16363'`.execute(database.db);
    await restoreBackup(database, run.file);
    const after = (
      await sql<{
        a: number;
        b: string;
        content: Uint8Array;
      }>`select a, b, content from backup_probe order by a, b`.execute(database.db)
    ).rows;
    expect(after.map((r) => [r.a, r.b, Buffer.from(r.content).toString('hex')])).toEqual(
      before.map((r) => [r.a, r.b, Buffer.from(r.content).toString('hex')]),
    );
    expect(after).toHaveLength(11);
    expect(
      (await sql<{ name: string }>`select name from org_units where code = '16363'`.execute(database.db)).rows[0].name,
    ).toBe('Tượng Lĩnh');
  }, 240_000);

  it('a truncated or foreign file is not a backup', async () => {
    const dir = settings().backupDir;
    const good = fs.readdirSync(dir).find((f) => f.startsWith('xaso-2026') && !f.startsWith('xaso-202601'))!;
    const bytes = fs.readFileSync(path.join(dir, good));
    const cut = path.join(root, 'cut.xaso.gz');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(verifyBackup(cut)).rejects.toBeInstanceOf(NotABackupError);
    fs.writeFileSync(cut, 'not gzip');
    await expect(verifyBackup(cut)).rejects.toBeInstanceOf(NotABackupError);
  });

  it('a write that fails at once leaves no half-written file behind', async () => {
    const dir = path.join(root, 'instant-failure');
    fs.mkdirSync(dir);
    const gone = {
      kind: 'postgres',
      db: {
        transaction: () => ({
          setIsolationLevel: () => ({ execute: async () => Promise.reject(new Error('database gone')) }),
        }),
      },
    } as unknown as Database;
    for (let i = 0; i < 10; i++)
      await expect(writeBackup(gone, path.join(dir, `b${i}.xaso.gz`))).rejects.toThrow('database gone');
    await new Promise((r) => setTimeout(r, 50)); // a late open would show up by now
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a failed run keeps every old copy and tries again an hour later, before the next slot', async () => {
    const dir = path.join(root, 'failing');
    fs.mkdirSync(dir);
    const old = ['xaso-20260101-020000.xaso.gz', 'xaso-20260102-020000.xaso.gz'];
    for (const f of old) fs.writeFileSync(path.join(dir, f), 'an older copy');
    // The embedded copy refuses a folder this process does not own; on PostgreSQL the database is gone.
    const gone = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://x@127.0.0.1/x');
    gone.pathname = '/xaso_no_such_database';
    const broken = onPostgres ? await openPostgres(gone.toString(), { poolSize: 1 }) : null;
    const target = broken ?? database;
    const bad = settings({ backupDir: dir, backupKeep: 1, dataDir: path.join(root, 'not-ours') });
    await expect(takeScheduledBackup(target, bad)).rejects.toThrow();
    expect(fs.readdirSync(dir).sort()).toEqual(old);

    const now = new Date('2026-11-23T08:00:00+07:00');
    const log = quietLog();
    const schedule = startBackupSchedule(target, bad, log, { now: () => now, catchUpDelayMs: 0 });
    await vi.waitFor(() => expect(log.error).toHaveBeenCalled(), { timeout: 30_000, interval: 20 });
    expect(schedule.next).toEqual(new Date('2026-11-23T09:00:00+07:00'));
    await schedule.stop();
    expect(fs.readdirSync(dir).sort()).toEqual(old);
    await broken?.close();
  }, 60_000);

  it('waits for the hour when the last slot was kept', async () => {
    const dir = path.join(root, 'up-to-date');
    fs.mkdirSync(dir);
    const now = new Date('2026-11-23T08:00:00+07:00');
    fs.writeFileSync(path.join(dir, backupFileName(new Date('2026-11-23T02:00:03+07:00'))), 'this morning');
    const log = quietLog();
    const schedule = startBackupSchedule(database, settings({ backupDir: dir, backupHour: 2 }), log, {
      now: () => now,
      catchUpDelayMs: 0,
    });
    expect(schedule.next).toEqual(nextSlotAfter(now, 2));
    expect(schedule.next).toEqual(new Date('2026-11-24T02:00:00+07:00'));
    expect(schedule.catchingUp).toBe(false);
    await schedule.stop();
    expect(log.info).not.toHaveBeenCalled();
    expect(log.error).not.toHaveBeenCalled();
  });
});
