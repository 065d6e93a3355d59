/**
 * Runs once per test run. Builds a migrated database with the organisation tree and demo
 * data, so each test file starts from a copy instead of running initdb and migrations:
 * - PGlite (default): a dumpDataDir snapshot file that every test file loads (~1 s);
 * - PostgreSQL (TEST_DATABASE_URL set): a template database every test file clones.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../config.ts';
import { openMemory, openPostgres } from '../platform/db/database.ts';
import { prepareDatabase } from '../platform/bootstrap.ts';
import { listMigrations } from '../platform/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
  }
}

const cacheDir = path.resolve(import.meta.dirname, '../../.test-cache');

export function adminUrl(url: string, database = 'postgres') {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent' });
  const testDbUrl = process.env.TEST_DATABASE_URL;
  if (testDbUrl) {
    const template = `xaso_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl(testDbUrl) });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const database = await openPostgres(adminUrl(testDbUrl, template), { poolSize: 2 });
    await prepareDatabase(database, config, { demo: true });
    await database.close();
    project.provide('pgTemplate', template);
    project.provide('pgliteSnapshot', '');
    return async () => {
      // Clones left by crashed test files would block dropping the template; drop them all.
      const { rows } = await admin.query(`select datname from pg_database where datname like 'xaso_t_%' or datname = $1`, [template]);
      for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
      await admin.end();
    };
  }
  // The snapshot is reused while the migrations and seed code are unchanged.
  const stamp = listMigrations().map((m) => `${m.name}:${m.sql.length}`).join('|') + fs.statSync(path.resolve(import.meta.dirname, '../modules/demo/demo.accounts.ts')).mtimeMs;
  const file = path.join(cacheDir, 'pglite-snapshot.tar.gz');
  const stampFile = `${file}.stamp`;
  if (!fs.existsSync(file) || !fs.existsSync(stampFile) || fs.readFileSync(stampFile, 'utf8') !== stamp) {
    fs.mkdirSync(cacheDir, { recursive: true });
    const database = await openMemory();
    await prepareDatabase(database, config, { demo: true });
    fs.writeFileSync(file, await database.dump());
    fs.writeFileSync(stampFile, stamp);
    await database.close();
  }
  project.provide('pgliteSnapshot', file);
  project.provide('pgTemplate', '');
}
