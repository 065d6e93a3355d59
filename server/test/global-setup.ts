/**
 * Runs once per test run. Builds a migrated database with the organisation tree and demo
 * data, so each test file starts from a copy instead of running initdb and migrations:
 * - PGlite (default): a dumpDataDir snapshot file that every test file loads (~1 s);
 * - PostgreSQL (TEST_DATABASE_URL set): a template database every test file clones.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../config.ts';
import { sql } from 'kysely';
import { openMemory, openPostgres, type Database } from '../platform/db/database.ts';
import { prepareDatabase } from '../bootstrap.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
  }
}

const cacheDir = path.resolve(import.meta.dirname, '../../.test-cache');

function seedStamp(): string {
  const hash = crypto.createHash('sha256');
  // The demo seed reaches into most modules (tasks, reporting, calendar, the values' subscriber),
  // so any change outside the tests rebuilds the snapshot: a stale one would hide a broken seed.
  const roots = ['../db', '../modules', '../platform', '../bootstrap.ts', '../subscribers.ts'];
  const walk = (at: string): string[] =>
    fs.statSync(at).isFile()
      ? [at]
      : fs.readdirSync(at, { withFileTypes: true }).flatMap((e) => walk(path.join(at, e.name)));
  for (const root of roots) {
    for (const file of walk(path.resolve(import.meta.dirname, root))
      .filter((f) => !f.endsWith('.test.ts'))
      .sort()) {
      hash.update(file).update(fs.readFileSync(file));
    }
  }
  hash.update(fs.readFileSync(import.meta.filename));
  return hash.digest('hex');
}

/**
 * The demo people of a test database have changed their temporary password already (as the
 * browser tests' setup does through the API): a session on a temporary password may do nothing
 * but change it, and the API tests act as these people. Tests of the temporary-password rule
 * create or reset an account, which gets a temporary password of its own.
 */
async function passTemporaryPasswords(database: Database) {
  await sql`update users set must_change_password = false`.execute(database.db);
}

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
    await passTemporaryPasswords(database);
    await database.close();
    project.provide('pgTemplate', template);
    project.provide('pgliteSnapshot', '');
    return async () => {
      // Clones left by crashed test files would block dropping the template; drop them all.
      const { rows } = await admin.query(`select datname from pg_database where datname like $1 or datname = $2`, [
        `${template}\\_c\\_%`,
        template,
      ]);
      for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
      await admin.end();
    };
  }
  // The snapshot is reused while the migrations and everything that seeds data are unchanged
  // (demo data goes through the plan importer, so it counts too).
  const stamp = seedStamp();
  const file = path.join(cacheDir, 'pglite-snapshot.tar.gz');
  const stampFile = `${file}.stamp`;
  if (!fs.existsSync(file) || !fs.existsSync(stampFile) || fs.readFileSync(stampFile, 'utf8') !== stamp) {
    fs.mkdirSync(cacheDir, { recursive: true });
    const database = await openMemory();
    await prepareDatabase(database, config, { demo: true });
    await passTemporaryPasswords(database);
    fs.writeFileSync(file, await database.dump());
    fs.writeFileSync(stampFile, stamp);
    await database.close();
  }
  project.provide('pgliteSnapshot', file);
  project.provide('pgTemplate', '');
}
