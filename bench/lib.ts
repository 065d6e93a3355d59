/** Small helpers shared by the benchmark scenarios: figures, percentiles, child servers, load. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';

export interface Figure {
  scenario: string;
  metric: string;
  value: number;
  unit: string;
  target?: number;
  better: 'lower' | 'higher';
  note?: string;
}

const json = process.argv.includes('--json');
export function report(f: Figure) {
  const out = { ...f, value: Math.round(f.value * 100) / 100, cores: os.cpus().length };
  if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
  else {
    const target = f.target === undefined ? '' : ` (goal ${f.better === 'lower' ? '≤' : '≥'} ${f.target} ${f.unit})`;
    process.stdout.write(
      `${f.scenario.padEnd(12)} ${f.metric.padEnd(34)} ${String(out.value).padStart(10)} ${f.unit}${target}${f.note ? `  — ${f.note}` : ''}\n`,
    );
  }
}
export const log = (msg: string) => process.stderr.write(`${msg}\n`);

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function waitForHealth(url: string, timeoutMs = 60_000): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    try {
      const r = await fetch(url);
      if (r.ok) return Date.now() - t0;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** The Node flags `npm start` runs the server with (package.json's "start" script), so a bench measures the server as it runs. */
export const SERVER_NODE_FLAGS: string[] = (() => {
  const start: string = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts.start;
  const words = start.split(/\s+/);
  return words.slice(words.indexOf('node') + 1, words.indexOf('bin/xaso.mjs'));
})();

/** The real server (`xaso start`) as `npm start` runs it; `nodeArgs` go before the script (a CPU profile). */
export function startServerChild(env: Record<string, string>, nodeArgs: string[] = []): ChildProcess {
  return startChild([...SERVER_NODE_FLAGS, ...nodeArgs, 'bin/xaso.mjs', 'start'], env);
}

export function startChild(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

export async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

/**
 * Closed-loop load: `concurrency` clients each sending requests back to back for `seconds`.
 * Uses wrk (Debian package `wrk`) when installed — a C load generator does not compete with
 * the server for CPU the way a Node client does on a 2-core machine — else a Node client.
 */
export async function load(opts: {
  url: string;
  headers?: Record<string, string>;
  concurrency: number;
  seconds: number;
}) {
  if (fs.existsSync('/usr/bin/wrk')) {
    const args = [
      '-t2',
      `-c${opts.concurrency}`,
      `-d${opts.seconds}s`,
      '-s',
      path.resolve('bench/wrk-report.lua'),
      ...Object.entries(opts.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
      opts.url,
    ];
    const out = spawnSync('/usr/bin/wrk', args, { encoding: 'utf8' });
    const line = out.stdout.split('\n').find((l) => l.startsWith('WRKJSON '));
    if (line)
      return {
        ...(JSON.parse(line.slice(8)) as { rps: number; p95: number; p50: number; errors: number; requests: number }),
        generator: 'wrk',
      };
  }
  return { ...(await nodeLoad(opts)), generator: 'node' };
}

async function nodeLoad(opts: { url: string; headers?: Record<string, string>; concurrency: number; seconds: number }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + opts.seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.get(opts.url, { agent, headers: opts.headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) errors++;
          latencies.push(performance.now() - t0);
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
    });
  const started = Date.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (Date.now() < end) await one();
    }),
  );
  agent.destroy();
  const seconds = (Date.now() - started) / 1000;
  return {
    rps: latencies.length / seconds,
    p95: percentile(latencies, 95),
    p50: percentile(latencies, 50),
    errors,
    requests: latencies.length,
  };
}

/**
 * The benchmarks act as the demo people straight away: their temporary passwords count as
 * changed, as in the tests' database (a session on a temporary password may only change it).
 */
export async function passTemporaryPasswords(database: { db: import('../server/platform/db/database.ts').Db }) {
  await database.db.updateTable('users').set({ mustChangePassword: false }).execute();
}
