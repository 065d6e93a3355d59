/**
 * Every tenant-owned table carries commune_id and province_id, so the schema can be
 * distributed by commune on Citus (docs/SCALING.md). Reference and platform tables are
 * listed here by name, each with the reason; a new table must either carry both columns
 * or be added below on purpose.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test/test-app.ts';

const NOT_TENANT_OWNED: Record<string, string> = {
  schema_migrations: 'bookkeeping of the migrations',
  org_units: 'reference table (the organisation tree, replicated to every node); still carries both columns',
  indicators: 'reference table (the shared indicator catalogue)',
  criteria_sets: "a province's assessment set: province-owned (province_id), replicated",
  criteria: 'rows of a criteria set: province-owned (province_id), replicated',
  users: 'platform table: people of any level; carries both columns, nullable above the commune',
  role_grants: 'platform table: grants at any level; carries both columns, nullable above the commune',
  sessions: 'platform table: sign-in sessions, keyed by the user',
};

const database = useTestDatabase();

describe('tenancy', () => {
  it('every tenant-owned table carries commune_id and province_id', async () => {
    const rows = (
      await sql<{ table: string; columns: string }>`
        select t.table_name as table, coalesce(string_agg(c.column_name, ',' order by c.column_name), '') as columns
        from information_schema.tables t
        left join information_schema.columns c on c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name in ('commune_id', 'province_id')
        where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
        group by t.table_name order by t.table_name`.execute(database().db)
    ).rows;
    expect(rows.length).toBeGreaterThan(15);
    const missing = rows
      .filter((r) => !(r.table in NOT_TENANT_OWNED) && r.columns !== 'commune_id,province_id')
      .map((r) => `${r.table} (${r.columns || 'none'})`);
    expect(missing).toEqual([]);
  });

  it('the indexes of tenant-owned tables lead with commune_id where they serve tenant queries', async () => {
    const idx = (
      await sql<{
        table: string;
        def: string;
      }>`select tablename as table, indexdef as def from pg_indexes where schemaname = 'public'`.execute(database().db)
    ).rows;
    const tenantTables = new Set(idx.map((i) => i.table).filter((t) => !(t in NOT_TENANT_OWNED)));
    const withCommuneLeading = [...tenantTables].filter((t) =>
      idx.some((i) => i.table === t && /\(commune_id[,)]/.test(i.def)),
    );
    // Most tenant tables are reached by commune first; list the others for review.
    expect(withCommuneLeading.length / tenantTables.size).toBeGreaterThan(0.5);
  });
});
