/**
 * Seeded data generators of the dashboard benchmarks (issue 7: B1, B3, B4).
 *
 * Reproducible: every random number comes from PostgreSQL's random() after `setseed(seed)`
 * (one script = one session, rows generated in a fixed order) or from mulberry32(seed) in
 * JavaScript; row ids are random UUIDs, everything else is the same on every run with the
 * same seed. Bulk rows are written set-based (insert … select … generate_series), never row by
 * row, and the rollup rows of the last period go through the application's own code where
 * the row count allows it (B1) or through SQL that mirrors it (B3, documented below).
 */
import { sql } from 'kysely';
import type { Database } from '../../server/platform/db/database.ts';

/** mulberry32: a small seeded PRNG. */
export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** setseed() takes a number in [-1, 1]. */
const BENCH_PLAN = '%(dữ liệu thử hiệu năng)';

const pgSeed = (seed: number) => ((seed % 1_000_003) / 1_000_003).toFixed(6);

async function count(database: Database, table: string) {
  return Number(
    (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(database.db)).rows[0].n,
  );
}

// ——— B1: one commune, ten years ———

export interface CommuneHistory {
  communeId: string;
  provinceId: string;
  planId: string;
  /** The targets of the bench plan, in order, with their reporting unit. */
  targets: { id: string; unitId: string }[];
  units: string[];
  records: number;
  values: number;
}

/**
 * One commune with `years` years of history ending with `lastYear`:
 * - `recordsPerYear` dossier-sized records a year (≈ 300-character text + a small JSON). There
 *   is no dossier table yet. recordsIn 'actions' (default): `tasksPerYear` tasks a year and the
 *   records as rows of their append-only action log `task_actions` — the closest tenant table in
 *   row size and shape (a dossier is an action log too), and one no dashboard reads. recordsIn
 *   'tasks': the records are `tasks` rows themselves, so every task figure counts them (the
 *   worst case for figures computed from records).
 * - a plan of `targets` targets linked to catalogue indicators, reported by the commune's units
 *   round-robin, with one value per target per month for every month of the `years` years.
 *   The history is inserted set-based; the last month goes through recordValues() — the code
 *   an approval runs — so the rollup rows are the application's own.
 */
