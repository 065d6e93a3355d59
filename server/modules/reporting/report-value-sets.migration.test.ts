/**
 * Migration 0009 moves each unit report's values from one row per value (report_values) into
 * one set per submission (report_value_sets): nothing a unit reported may be lost on the way.
 * The database is put back to how 0008 left it (report_values as 0004 made it, no sets),
 * given rows, and migrated forward.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestDatabase } from '../../test/test-app.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { valueSets } from './reporting.queries.ts';

const database = useTestDatabase();

describe('migration 0009 (report values → one set per submission)', () => {
  it('keeps every value, fraction, reasoned blank and note, and the target order', async () => {
    const db = database().db;
    // A unit-level period and three targets its unit reports.
    const rows = (
      await sql<{ periodId: string; unitId: string; targetId: string; provinceId: string; communeId: string }>`
      select p.id as period_id, t.reporting_unit_id as unit_id, t.id as target_id, p.province_id, p.commune_id
      from reporting_periods p join plan_targets t on t.plan_id = p.plan_id
      where p.level = 'unit' and t.kind = 'target' and t.reporting_unit_id = (
        select t2.reporting_unit_id from plan_targets t2 where t2.plan_id = p.plan_id and t2.reporting_unit_id is not null group by 1 having count(*) >= 3 limit 1)
      order by p.due_on, t.sort_order limit 3`.execute(db)
    ).rows;
    expect(rows).toHaveLength(3);
    const [a, b, c] = rows;

    // Back to the schema as 0008 left it.
    await sql`drop table report_value_sets`.execute(db);
    await sql`create table report_values (
      id uuid primary key default gen_random_uuid(), province_id uuid not null, commune_id uuid not null,
      submission_id uuid not null references report_submissions (id) on delete cascade,
      target_id uuid not null references plan_targets (id) on delete cascade,
      value numeric, numerator numeric, denominator numeric, note text, warning text, unique (submission_id, target_id))`.execute(
      db,
    );
    await sql`delete from schema_migrations where name = '0009-report-value-sets.sql'`.execute(db);

    const sub = (
      await sql<{ id: string }>`insert into report_submissions (province_id, commune_id, period_id, unit_id, status)
      values (${a.provinceId}, ${a.communeId}, ${a.periodId}, ${a.unitId}, 'approved') returning id`.execute(db)
    ).rows[0];
    const note = 'Chưa có số liệu: "Sở" gửi {bảng}, a\\b; NULL, 1,5';
    // Written in reverse target order: the set comes back in the plan's order.
    await sql`insert into report_values (province_id, commune_id, submission_id, target_id, value, numerator, denominator, note, warning) values
      (${a.provinceId}, ${a.communeId}, ${sub.id}, ${c.targetId}, null, null, null, ${note}, null),
      (${a.provinceId}, ${a.communeId}, ${sub.id}, ${b.targetId}, 77.78, 7, 9, null, null),
      (${a.provinceId}, ${a.communeId}, ${sub.id}, ${a.targetId}, 12.345678901234, null, null, null, 'Giá trị thay đổi nhiều so với kỳ trước')`.execute(
      db,
    );

    expect(await migrate(database())).toEqual(['0009-report-value-sets.sql']);
    const sets = await valueSets(db, [sub.id]);
    expect(sets.get(sub.id)).toEqual([
      {
        targetId: a.targetId,
        value: 12.345678901234,
        numerator: null,
        denominator: null,
        note: null,
        warning: 'Giá trị thay đổi nhiều so với kỳ trước',
      },
      { targetId: b.targetId, value: 77.78, numerator: 7, denominator: 9, note: null, warning: null },
      { targetId: c.targetId, value: null, numerator: null, denominator: null, note, warning: null },
    ]);
    const left = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from information_schema.tables where table_name = 'report_values'`.execute(db)
    ).rows[0];
    expect(left.n).toBe(0);
  });
});
