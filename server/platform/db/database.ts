import fs from 'node:fs';
import path from 'node:path';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../../db/schema.ts';
import { PGliteWorkerClient } from './pglite-client.ts';
import { PGliteWorkerDialect } from './pglite-dialect.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { autoPreparingPool } from './auto-prepare.ts';

export type Db = Kysely<DB>;

/** An open database: the same Kysely API whether it is embedded PGlite or PostgreSQL. */
export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs a multi-statement SQL script atomically (migrations). */
  runScript(sql: string): Promise<void>;
  /** True when this open created the database (first start). */
  created: boolean;
  /** PostgreSQL: where it is, for a connection of its own (LISTEN, modules/auth/session-fanout.ts). */
  connectionString?: string;
  close(): Promise<void>;
}

// int8 (counts) and numeric → number, date → 'YYYY-MM-DD' text, like pglite-worker.mjs.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    if (oid === 1082) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

function kysely(dialect: PGliteWorkerDialect | PostgresDialect): Db {
  return new Kysely<DB>({ dialect, plugins: [new CamelCasePlugin()] });
}

export async function openPostgres(
  url: string,
  opts: { poolSize?: number; preparedStatements?: boolean } = {},
): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10, types: pgTypes as any });
  // An idle connection the server closes (restart, failover) must not crash the process;
  // the pool drops it and opens a new one on the next query.
  pool.on('error', (e) =>
    process.stderr.write(`PostgreSQL: kết nối rảnh bị đóng (${(e as { code?: string }).code ?? e.message})\n`),
  );
  const db = kysely(new PostgresDialect({ pool: opts.preparedStatements === false ? pool : autoPreparingPool(pool) }));
  return {
    kind: 'postgres',
    db,
    created: false,
    connectionString: url,
    async runScript(script) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(script);
        await client.query('commit');
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}

function pgliteDatabase(client: PGliteWorkerClient, created: boolean, onClose: () => void): Database {
  const db = kysely(new PGliteWorkerDialect(client));
  return {
    kind: 'pglite',
    db,
    created,
    async runScript(script) {
      // Hold the single connection so nothing else interleaves with the script.
      await db.connection().execute(async () => {
        try {
          await client.exec(`begin;\n${script}\n;commit;`);
        } catch (e) {
          await client.exec('rollback').catch(() => {});
          throw e;
        }
      });
    },
    async close() {
      try {
        await db.destroy();
      } finally {
        onClose();
      }
    },
  };
}

/**
 * Opens the embedded database in DATA_DIR/pgdata, owned by this process alone.
 * A marker file is written once initdb has finished; a folder without it is the remains of
 * an interrupted first start and holds no data yet, so it is set aside and created anew.
 */
export async function openEmbedded(dataDir: string): Promise<Database> {
  const release = lockDataDir(dataDir);
  try {
    const pgdata = path.join(dataDir, 'pgdata');
    const marker = path.join(dataDir, 'pgdata.initialised');
    let created = false;
    if (!fs.existsSync(marker)) {
      if (fs.existsSync(pgdata)) fs.renameSync(pgdata, `${pgdata}.interrupted-${Date.now()}`);
      created = true;
    }
    const client = new PGliteWorkerClient({ dataDir: pgdata });
    await client.ready;
    if (created) fs.writeFileSync(marker, new Date().toISOString());
    return pgliteDatabase(client, created, release);
  } catch (e) {
    release();
    throw e;
  }
}

/** An in-memory embedded database, optionally loaded from a dumpDataDir snapshot (tests). */
export async function openMemory(snapshot?: Uint8Array): Promise<Database & { dump(): Promise<Uint8Array> }> {
  const client = new PGliteWorkerClient({ loadDataDir: snapshot });
  await client.ready;
  return Object.assign(
    pgliteDatabase(client, !snapshot, () => {}),
    { dump: () => client.dump() },
  );
}

export async function openDatabase(config: {
  databaseUrl?: string;
  dataDir: string;
  dbPoolSize?: number;
  dbPreparedStatements?: boolean;
}): Promise<Database> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, { poolSize: config.dbPoolSize, preparedStatements: config.dbPreparedStatements })
    : openEmbedded(config.dataDir);
}
