import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from './database.ts';
import { projectPath } from '../project-paths.ts';

export const migrationsDir = projectPath('server/db/migrations');

export function listMigrations(dir = migrationsDir): { name: string; sql: string }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}-.+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/**
 * Applies forward-only SQL migrations in file-name order, each atomically together with
 * its row in schema_migrations. Returns the names applied now.
 */
export async function migrate(database: Database, dir = migrationsDir): Promise<string[]> {
  await database.runScript(
    'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
  );
  const done = new Set(
    (await sql<{ name: string }>`select name from schema_migrations`.execute(database.db)).rows.map((r) => r.name),
  );
  const applied: string[] = [];
  for (const m of listMigrations(dir)) {
    if (done.has(m.name)) continue;
    const quoted = m.name.replace(/'/g, "''");
    await database.runScript(`${m.sql}\n;\ninsert into schema_migrations (name) values ('${quoted}');`);
    applied.push(m.name);
  }
  return applied;
}