export async function seedCommuneHistory(
  database: Database,
  opts: {
    seed: number;
    communeCode: string;
    years: number;
    lastYear: number;
    recordsPerYear: number;
    recordsIn: 'actions' | 'tasks';
    tasksPerYear: number;
    targets: number;
    recordValues: (
      values: { targetId: string; periodCode: string; periodEnd: string; value: number }[],
    ) => Promise<void>;
  },
): Promise<CommuneHistory> {
  const db = database.db;
  const commune = await db
    .selectFrom('orgUnits')
    .select(['id', 'provinceId'])
    .where('code', '=', opts.communeCode)
    .where('kind', '=', 'commune')
    .executeTakeFirstOrThrow();
  const units = (
    await db
      .selectFrom('orgUnits')
      .select('id')
      .where('communeId', '=', commune.id)
      .where('kind', '=', 'unit')
      .orderBy('code')
      .execute()
  ).map((u) => u.id);
  const people = await db
    .selectFrom('users')
    .select('id')
    .where('communeId', '=', commune.id)
    .orderBy('username')
    .execute();
  if (!units.length || !people.length) throw new Error(`commune ${opts.communeCode} needs units and users (demo data)`);
  const firstYear = opts.lastYear - opts.years + 1;
  const plan = await db
    .insertInto('plans')
    .values({
      provinceId: commune.provinceId!,
      communeId: commune.id,
      title: `Kế hoạch chuyển đổi số giai đoạn ${firstYear}–${opts.lastYear + 1} (dữ liệu thử hiệu năng)`,
      number: null,
      issuedOn: null,
      periodFrom: firstYear,
      periodTo: opts.lastYear + 1,
      signerName: null,
      signerTitle: null,
      createdBy: null,
      archivedAt: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const indicators = await db.selectFrom('indicators').select(['id', 'code', 'name', 'unit']).orderBy('code').execute();
  const rand = rng(opts.seed);
  const targetRows = Array.from({ length: opts.targets }, (_, i) => {
    const ind = indicators[i % indicators.length];
    const pct = ind.unit === '%';
    return {
      planId: plan.id,
      provinceId: commune.provinceId!,
      communeId: commune.id,
      groupName: `Nhóm ${1 + (i % 6)}`,
      text: `${ind.name} (chỉ tiêu thử ${i + 1})`,
      kind: 'target' as const,
      comparator: '>=' as const,
      value: pct ? 80 + Math.floor(rand() * 21) : 50 + Math.floor(rand() * 450),
      valueMax: null,
      unit: ind.unit,
      year: opts.lastYear + 1,
      sourceLine: null,
      indicatorId: ind.id,
      indicatorLink: 'confirmed' as const,
      sortOrder: i + 1,
      reportingUnitId: units[i % units.length],
    };
  });
  const targets = await db.insertInto('planTargets').values(targetRows).returning(['id', 'reportingUnitId']).execute();
  // Monthly values: a per-target start level and slope (from the seeded PRNG) plus seeded noise.
  const shape = targets.map((t, i) => ({
    id: t.id,
    base: 10 + Math.floor(rand() * 40),
    slope: 0.2 + rand() * 0.6,
    scale: targetRows[i].unit === '%' ? 1 : targetRows[i].value / 100,
  }));
  await database.runScript(`
    select setseed(${pgSeed(opts.seed)});
    create temporary table bench_shape (target_id uuid, base numeric, slope numeric, scale numeric) on commit drop;
    insert into bench_shape values ${shape.map((s) => `('${s.id}', ${s.base}, ${s.slope.toFixed(4)}, ${s.scale.toFixed(4)})`).join(',')};
    insert into indicator_values (province_id, commune_id, target_id, indicator_id, period_code, period_end, value, source, source_ref, produced_at)
    select t.province_id, t.commune_id, t.id, t.indicator_id, to_char(m.d, 'YYYY') || '-M' || to_char(m.d, 'MM'), (m.d + interval '1 month - 1 day')::date,
           round((least(100, greatest(0, s.base + s.slope * m.k + random() * 6 - 3)) * s.scale)::numeric, 1), 'report', 'bench', m.d + interval '1 month 5 days'
    from plan_targets t
    join bench_shape s on s.target_id = t.id
    cross join generate_series(date '${firstYear}-01-01', date '${opts.lastYear}-11-01', interval '1 month') with ordinality as m(d, k)
    where t.plan_id = '${plan.id}'
    order by t.sort_order, m.k;`);
  // The last month through the application's write path (value + rollup).
  const lastK = opts.years * 12;
  await opts.recordValues(
    shape.map((s) => ({
      targetId: s.id,
      periodCode: `${opts.lastYear}-M12`,
      periodEnd: `${opts.lastYear}-12-31`,
      value: Math.round(Math.min(100, s.base + s.slope * lastK) * s.scale * 10) / 10,
    })),
  );
  // The records. 'actions': `tasksPerYear` tasks a year, and the dossier-sized records as rows of
  // their append-only action log (a dossier is an action log too), spread evenly over the
  // tasks. 'tasks': the records are tasks themselves (then every task figure counts them).
  const start = Date.UTC(firstYear, 0, 1) / 86_400_000;
  const total = opts.recordsPerYear * opts.years;
  const tasks = opts.recordsIn === 'tasks' ? total : opts.tasksPerYear * opts.years;
  const days = opts.years * 365;
  const text = `'Người nộp: Nguyễn Văn ' || chr(65 + g % 26) || ', thôn ' || (1 + g % 12) || '. Địa chỉ liên hệ: số ' || (g % 300) || ' đường Trần Hưng Đạo. Thành phần hồ sơ: tờ khai, bản sao giấy tờ tùy thân, giấy tờ chứng minh nơi cư trú. Kết quả trả qua Bưu điện hoặc tại Trung tâm Phục vụ hành chính công.'`;
  await database.runScript(`
    select setseed(${pgSeed(opts.seed + 1)});
    insert into tasks (province_id, commune_id, source, source_ref, title, description, lead_unit_id, assignee_id, approver_id, approving_authority, expected_product,
                       start_date, due_date, status, percent, submitted_on, verified_on, last_seq, created_at)
    select '${commune.provinceId}', '${commune.id}', 'other', 'HS-' || lpad(g::text, 7, '0'),
           'Hồ sơ thủ tục hành chính số ' || g || ' — ' || (array['Đăng ký khai sinh', 'Chứng thực bản sao', 'Đăng ký kết hôn', 'Cấp giấy xác nhận tình trạng hôn nhân', 'Đăng ký thường trú'])[1 + g % 5],
           ${opts.recordsIn === 'tasks' ? text : 'null'},
           u.ids[1 + g % array_length(u.ids, 1)], p.ids[1 + g % array_length(p.ids, 1)], p.ids[1 + (g + 1) % array_length(p.ids, 1)], 'Chủ tịch UBND xã', 'Kết quả giải quyết hồ sơ',
           d.s, d.s + 15,
           case when d.s + 15 < current_date then (case when d.r < 0.97 then 'verified' else 'in_progress' end) else (case when d.r < 0.3 then 'in_progress' else 'assigned' end) end,
           case when d.s + 15 < current_date and d.r < 0.97 then 100 else 0 end,
           case when d.s + 15 < current_date and d.r < 0.97 then d.s + (case when d.r < 0.87 then 10 else 20 end) end,
           case when d.s + 15 < current_date and d.r < 0.97 then d.s + (case when d.r < 0.87 then 11 else 21 end) end,
           ${opts.recordsIn === 'tasks' ? 1 : Math.ceil(total / tasks)}, (date '1970-01-01' + (${start} + (g::bigint * ${days}) / ${tasks})::int)::timestamptz
    from generate_series(1, ${tasks}) g
    cross join (select array_agg(id order by code) as ids from org_units where commune_id = '${commune.id}' and kind = 'unit') u
    cross join (select array_agg(id order by username) as ids from users where commune_id = '${commune.id}') p
    cross join lateral (select (date '1970-01-01' + (${start} + (g::bigint * ${days}) / ${tasks})::int) as s, random() + 0 * g as r) d
    order by g;
    ${
      opts.recordsIn === 'tasks'
        ? ''
        : `
    create temporary table bench_tasks on commit drop as
      select id, row_number() over (order by created_at, source_ref) - 1 as n, start_date, assignee_id from tasks where commune_id = '${commune.id}' and source_ref like 'HS-%';
    insert into task_actions (task_id, province_id, commune_id, seq, kind, actor_id, actor_name, at, on_date, percent, note, details)
    select t.id, '${commune.provinceId}', '${commune.id}', 1 + g / ${tasks}, case when g < ${tasks} then 'assign' else 'comment' end, t.assignee_id, 'Cán bộ một cửa',
           t.start_date + (g / ${tasks}) % 15, t.start_date + (g / ${tasks}) % 15, null, ${text}, jsonb_build_object('dossier', 'HS-' || lpad(g::text, 7, '0'), 'fee', (g % 7) * 10000)
    from generate_series(0, ${total - 1}) g
    join bench_tasks t on t.n = g % ${tasks}
    order by g;`
    }
    analyze;`);
  return {
    communeId: commune.id,
    provinceId: commune.provinceId!,
    planId: plan.id,
    targets: targets.map((t) => ({ id: t.id, unitId: t.reportingUnitId! })),
    units,
    records: total,
    values: await count(database, 'indicator_values'),
  };
}

// ——— B3: the nation ———

export interface Nation {
  communes: number;
  indicators: string[];
  targets: number;
  values: number;
  periods: string[];
}

/**
 * Every commune (or `communes` of them: `firstCommuneCode`, then by code) with a plan of `indicators` targets, one
 * per catalogue indicator (the shared catalogue has 32; the rest are added as
 * "Chỉ tiêu thử BENCH-nn"), and one value per target per quarter for `quarters` quarters
 * ending with `lastYear`-Q4. The rollup rows (target_latest) are computed in SQL from the
 * last quarter the way recordValues() computes them for the '>=' comparator every generated
 * target uses: attainment = value / target, status from the plan's elapsed share.
 * Bulk load: the value table's secondary index and unique constraint are dropped and built
 * again after the insert (foreign keys hold by construction and are not re-checked row by row).
 */
export async function seedNation(
  database: Database,
  opts: {
    seed: number;
    communes: number;
    indicators: number;
    quarters: number;
    lastYear: number;
    firstCommuneCode: string;
  },
): Promise<Nation> {
  const db = database.db;
  const have = await count(database, 'indicators');
  if (have < opts.indicators) {
    await db
      .insertInto('indicators')
      .values(
        Array.from({ length: opts.indicators - have }, (_, i) => ({
          code: `BENCH-${String(i + 1).padStart(2, '0')}`,
          name: `Chỉ tiêu thử hiệu năng số ${i + 1}`,
          unit: '%',
          domain: 'other' as const,
          aliases: '[]',
          provinceId: null,
          mergedIntoId: null,
          createdBy: null,
          description: null,
          numerator: null,
          denominator: null,
          source: null,
        })),
      )
      .execute();
  }
  const firstYear = opts.lastYear - Math.ceil(opts.quarters / 4) + 1;
  const periods: string[] = [];
  for (let y = firstYear; y <= opts.lastYear; y++) for (let q = 1; q <= 4; q++) periods.push(`${y}-Q${q}`);
  const used = periods.slice(-opts.quarters);
  const periodRows = used.map((code) => {
    const [y, q] = [Number(code.slice(0, 4)), Number(code.slice(6))];
    const end = new Date(Date.UTC(y, q * 3, 0)).toISOString().slice(0, 10);
    return `('${code}', date '${end}', ${used.indexOf(code) + 1})`;
  });
  await database.runScript(`
    select setseed(${pgSeed(opts.seed)});
    set local session_replication_role = replica;
    create temporary table bench_communes on commit drop as
      select id, province_id from org_units where kind = 'commune' order by code <> '${opts.firstCommuneCode}', code limit ${opts.communes};
    create temporary table bench_indicators on commit drop as
      select id, row_number() over (order by code) as n from indicators order by code limit ${opts.indicators};
    create temporary table bench_periods (code text, period_end date, k int) on commit drop;
    insert into bench_periods values ${periodRows.join(',')};
    insert into plans (province_id, commune_id, title, period_from, period_to)
      select province_id, id, 'Kế hoạch chuyển đổi số giai đoạn ${firstYear}–${opts.lastYear + 1} (dữ liệu thử hiệu năng)', ${firstYear}, ${opts.lastYear + 1} from bench_communes;
    create temporary table bench_plans on commit drop as select id, province_id, commune_id from plans where title like '%(dữ liệu thử hiệu năng)';
    insert into plan_targets (plan_id, province_id, commune_id, group_name, text, kind, comparator, value, unit, year, indicator_id, indicator_link, sort_order)
      select p.id, p.province_id, p.commune_id, 'Nhóm ' || (1 + i.n % 6), 'Chỉ tiêu ' || i.n, 'target', '>=', 80 + floor(random() * 21), '%', ${opts.lastYear + 1}, i.id, 'confirmed', i.n
      from bench_plans p cross join bench_indicators i
      order by p.commune_id, i.n;
    create temporary table bench_shape on commit drop as
      select t.id as target_id, 10 + random() * 40 as base, 0.5 + random() * 3 as slope
      from plan_targets t join bench_plans p on p.id = t.plan_id order by t.commune_id, t.sort_order;
    alter table indicator_values drop constraint indicator_values_target_id_period_code_source_key;
    drop index indicator_values_target;
    insert into indicator_values (province_id, commune_id, target_id, indicator_id, period_code, period_end, value, source, source_ref, produced_at)
      select t.province_id, t.commune_id, t.id, t.indicator_id, p.code, p.period_end, round(least(100, greatest(0, s.base + s.slope * p.k + random() * 6 - 3))::numeric, 1),
             'report', 'bench', p.period_end + 10
      from bench_shape s join plan_targets t on t.id = s.target_id cross join bench_periods p
      order by t.commune_id, t.sort_order, p.k;
    alter table indicator_values add constraint indicator_values_target_id_period_code_source_key unique (target_id, period_code, source);
    create index indicator_values_target on indicator_values (commune_id, target_id, period_end);
    insert into target_latest (target_id, province_id, commune_id, indicator_id, value, period_code, period_end, attainment, status, source)
      select v.target_id, v.province_id, v.commune_id, v.indicator_id, v.value, v.period_code, v.period_end, round(100 * v.value / t.value, 2),
             case when v.value >= t.value then 'reached'
                  when 100 * v.value / t.value >= 100 * r.share then 'on_track'
                  when 100 * v.value / t.value >= 80 * r.share then 'at_risk'
                  else 'off_track' end,
             v.source
      from indicator_values v join plan_targets t on t.id = v.target_id
      cross join lateral (select least(1, greatest(0, (extract(year from v.period_end) + (extract(month from v.period_end) - 1) / 12.0 + extract(day from v.period_end) / 365.0 - ${firstYear}) / (${opts.lastYear + 2 - firstYear}))) as share) r
      where v.period_code = '${used[used.length - 1]}' and v.source_ref = 'bench';`);
  await sql`analyze`.execute(db);
  const indicators = (
    await db.selectFrom('indicators').select('id').orderBy('code').limit(opts.indicators).execute()
  ).map((i) => i.id);
  return {
    communes: opts.communes,
    indicators,
    targets: opts.communes * opts.indicators,
    values: await count(database, 'indicator_values'),
    periods: used,
  };
}

// ——— B4: the deadline wave ———

export interface Wave {
  communes: {
    communeId: string;
    unitId: string;
    periodId: string;
    userId: string;
    targets: { id: string; unit: string }[];
  }[];
}

/**
 * Every commune (or the first `communes` by code) with a plan of `values` targets all reported
 * by one unit (its economy office where it has one), a unit-level reporting period
 * (`period`, due in a week) and one unit officer of that unit (password hash shared, like the
 * demo accounts). Nothing has been submitted yet.
 */
export async function seedWave(
  database: Database,
  opts: {
    seed: number;
    communes: number;
    values: number;
    period: { code: string; label: string; start: string; end: string; due: string };
    passwordHash: string;
  },
): Promise<Wave> {
  const db = database.db;
  const p = opts.period;
  await database.runScript(`
    select setseed(${pgSeed(opts.seed)});
    create temporary table bench_communes on commit drop as
      select c.id, c.province_id, c.code,
             (select u.id from org_units u where u.commune_id = c.id and u.kind = 'unit' order by (u.unit_type = 'economy') desc, u.code limit 1) as unit_id
      from org_units c where c.kind = 'commune' order by c.code limit ${opts.communes};
    create temporary table bench_indicators on commit drop as
      select id, unit, row_number() over (order by code) as n from indicators where province_id is null order by code;
    insert into plans (province_id, commune_id, title, period_from, period_to)
      select province_id, id, 'Kế hoạch chuyển đổi số năm 2026 (dữ liệu thử hiệu năng)', 2026, 2026 from bench_communes;
    create temporary table bench_plans on commit drop as select id, province_id, commune_id from plans where title like '%(dữ liệu thử hiệu năng)';
    insert into plan_targets (plan_id, province_id, commune_id, group_name, text, kind, comparator, value, unit, year, indicator_id, indicator_link, sort_order, reporting_unit_id)
      select p.id, p.province_id, p.commune_id, 'Nhóm ' || (1 + g % 6), 'Chỉ tiêu thử ' || g, 'target', '>=', case when i.unit = '%' then 80 + floor(random() * 21) else 10 + floor(random() * 200) end,
             i.unit, 2026, i.id, 'confirmed', g, c.unit_id
      from bench_plans p join bench_communes c on c.id = p.commune_id
      cross join generate_series(1, ${opts.values}) g
      join bench_indicators i on i.n = 1 + (g - 1) % (select count(*) from bench_indicators)
      order by p.commune_id, g;
    insert into reporting_periods (province_id, commune_id, plan_id, level, code, kind, label, start_on, end_on, closing_start, closing_end, due_on, deadline_text, recipient, legal_basis)
      select p.province_id, p.commune_id, p.id, 'unit', '${p.code}', 'quarter', '${p.label}', '${p.start}', '${p.end}', '${p.start}', '${p.end}', '${p.due}', null, 'Văn phòng HĐND và UBND xã', 'Nghị định 09/2019/NĐ-CP, Điều 12'
      from bench_plans p;
    insert into users (username, full_name, password_hash, org_unit_id, province_id, commune_id)
      select 'bench.' || c.code, 'Cán bộ thử ' || c.code, '${opts.passwordHash.replace(/'/g, "''")}', c.unit_id, c.province_id, c.id from bench_communes c;
    insert into role_grants (user_id, role, org_unit_id, province_id, commune_id)
      select u.id, 'unit_officer', u.org_unit_id, u.province_id, u.commune_id from users u where u.username like 'bench.%';
    analyze;`);
  const periods = await db
    .selectFrom('reportingPeriods as r')
    .innerJoin('users as u', (j) => j.onRef('u.communeId', '=', 'r.communeId').on('u.username', 'like', 'bench.%'))
    .select(['r.communeId', 'r.id as periodId', 'r.planId', 'u.id as userId', 'u.orgUnitId'])
    .innerJoin('plans as p', 'p.id', 'r.planId')
    .where('p.title', 'like', BENCH_PLAN)
    .where('r.code', '=', p.code)
    .orderBy('r.communeId')
    .execute();
  const targets = await db
    .selectFrom('planTargets')
    .select(['id', 'planId', 'unit'])
    .where('planId', 'in', sql<string>`(select id from plans where title like ${BENCH_PLAN})`)
    .orderBy('planId')
    .orderBy('sortOrder')
    .execute();
  const byPlan = new Map<string, { id: string; unit: string }[]>();
  for (const t of targets) {
    if (!byPlan.has(t.planId)) byPlan.set(t.planId, []);
    byPlan.get(t.planId)!.push({ id: t.id, unit: t.unit });
  }
  return {
    communes: periods.map((r) => ({
      communeId: r.communeId,
      unitId: r.orgUnitId,
      periodId: r.periodId,
      userId: r.userId,
      targets: byPlan.get(r.planId) ?? [],
    })),
  };
}
