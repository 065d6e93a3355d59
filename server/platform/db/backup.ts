import fs from 'node:fs';
import readline from 'node:readline';
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
    await sql<{
      name: string;
    }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations' order by table_name`.execute(
      database.db,
    )
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

/** Primary-key columns of each table, in key order (keyset paging). */
async function primaryKeys(db: Database['db']): Promise<Map<string, string[]>> {
  const rows = (
    await sql<{ t: string; c: string }>`
      select c.relname as t, a.attname as c
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
      where i.indisprimary and n.nspname = 'public'
      order by c.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db)
  ).rows;
  const keys = new Map<string, string[]>();
  for (const r of rows) keys.set(r.t, [...(keys.get(r.t) ?? []), r.c]);
  return keys;
}

/** Rows per read: tables holding files (bytea, up to EVIDENCE_MAX_BYTES each) are read a few rows at a time. */
const ROWS_PER_READ = 1000;
const FILE_ROWS_PER_READ = 4;

/**
 * Writes a backup of the database to FILE (via FILE.partial, renamed at the end). Every
 * table is read in one repeatable-read snapshot, page by page in primary-key order, so
 * memory stays bounded whatever the size of the database; the rows travel as the JSON text
 * PostgreSQL produced (never parsed and re-serialised here).
 *
 * On PostgreSQL the snapshot holds one pooled connection and requests carry on beside it.
 * On the embedded database it holds the only connection: use backupWithoutStall
 * (backup-schedule.ts) in a running server.
 */
export async function writeBackup(database: Database, file: string): Promise<Header> {
  const tmp = `${file}.partial`;
  const out = zlib.createGzip();
  const stream = fs.createWriteStream(tmp);
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve).on('error', reject);
    out.on('error', reject);
  });
  out.pipe(stream);
  const write = (line: string) =>
    new Promise<void>((resolve) => (out.write(`${line}\n`) ? resolve() : out.once('drain', resolve)));
  let header!: Header;
  try {
    // One snapshot of every table: a repeatable-read transaction (PGlite has one session anyway).
    await database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const tables = await tablesInOrder({ ...database, db: trx });
        const keys = await primaryKeys(trx);
        const withFiles = new Set(
          (
            await sql<{
              t: string;
            }>`select distinct table_name as t from information_schema.columns where table_schema = 'public' and data_type = 'bytea'`.execute(
              trx,
            )
          ).rows.map((r) => r.t),
        );
        const migrations = (
          await sql<{ name: string }>`select name from schema_migrations order by name`.execute(trx)
        ).rows.map((r) => r.name);
        const counts = [];
        for (const t of tables)
          counts.push({
            name: t,
            rows: Number(
              (await sql<{ n: number }>`select count(*) as n from ${sql.raw(quote(t))}`.execute(trx)).rows[0].n,
            ),
          });
        header = { format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), migrations, tables: counts };
        await write(JSON.stringify(header));
        for (const t of tables) {
          const pk = keys.get(t);
          const prefix = `{"table":${JSON.stringify(t)},"rows":[`;
          if (!pk) {
            // No primary key (none today): the table in one read.
            // to_jsonb keeps the SQL column names and exact values; ::text stops any key mapping.
            const rows = (
              await sql<{ r: string }>`select to_jsonb(x)::text as r from ${sql.raw(quote(t))} x`.execute(trx)
            ).rows;
            for (let i = 0; i < rows.length; i += ROWS_PER_READ)
              await write(
                `${prefix}${rows
                  .slice(i, i + ROWS_PER_READ)
                  .map((r) => r.r)
                  .join(',')}]}`,
              );
            continue;
          }
          const limit = withFiles.has(t) ? FILE_ROWS_PER_READ : ROWS_PER_READ;
          const cols = pk.map((c) => `x.${quote(c)}`).join(', ');
          const keyJson = `jsonb_build_object(${pk.map((c) => `'${c.replace(/'/g, "''")}', x.${quote(c)}`).join(', ')})::text`;
          // The key of the last row read, as a sub-select: PostgreSQL makes it an index
          // condition (a join with the key row would rescan the index from the start each page).
          let after: string | null = null;
          for (;;) {
            const page: { r: string; k: string }[] = (
              after === null
                ? await sql<{
                    r: string;
                    k: string;
                  }>`select to_jsonb(x)::text as r, ${sql.raw(keyJson)} as k from ${sql.raw(quote(t))} x order by ${sql.raw(cols)} limit ${limit}`.execute(
                    trx,
                  )
                : await sql<{
                    r: string;
                    k: string;
                  }>`select to_jsonb(x)::text as r, ${sql.raw(keyJson)} as k from ${sql.raw(quote(t))} x where (${sql.raw(cols)}) > (select ${sql.raw(pk.map((c) => `p.${quote(c)}`).join(', '))} from jsonb_populate_record(null::${sql.raw(quote(t))}, ${after}::jsonb) p) order by ${sql.raw(cols)} limit ${limit}`.execute(
                    trx,
                  )
            ).rows;
            if (page.length === 0) break;
            await write(`${prefix}${page.map((r) => r.r).join(',')}]}`);
            if (page.length < limit) break;
            after = page[page.length - 1].k;
          }
        }
      });
    out.end();
    await finished;
  } catch (e) {
    finished.catch(() => {});
    out.destroy();
    // The file opens asynchronously: remove it only once the stream has closed, or an open
    // that completes late would leave an empty .partial behind (seen when the database
    // fails at once).
    await new Promise<void>((resolve) => {
      if (stream.closed) return resolve();
      stream.once('close', () => resolve());
      stream.destroy();
    });
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.renameSync(tmp, file);
  return header;
}

/**
 * Reads a backup file through once, as a stream (the event loop keeps serving), and checks
 * it: gzip intact to the end (CRC), a Xã Số header, and per table exactly the rows the
 * header announces. Throws NotABackupError otherwise.
 */
export async function verifyBackup(file: string): Promise<{ header: Header; rows: number }> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let header: Header | null = null;
  const seen = new Map<string, number>();
  try {
    for await (const line of lines) {
      if (!line) continue;
      let value: any;
      try {
        value = JSON.parse(line);
      } catch {
        throw new NotABackupError(`Bản sao lưu ${file} hỏng: một dòng không phải JSON.`);
      }
      if (!header) {
        if (value?.format !== BACKUP_FORMAT || value.version !== 1)
          throw new NotABackupError(`Tệp ${file} không phải bản sao lưu của Xã Số.`);
        header = value as Header;
        continue;
      }
      if (typeof value?.table !== 'string' || !Array.isArray(value.rows))
        throw new NotABackupError(`Bản sao lưu ${file} hỏng: khối dữ liệu không đúng dạng.`);
      seen.set(value.table, (seen.get(value.table) ?? 0) + value.rows.length);
    }
  } catch (e) {
    if (e instanceof NotABackupError) throw e;
    throw new NotABackupError(`Bản sao lưu ${file} hỏng (${(e as Error).message}).`);
  } finally {
    lines.close();
    input.destroy();
  }
  if (!header) throw new NotABackupError(`Tệp ${file} không phải bản sao lưu của Xã Số (tệp rỗng).`);
  let rows = 0;
  for (const t of header.tables) {
    const n = seen.get(t.name) ?? 0;
    if (n !== t.rows)
      throw new NotABackupError(`Bản sao lưu ${file} bị thiếu dữ liệu: bảng ${t.name} có ${n}/${t.rows} dòng.`);
    rows += n;
  }
  for (const t of seen.keys())
    if (!header.tables.some((h) => h.name === t))
      throw new NotABackupError(`Bản sao lưu ${file} có bảng ${t} không khai báo ở đầu tệp.`);
  return { header, rows };
}

export class NotABackupError extends Error {}

export function readBackup(file: string): {
  header: Header;
  chunks: { table: string; rows: Record<string, unknown>[] }[];
} {
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
  if (header?.format !== BACKUP_FORMAT || header.version !== 1)
    throw new NotABackupError(`Tệp ${file} không phải bản sao lưu của Xã Số.`);
  const chunks = lines.slice(1).map((l) => JSON.parse(l));
  const total = chunks.reduce((n, c) => n + c.rows.length, 0);
  const expected = header.tables.reduce((n, t) => n + t.rows, 0);
  if (total !== expected)
    throw new NotABackupError(`Bản sao lưu ${file} bị thiếu dữ liệu (${total}/${expected} dòng).`);
  return { header, chunks };
}

/** Replaces every row of the (migrated) database with the backup's, in one transaction. */
export async function restoreBackup(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const { header, chunks } = readBackup(file);
  const known = new Set(listMigrations().map((m) => m.name));
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length)
    throw new NotABackupError(
      `Bản sao lưu được tạo bởi phiên bản mới hơn (migration ${unknown.join(', ')}); hãy cập nhật Xã Số trước.`,
    );
  let rows = 0;
  await database.db.transaction().execute(async (trx) => {
    const tables = await tablesInOrder({ ...database, db: trx });
    await sql.raw(`truncate ${tables.map(quote).join(', ')} restart identity cascade`).execute(trx);
    const insertable = new Map<string, string[]>();
    for (const t of tables) {
      insertable.set(
        t,
        (
          await sql<{
            c: string;
          }>`select column_name as c from information_schema.columns where table_schema = 'public' and table_name = ${t} and is_generated = 'NEVER'`.execute(
            trx,
          )
        ).rows.map((r) => r.c),
      );
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
      if (!insertable.has(chunk.table))
        throw new NotABackupError(`Bảng ${chunk.table} trong bản sao lưu không có trong cơ sở dữ liệu.`);
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
        await sql`insert into ${sql.raw(quote(t))} (${sql.raw(list)}) overriding system value select ${sql.raw(list)} from jsonb_populate_recordset(null::${sql.raw(quote(t))}, ${JSON.stringify(part)}::jsonb)`.execute(
          trx,
        );
        rows += part.length;
      }
    }
    // Identity columns continue after the restored ids.
    const identities = (
      await sql<{
        t: string;
        c: string;
      }>`select table_name as t, column_name as c from information_schema.columns where table_schema = 'public' and is_identity = 'YES'`.execute(
        trx,
      )
    ).rows;
    for (const { t, c } of identities) {
      await sql
        .raw(
          `select setval(pg_get_serial_sequence('${quote(t)}', '${c}'), coalesce((select max(${quote(c)}) from ${quote(t)}), 0) + 1, false)`,
        )
        .execute(trx);
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
