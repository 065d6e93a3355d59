import fs from 'node:fs';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import type { Database } from './database.ts';
import { listMigrations } from './migrate.ts';

/**
 * A portable, consistent backup: gzip'd JSON lines — a header, then each table's rows as
 * JSON in foreign-key order. The same file restores into PGlite or PostgreSQL, so a commune
 * that outgrows the embedded database moves to a server with backup + restore.
 * (For a national PostgreSQL deployment, pg_dump and WAL archiving remain the tools.)
 */
export const BACKUP_FORMAT = 'xaso-backup';

interface Header {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
}

/** Application tables, parents before children (topological order of foreign keys). */
async function tablesInOrder(database: Database): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations' order by table_name`.execute(database.db)
  ).rows.map((r) => r.name);
  const deps = (
    await sql<{ child: string; parent: string }>`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`.execute(database.db)
  ).rows;
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const d of deps) if (d.child === t && d.parent !== t) visit(d.parent);
    order.push(t);
  };
  tables.forEach(visit);
  return order.filter((t) => tables.includes(t));
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

export async function writeBackup(database: Database, file: string): Promise<Header> {
  const tmp = `${file}.partial`;
  const out = zlib.createGzip();
  const stream = fs.createWriteStream(tmp);
  out.pipe(stream);
  const write = (line: unknown) => new Promise<void>((resolve) => (out.write(`${JSON.stringify(line)}\n`) ? resolve() : out.once('drain', resolve)));
  let header!: Header;
  // One snapshot of every table: a repeatable-read transaction (PGlite has one session anyway).
  await database.db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    const tables = await tablesInOrder({ ...database, db: trx });
    const migrations = (await sql<{ name: string }>`select name from schema_migrations order by name`.execute(trx)).rows.map((r) => r.name);
    const counts = [];
    for (const t of tables) counts.push({ name: t, rows: Number((await sql<{ n: number }>`select count(*) as n from ${sql.raw(quote(t))}`.execute(trx)).rows[0].n) });
    header = { format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), migrations, tables: counts };
    await write(header);
    for (const t of tables) {
      // to_jsonb keeps the SQL column names and exact values; ::text stops any key mapping.
      const rows = (await sql<{ r: string }>`select to_jsonb(x)::text as r from ${sql.raw(quote(t))} x`.execute(trx)).rows;
      for (let i = 0; i < rows.length; i += 1000) {
        await write({ table: t, rows: rows.slice(i, i + 1000).map((r) => JSON.parse(r.r)) });
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve).on('error', reject);
    out.end();
  });
  fs.renameSync(tmp, file);
  return header;
}

export class NotABackupError extends Error {}

export function readBackup(file: string): { header: Header; chunks: { table: string; rows: Record<string, unknown>[] }[] } {
  let text: string;
  try {
    text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
  } catch {
    throw new NotABackupError(`Tệp ${file} không phải bản sao lưu của Xã Số (không đọc được dạng gzip).`);
  }
  const lines = text.split('\n').filter(Boolean);
  let header: Header;
  try {
    header = JSON.parse(lines[0]);
  } catch {
    throw new NotABackupError(`Tệp ${file} không phải bản sao lưu của Xã Số.`);
  }
  if (header?.format !== BACKUP_FORMAT || header.version !== 1) throw new NotABackupError(`Tệp ${file} không phải bản sao lưu của Xã Số.`);
  const chunks = lines.slice(1).map((l) => JSON.parse(l));
  const total = chunks.reduce((n, c) => n + c.rows.length, 0);
  const expected = header.tables.reduce((n, t) => n + t.rows, 0);
  if (total !== expected) throw new NotABackupError(`Bản sao lưu ${file} bị thiếu dữ liệu (${total}/${expected} dòng).`);
  return { header, chunks };
}

/** Replaces every row of the (migrated) database with the backup's, in one transaction. */
export async function restoreBackup(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const { header, chunks } = readBackup(file);
  const known = new Set(listMigrations().map((m) => m.name));
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length) throw new NotABackupError(`Bản sao lưu được tạo bởi phiên bản mới hơn (migration ${unknown.join(', ')}); hãy cập nhật Xã Số trước.`);
  let rows = 0;
  await database.db.transaction().execute(async (trx) => {
    const tables = await tablesInOrder({ ...database, db: trx });
    await sql.raw(`truncate ${tables.map(quote).join(', ')} restart identity cascade`).execute(trx);
    const insertable = new Map<string, string[]>();
    for (const t of tables) {
      insertable.set(t, (await sql<{ c: string }>`select column_name as c from information_schema.columns where table_schema = 'public' and table_name = ${t} and is_generated = 'NEVER'`.execute(trx)).rows.map((r) => r.c));
    }
    // Rows of a table that refers to itself (org_units.parent_id) go in parent-first order.
    const selfRefs = (
      await sql<{ t: string; c: string }>`
        select c.conrelid::regclass::text as t, a.attname as c
        from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
        where c.contype = 'f' and c.conrelid = c.confrelid`.execute(trx)
    ).rows;
    const byTable = new Map<string, Record<string, unknown>[]>();
    for (const chunk of chunks) {
      if (!insertable.has(chunk.table)) throw new NotABackupError(`Bảng ${chunk.table} trong bản sao lưu không có trong cơ sở dữ liệu.`);
      byTable.set(chunk.table, [...(byTable.get(chunk.table) ?? []), ...chunk.rows]);
    }
    for (const t of tables) {
      let all = byTable.get(t) ?? [];
      const ref = selfRefs.find((r) => r.t === t || r.t === `public.${t}`);
      if (ref) all = parentsFirst(all, ref.c);
      if (all.length === 0) continue;
      const cols = (insertable.get(t) ?? []).filter((c) => c in all[0]);
      const list = cols.map(quote).join(', ');
      for (let i = 0; i < all.length; i += 1000) {
        const part = all.slice(i, i + 1000);
        await sql`insert into ${sql.raw(quote(t))} (${sql.raw(list)}) overriding system value select ${sql.raw(list)} from jsonb_populate_recordset(null::${sql.raw(quote(t))}, ${JSON.stringify(part)}::jsonb)`.execute(trx);
        rows += part.length;
      }
    }
    // Identity columns continue after the restored ids.
    const identities = (await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns where table_schema = 'public' and is_identity = 'YES'`.execute(trx)).rows;
    for (const { t, c } of identities) {
      await sql.raw(`select setval(pg_get_serial_sequence('${quote(t)}', '${c}'), coalesce((select max(${quote(c)}) from ${quote(t)}), 0) + 1, false)`).execute(trx);
    }
  });
  return { tables: header.tables.length, rows };
}

/** Orders rows so each row's parent (by `column` → id) comes before it. */
function parentsFirst(rows: Record<string, unknown>[], column: string): Record<string, unknown>[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const done = new Set<unknown>();
  const out: Record<string, unknown>[] = [];
  const place = (r: Record<string, unknown>) => {
    const stack: Record<string, unknown>[] = [];
    let cur: Record<string, unknown> | undefined = r;
    while (cur && !done.has(cur.id)) {
      stack.push(cur);
      done.add(cur.id);
      cur = byId.get(cur[column]);
    }
    out.push(...stack.reverse());
  };
  rows.forEach(place);
  return out;
}
