/**
 * Issue 5 benchmarks.
 * - tasks-api (PGlite): a commune with 2,000 tasks and 20,000 actions; p95 of the board and
 *   "my tasks" through the whole Fastify pipeline (app.inject: session, zod, SQL, mapping).
 * - reminder-scan (PostgreSQL, BENCH_DATABASE_URL): 3,321 communes × 500 tasks; the first scan
 *   (it inserts every reminder due) and a repeat (nothing new: unique keys).
 * Data come from seeded generators with set-based inserts, so every run sees the same data.
 */
import pg from 'pg';
import { sql } from 'kysely';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { prepareDatabase } from '../server/bootstrap.ts';
import { openMemory, openPostgres, type Database } from '../server/platform/db/database.ts';
import { scanReminders } from '../server/modules/tasks/tasks.reminders.ts';
import { log, passTemporaryPasswords, percentile, report } from './lib.ts';

/** mulberry32: a small seeded PRNG, so the generated commune is the same on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const iso = (dayNumber: number) => new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const TODAY = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

async function seedCommune(database: Database, tasks: number, actionsPerTask: number) {
  const db = database.db;
  const commune = await db
    .selectFrom('orgUnits')
    .select(['id', 'provinceId'])
    .where('code', '=', '11824')
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
    .select(['id', 'username'])
    .where('username', 'in', ['vinhbao.kinhte', 'vinhbao.motcua', 'vinhbao.vanhoa', 'vinhbao.chutich'])
    .execute();
  const who = (u: string) => people.find((p) => p.username === u)!.id;
  const kt = await db.selectFrom('orgUnits').select('id').where('code', '=', '11824-KT').executeTakeFirstOrThrow();
  const rand = rng(20260505);
  const today = dayOf(TODAY);
  const taskRows = [];
  const actionRows = [];
  const statuses = ['assigned', 'in_progress', 'submitted', 'verified', 'returned'] as const;
  for (let i = 0; i < tasks; i++) {
    const start = today - 400 + Math.floor(rand() * 600);
    const due = start + 20 + Math.floor(rand() * 300);
    const status = statuses[Math.floor(rand() * statuses.length)];
    // A tenth of the tasks are the unit officer's (Phòng Kinh tế), the rest spread over the units.
    const mine = i % 10 === 0;
    const id = crypto.randomUUID();
    taskRows.push({
      id,
      provinceId: commune.provinceId!,
      communeId: commune.id,
      groupName: `Nhóm ${1 + (i % 8)}`,
      source: 'meeting' as const,
      sourceRef: `TB ${i}`,
      title: `Nhiệm vụ thử nghiệm số ${i}`,
      leadUnitId: mine ? kt.id : units[i % units.length],
      assigneeId: mine ? who('vinhbao.kinhte') : who('vinhbao.motcua'),
      approverId: who('vinhbao.chutich'),
      approvingAuthority: 'Chủ tịch UBND xã',
      expectedProduct: 'Báo cáo',
      startDate: iso(start),
      dueDate: iso(due),
      status,
      percent: status === 'assigned' ? 0 : status === 'in_progress' ? Math.floor(rand() * 90) : 100,
      submittedOn: status === 'submitted' || status === 'verified' ? iso(Math.min(due + 5, today)) : null,
      verifiedOn: status === 'verified' ? iso(Math.min(due + 6, today)) : null,
      lastSeq: actionsPerTask,
    });
    for (let s = 1; s <= actionsPerTask; s++) {
      actionRows.push({
        taskId: id,
        provinceId: commune.provinceId!,
        communeId: commune.id,
        seq: s,
        kind: s === 1 ? ('assign' as const) : ('comment' as const),
        actorId: who('vinhbao.vanhoa'),
        actorName: 'Vũ Thị Lan',
        onDate: iso(start),
        percent: null,
        note: `Ghi chú ${s}`,
        details: '{}',
      });
    }
  }
  for (let i = 0; i < taskRows.length; i += 500)
    await db
      .insertInto('tasks')
      .values(taskRows.slice(i, i + 500))
      .execute();
  for (let i = 0; i < taskRows.length; i += 1000) {
    await db
      .insertInto('taskPartners')
      .values(
        taskRows.slice(i, i + 1000).map((t, k) => ({
          taskId: t.id,
          orgUnitId:
            units[(i + k + 1) % units.length] === t.leadUnitId
              ? units[(i + k + 2) % units.length]
              : units[(i + k + 1) % units.length],
          provinceId: t.provinceId,
          communeId: t.communeId,
        })),
      )
      .execute();
  }
  for (let i = 0; i < actionRows.length; i += 2000)
    await db
      .insertInto('taskActions')
      .values(actionRows.slice(i, i + 2000))
      .execute();
  await sql`analyze`.execute(db);
  return commune.id;
}

export async function tasksApiBench() {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent',
    REMINDER_INTERVAL_MINUTES: '0',
    SIGN_IN_RATE_PER_MINUTE: '100000',
  });
  const database = await openMemory();
  await prepareDatabase(database, config, { demo: true });
  await passTemporaryPasswords(database);
  const t0 = Date.now();
  const communeId = await seedCommune(database, 2000, 10);
  log(`tasks-api: 2,000 tasks and 20,000 actions in ${Date.now() - t0} ms`);
  const app = await buildApp({ config, database, serveWeb: false });
  await app.ready();
  const session = async (username: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username, password: 'XaSo@Demo2026' },
    });
    return `xaso_session=${res.cookies.find((c) => c.name === 'xaso_session')!.value}`;
  };
  const [officer, leaderCookie] = [await session('vinhbao.kinhte'), await session('vinhbao.chutich')];
  const unit = (
    await app.inject({ method: 'GET', url: '/api/v1/org/by-code/11824-KT', headers: { cookie: officer } })
  ).json().id;
  const measure = async (url: string, cookie: string, n = 200) => {
    const times: number[] = [];
    for (let i = 0; i < n + 20; i++) {
      const s = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (i >= 20) times.push(performance.now() - s);
    }
    return times;
  };
  const runs: [string, string, string, string][] = [
    [
      'board_commune_p95_ms',
      `/api/v1/tasks/board?communeId=${communeId}`,
      leaderCookie,
      'whole commune, 5 columns × 25 cards + counts',
    ],
    ['board_unit_p95_ms', `/api/v1/tasks/board?unitId=${unit}`, officer, 'Phòng Kinh tế, as its officer'],
    [
      'my_tasks_p95_ms',
      '/api/v1/tasks/mine',
      officer,
      'unit officer: 3 sections × ≤ 50 most urgent + counts (~160 open, ~120 partnering)',
    ],
    ['my_tasks_leader_p95_ms', '/api/v1/tasks/mine', leaderCookie, 'leader: submissions waiting for approval'],
  ];
  for (const [metric, url, cookie, note] of runs) {
    const times = await measure(url, cookie);
    report({
      scenario: 'tasks-api',
      metric,
      value: percentile(times, 95),
      unit: 'ms',
      target: 50,
      better: 'lower',
      note: `${note}; p50 ${percentile(times, 50).toFixed(1)} ms; PGlite, 2,000 tasks, 20,000 actions`,
    });
  }
  const overdue = await measure(`/api/v1/tasks/overdue?communeId=${communeId}`, leaderCookie, 50);
  report({
    scenario: 'tasks-api',
    metric: 'overdue_list_p95_ms',
    value: percentile(overdue, 95),
    unit: 'ms',
    better: 'lower',
    note: 'leader overdue + at-risk, every open task timed',
  });
  await app.close();
  await database.close();
}

export async function reminderScanBench(pgUrl: string) {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const dbName = `xaso_bench_rem_${process.pid}`;
  await admin.query(`drop database if exists ${dbName}`);
  await admin.query(`create database ${dbName}`);
  const u = new URL(pgUrl);
  u.pathname = `/${dbName}`;
  const database = await openPostgres(u.toString(), { poolSize: 4 });
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent' });
    await prepareDatabase(database, config, { demo: true });
    await passTemporaryPasswords(database);
    const t0 = Date.now();
    // Bulk load the usual way: drop the task indexes, insert, build them again from their definitions.
    const indexes = (
      await sql<{
        name: string;
        def: string;
      }>`select indexname as name, indexdef as def from pg_indexes where tablename = 'tasks' and indexname <> 'tasks_pkey'`.execute(
        database.db,
      )
    ).rows;
    await database.runScript(indexes.map((i) => `drop index ${i.name};`).join('\n'));
    // Set-based and seeded: setseed() makes random() repeat; one script = one session.
    await database.runScript(`
      select setseed(0.2026);
      update users set email = 'bench@example.invalid' where username = 'admin';
      create temporary table bench_units on commit drop as
        select commune_id, array_agg(id order by code) as ids from org_units where kind = 'unit' group by commune_id;
      insert into tasks (province_id, commune_id, source, source_ref, title, lead_unit_id, assignee_id, approver_id, approving_authority,
                         expected_product, start_date, due_date, status, percent, last_seq)
      select c.province_id, c.id, 'plan', null, 'Nhiệm vụ ' || g, bu.ids[1 + g % array_length(bu.ids, 1)], a.id, a.id, 'Chủ tịch UBND xã', 'Báo cáo',
             d.due - 90, d.due,
             case when d.due < date '${TODAY}' then (case when r < 0.9 then 'verified' else 'in_progress' end)
                  else (case when r < 0.2 then 'in_progress' else 'assigned' end) end,
             0, 1
      from org_units c
      join bench_units bu on bu.commune_id = c.id
      cross join generate_series(1, 500) g
      cross join lateral (select date '2026-01-01' + (random() * 1825 + 0 * g)::int as due, random() + 0 * g as r) d
      cross join (select id from users where username = 'admin') a
      where c.kind = 'commune';
      ${indexes.map((i) => `${i.def};`).join('\n')}
      analyze tasks;`);
    const n = Number((await sql<{ n: number }>`select count(*) as n from tasks`.execute(database.db)).rows[0].n);
    log(`reminder-scan: ${n.toLocaleString('en')} tasks generated in ${Date.now() - t0} ms`);
    const first = await scanReminders(database.db, TODAY, { escalateAfter: 3 });
    report({
      scenario: 'reminder-scan',
      metric: 'first_scan_ms',
      value: first.ms,
      unit: 'ms',
      target: 5000,
      better: 'lower',
      note: `${n.toLocaleString('en')} tasks, 3,321 communes; ${first.dueSoon} due-soon, ${first.overdue} overdue, ${first.escalated} escalated, ${first.digests} digests, ${first.mails} mails; PostgreSQL`,
    });
    const again = await scanReminders(database.db, TODAY, { escalateAfter: 3 });
    report({
      scenario: 'reminder-scan',
      metric: 'repeat_scan_ms',
      value: again.ms,
      unit: 'ms',
      target: 5000,
      better: 'lower',
      note: `same day again: ${again.dueSoon + again.overdue + again.escalated + again.digests} new (unique keys)`,
    });
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}
