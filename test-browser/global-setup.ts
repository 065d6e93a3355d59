/**
 * Starts the real server once for all browser tests: builds web/dist if stale, runs
 * `node bin/xaso.mjs start` on a free port with a fresh data folder (or on the PostgreSQL
 * of TEST_DATABASE_URL), waits for /api/health, prepares the demo accounts the tests use,
 * and stops the server afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { DEMO_PASSWORD, PREPARED_ACCOUNTS, TEST_PASSWORD } from './accounts.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`server exited with code ${child.exitCode}; see test-results/server.log`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not answer /api/health within ${timeoutMs} ms`);
}

async function signInApi(baseUrl: string, username: string, password: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) return null;
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const body = (await res.json()) as { csrfToken: string; user: { mustChangePassword: boolean } };
  return { cookie, csrfToken: body.csrfToken, mustChange: body.user.mustChangePassword };
}

/**
 * Demo accounts start with a temporary password that must be changed. The tests that are not
 * about that flow use accounts whose password is already changed to TEST_PASSWORD here. With a
 * persistent PostgreSQL the change may have happened in an earlier run.
 */
async function prepareAccounts(baseUrl: string) {
  for (const username of PREPARED_ACCOUNTS) {
    const s = await signInApi(baseUrl, username, DEMO_PASSWORD);
    if (!s) {
      if (await signInApi(baseUrl, username, TEST_PASSWORD)) continue;
      throw new Error(`cannot sign in as ${username} with the demo or the test password`);
    }
    const res = await fetch(`${baseUrl}/api/v1/auth/change-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      body: JSON.stringify({ currentPassword: DEMO_PASSWORD, newPassword: TEST_PASSWORD }),
    });
    if (!res.ok) throw new Error(`change-password for ${username}: ${res.status} ${await res.text()}`);
  }
}

export default async function setup(project: TestProject) {
  const build = spawnSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the web app failed');

  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xaso-browser-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  if (process.env.TEST_DATABASE_URL) env.DATABASE_URL = process.env.TEST_DATABASE_URL;

  fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
  const log = fs.openSync(path.join(root, 'test-results/server.log'), 'w');
  const child = spawn(process.execPath, ['bin/xaso.mjs', 'start'], { cwd: root, env, stdio: ['ignore', log, log] });
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.closeSync(log);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, 120_000);
    await prepareAccounts(baseUrl);
  } catch (err) {
    await stop();
    throw err;
  }
  project.provide('baseUrl', baseUrl);
  return stop;
}
