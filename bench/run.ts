/**
 * `npm run bench [-- --json] [-- --only NAME,...]`: runs the benchmark scenarios and prints
 * one figure per line (JSON per docs/CLI.md with --json). PostgreSQL scenarios use
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) and are skipped
 * with a note when no server answers.
 */
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { dashboardsB1Bench, dashboardsB3Bench, dashboardsB4Bench } from './dashboards.bench.ts';
import { eventLoopBench, pointReadBench, startupBench } from './platform.bench.ts';
import { log, SERVER_NODE_FLAGS } from './lib.ts';
import { planImportBench } from './plans.bench.ts';
import { provinceListBench, reportCompileBench } from './reporting.bench.ts';
import { reminderScanBench, tasksApiBench } from './tasks.bench.ts';

// Scenarios that run the server in this process (B1, plan import, tasks API) measure it as
// `npm start` runs it: with its Node flags (a 64 MB young generation — without it the B1
// process's scavenges, 3–14 ms each, came every few approvals). Run again with them if missing.
if (SERVER_NODE_FLAGS.some((f) => !process.execArgv.includes(f))) {
  const again = spawnSync(
    process.execPath,
    [...SERVER_NODE_FLAGS, ...process.execArgv, 'bin/run-ts.mjs', ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  process.exit(again.status ?? 1);
}

const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? process.argv[onlyArg + 1].split(',') : null;

async function pgAvailable() {
  const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

const scenarios: { name: string; needsPg?: boolean; run: () => Promise<void> }[] = [
  { name: 'startup', run: startupBench },
  { name: 'event-loop', run: eventLoopBench },
  { name: 'point-read', needsPg: true, run: () => pointReadBench(pgUrl) },
  { name: 'plan-import', run: planImportBench },
  { name: 'reporting', run: reportCompileBench },
  { name: 'province-reports', needsPg: true, run: () => provinceListBench(pgUrl) },
  { name: 'tasks-api', run: tasksApiBench },
  { name: 'reminder-scan', needsPg: true, run: () => reminderScanBench(pgUrl) },
  { name: 'dashboards-b1', run: dashboardsB1Bench },
  { name: 'dashboards-b3', needsPg: true, run: () => dashboardsB3Bench(pgUrl) },
  { name: 'dashboards-b4', needsPg: true, run: () => dashboardsB4Bench(pgUrl) },
];

const hasPg = await pgAvailable();
for (const s of scenarios) {
  if (only && !only.includes(s.name)) continue;
  if (s.needsPg && !hasPg) {
    log(`skipped ${s.name}: no PostgreSQL at ${pgUrl}`);
    continue;
  }
  log(`running ${s.name}…`);
  await s.run();
}
process.exit(0);
