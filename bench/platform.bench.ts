/**
 * Issue 3 benchmarks: cold start and reopen on a new data folder, event-loop lag while
 * PGlite runs a 2-second query, and an authenticated point read against bare Fastify + pg.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openMemory } from '../server/platform/db/database.ts';
import { freePort, load, log, report, startChild, startServerChild, stopChild, waitForHealth } from './lib.ts';

export async function startupBench() {
  // What `npm start` runs first: the server bundle (bin/xaso.mjs falls back to tsx without it).
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs', '--if-stale'], { stdio: 'ignore' });
  if (built.status !== 0) throw new Error('scripts/build-server.mjs failed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xaso-bench-start-'));
  const startOnce = async () => {
    const port = await freePort();
    const t0 = Date.now();
    const child = startServerChild({ DATA_DIR: dir, PORT: String(port), DATABASE_URL: '' });
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, 120_000);
    const ms = Date.now() - t0;
    await stopChild(child);
    return ms;
  };
  const cold = await startOnce();
  report({
    scenario: 'startup',
    metric: 'cold_start_ms',
    value: cold,
    unit: 'ms',
    target: 15_000,
    better: 'lower',
    note: 'new data folder: initdb, migrations, 19,961-node tree, demo data',
  });
  // One reopen is at the mercy of whatever else the machine does; the median of five is not.
  const reopens: number[] = [];
  for (let i = 0; i < 5; i++) reopens.push(await startOnce());
  reopens.sort((a, b) => a - b);
  report({
    scenario: 'startup',
    metric: 'reopen_ms',
    value: reopens[2],
    unit: 'ms',
    target: 2_000,
    better: 'lower',
    note: `median of 5, process start to first healthy answer (min ${reopens[0]}, max ${reopens[4]})`,
  });
  fs.rmSync(dir, { recursive: true, force: true });
}

export async function eventLoopBench() {
  const database = await openMemory();
  // Size the query to take about 2 s on this machine.
  let n = 2_000_000;
  for (;;) {
    const t0 = Date.now();
    await database.runScript(`select sum(x), count(*) from generate_series(1, ${n}) as x`);
    const ms = Date.now() - t0;
    if (ms > 1500 || n > 64_000_000) break;
    n = Math.round((n * 2000) / Math.max(ms, 50));
  }
  let maxLag = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxLag = Math.max(maxLag, now - last - 10);
    last = now;
  }, 10);
  const t0 = Date.now();
  await database.runScript(`select sum(x), count(*) from generate_series(1, ${n}) as x`);
  const queryMs = Date.now() - t0;
  clearInterval(timer);
  await database.close();
  report({
    scenario: 'event-loop',
    metric: 'max_lag_during_long_query_ms',
    value: maxLag,
    unit: 'ms',
    target: 50,
    better: 'lower',
    note: `PGlite query of ${queryMs} ms in the worker thread`,
  });
}

export async function pointReadBench(pgUrl: string) {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const dbName = `xaso_bench_${process.pid}`;
  await admin.query(`drop database if exists ${dbName}`);
  await admin.query(`create database ${dbName}`);
  const u = new URL(pgUrl);
  u.pathname = `/${dbName}`;
  const url = u.toString();
  const appPort = await freePort();
  // BENCH_PROFILE_DIR=folder writes a CPU profile of the server (Node refuses --cpu-prof in NODE_OPTIONS).
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const app = startServerChild({ DATABASE_URL: url, PORT: String(appPort), DEMO: '1' }, profile);
  try {
    await waitForHealth(`http://127.0.0.1:${appPort}/api/health`, 120_000);
    const signIn = await fetch(`http://127.0.0.1:${appPort}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'vinhbao.chutich', password: 'XaSo@Demo2026' }),
    });
    const cookie = signIn.headers.getSetCookie()[0].split(';')[0];
    const session = (await signIn.json()) as { csrfToken: string; user: { id: string } };
    const userId = session.user.id;
    // A demo account's temporary password must be changed before its session may read anything.
    const changed = await fetch(`http://127.0.0.1:${appPort}/api/v1/auth/change-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ currentPassword: 'XaSo@Demo2026', newPassword: 'Đo hiệu năng đọc một bản ghi 2026' }),
    });
    if (!changed.ok) throw new Error(`change-password: ${changed.status} ${await changed.text()}`);
    const unit = (
      await (await fetch(`http://127.0.0.1:${appPort}/api/v1/org/by-code/11824-KT`, { headers: { cookie } })).json()
    ).id as string;
    const barePort = await freePort();
    const bare = startChild(['bin/run-ts.mjs', 'bench/bare-server.ts', String(barePort), url], {});
    await waitForHealth(`http://127.0.0.1:${barePort}/health`);
    const seconds = Number(process.env.BENCH_SECONDS ?? 8);
    // Rounds of bare then app, one after the other (two cores: never at the same time). One
    // pair varies by ±7 % on this machine, so the figures are each round's median.
    const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
    const bareUrl = `http://127.0.0.1:${barePort}/bare/${unit}`;
    const appUrl = `http://127.0.0.1:${appPort}/api/v1/users/${userId}`;
    await load({ url: bareUrl, concurrency: 16, seconds: 2 });
    await load({ url: appUrl, headers: { cookie }, concurrency: 16, seconds: 2 });
    const pairs: { bare: Awaited<ReturnType<typeof load>>; app: Awaited<ReturnType<typeof load>> }[] = [];
    for (let i = 0; i < rounds; i++) {
      const bareRun = await load({ url: bareUrl, concurrency: 16, seconds });
      const appRun = await load({ url: appUrl, headers: { cookie }, concurrency: 16, seconds });
      if (appRun.errors || bareRun.errors) log(`errors: app ${appRun.errors}, bare ${bareRun.errors}`);
      pairs.push({ bare: bareRun, app: appRun });
    }
    await stopChild(bare);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ratios = pairs.map((p) => (100 * p.app.rps) / p.bare.rps);
    const each = `${rounds} rounds of ${seconds} s, median (range ${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)} %)`;
    report({
      scenario: 'point-read',
      metric: 'bare_fastify_pg_rps',
      value: median(pairs.map((p) => p.bare.rps)),
      unit: 'req/s',
      better: 'higher',
      note: `p95 ${median(pairs.map((p) => p.bare.p95)).toFixed(1)} ms; load by ${pairs[0].bare.generator}; ${rounds} rounds, median`,
    });
    report({
      scenario: 'point-read',
      metric: 'authenticated_read_rps',
      value: median(pairs.map((p) => p.app.rps)),
      unit: 'req/s',
      better: 'higher',
      note: `GET /api/v1/users/:id with a session cookie, PostgreSQL; ${rounds} rounds, median`,
    });
    report({
      scenario: 'point-read',
      metric: 'authenticated_read_p95_ms',
      value: median(pairs.map((p) => p.app.p95)),
      unit: 'ms',
      better: 'lower',
    });
    report({
      scenario: 'point-read',
      metric: 'ratio_to_bare_pct',
      value: median(ratios),
      unit: '%',
      target: 50,
      better: 'higher',
      note: each,
    });
  } finally {
    await stopChild(app);
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}
