/**
 * The crash drill's checks on the data folder itself, opened with openEmbedded (the same
 * code path as the server, so the same lock and the same crash recovery) once the server
 * has stopped: every acknowledged write is there, the B-tree indexes agree with the heap
 * (amcheck), and a count through the heap equals a count through the primary-key index.
 */
import { sql } from 'kysely';
import { openEmbedded } from '../../server/platform/db/database.ts';

export interface Expected {
  id: string;
  /** The name of the last acknowledged write (create or rename). */
  name: string;
  /** A rename that was in flight when the server was killed: either name is right. */
  maybeName?: string;
}

export interface FolderReport {
  unitsMissing: string[];
  wrongName: { id: string; expected: string; found: string }[];
  auditMissing: string[];
  inFlightCreatesFound: number;
  indexesChecked: number;
  tablesChecked: number;
  amcheckViolations: string[];
  countMismatches: string[];
  migrationsApplied: number;
}

export async function checkFolder(
  dataDir: string,
  expected: Expected[],
  inFlightCreateNames: string[],
): Promise<FolderReport> {
  const database = await openEmbedded(dataDir);
  const { db } = database;
  try {
    const ids = expected.map((e) => e.id);
    const found = new Map<string, string>();
    const audited = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await db.selectFrom('orgUnits').select(['id', 'name']).where('id', 'in', chunk).execute();
      for (const r of rows) found.set(r.id, r.name);
      const audits = await db
        .selectFrom('auditLog')
        .select('recordId')
        .where('action', '=', 'org.unit_added')
        .where('recordId', 'in', chunk)
        .execute();
      for (const a of audits) audited.add(a.recordId!);
    }
    const unitsMissing = expected.filter((e) => !found.has(e.id)).map((e) => e.id);
    const wrongName = expected
      .filter((e) => found.has(e.id) && found.get(e.id) !== e.name && found.get(e.id) !== e.maybeName)
      .map((e) => ({ id: e.id, expected: e.name, found: found.get(e.id)! }));
    const auditMissing = expected.filter((e) => found.has(e.id) && !audited.has(e.id)).map((e) => e.id);
    const inFlightCreatesFound = inFlightCreateNames.length
      ? (await db.selectFrom('orgUnits').select('id').where('name', 'in', inFlightCreateNames).execute()).length
      : 0;

    // amcheck: every B-tree index of the public schema, with heapallindexed (every heap row
    // is in the index) and checkunique (no duplicate in a unique index: the corruption two
    // writers leave, TECH-NOTES §1); verify_heapam on every table.
    await sql`create extension if not exists amcheck`.execute(db);
    const amcheckViolations: string[] = [];
    const indexes = (
      await sql<{ name: string }>`
        select c.relname as name from pg_index i
        join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
        join pg_namespace n on n.oid = c.relnamespace
        where a.amname = 'btree' and n.nspname = 'public' and i.indisvalid and i.indisready
        order by 1`.execute(db)
    ).rows;
    for (const ix of indexes) {
      try {
        await sql`select bt_index_check(${sql.lit(`public.${ix.name}`)}::regclass, true, true)`.execute(db);
      } catch (e) {
        amcheckViolations.push(`${ix.name}: ${(e as Error).message}`);
      }
    }
    const tables = (
      await sql<{
        name: string;
      }>`select tablename as name from pg_tables where schemaname = 'public' order by 1`.execute(db)
    ).rows;
    for (const t of tables) {
      try {
        const bad = await sql<{
          blkno: number;
          offnum: number;
          msg: string;
        }>`select blkno, offnum, msg from verify_heapam(${sql.lit(`public.${t.name}`)}::regclass)`.execute(db);
        for (const b of bad.rows) amcheckViolations.push(`${t.name} heap block ${b.blkno} item ${b.offnum}: ${b.msg}`);
      } catch (e) {
        amcheckViolations.push(`${t.name}: verify_heapam failed: ${(e as Error).message}`);
      }
    }

    // count(*) through the heap against a count through the primary-key index.
    const countMismatches: string[] = [];
    await db.connection().execute(async (conn) => {
      for (const t of tables) {
        const table = sql.table(`public.${t.name}`);
        await sql`set enable_indexscan = off`.execute(conn);
        await sql`set enable_indexonlyscan = off`.execute(conn);
        await sql`set enable_bitmapscan = off`.execute(conn);
        const heap = Number((await sql<{ n: number }>`select count(*) as n from ${table}`.execute(conn)).rows[0].n);
        await sql`reset all`.execute(conn);
        await sql`set enable_seqscan = off`.execute(conn);
        await sql`set enable_bitmapscan = off`.execute(conn);
        const plan = (await sql<Record<string, string>>`explain select count(*) from ${table}`.execute(conn)).rows
          .map((r) => Object.values(r)[0])
          .join('\n');
        const index = Number((await sql<{ n: number }>`select count(*) as n from ${table}`.execute(conn)).rows[0].n);
        await sql`reset all`.execute(conn);
        if (!/Index/.test(plan)) continue; // a table without an index (none today) has nothing to compare
        if (heap !== index) countMismatches.push(`${t.name}: heap ${heap}, index ${index}`);
      }
    });
    const migrationsApplied = Number(
      (await sql<{ n: number }>`select count(*) as n from schema_migrations`.execute(db)).rows[0].n,
    );
    return {
      unitsMissing,
      wrongName,
      auditMissing,
      inFlightCreatesFound,
      indexesChecked: indexes.length,
      tablesChecked: tables.length,
      amcheckViolations,
      countMismatches,
      migrationsApplied,
    };
  } finally {
    await database.close();
  }
}
