/**
 * The writer process of the crash drill: the real server (`node bin/xaso.mjs start`) on a
 * data folder of the drill's own, started, killed with SIGKILL and started again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../bench/lib.ts';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  base: string;
  startedAt: number;
  exited: Promise<number | null>;
}

export async function startServer(
  dataDir: string,
  env: Record<string, string>,
  logFile: string,
): Promise<ServerProcess> {
  const port = await freePort();
  const out = fs.openSync(logFile, 'a');
  fs.writeSync(out, `\n=== start ${new Date().toISOString()} port ${port} ${JSON.stringify(env)}\n`);
  const child = spawn(process.execPath, [path.resolve('bin/xaso.mjs'), 'start'], {
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, port, base: `http://127.0.0.1:${port}`, startedAt: Date.now(), exited };
}

/** Polls /api/health; resolves with the milliseconds since the start, or rejects when the process dies. */
export async function waitHealthy(s: ServerProcess, timeoutMs: number): Promise<number> {
  let dead = false;
  void s.exited.then(() => (dead = true));
  while (Date.now() - s.startedAt < timeoutMs) {
    if (dead) throw new Error(`the server exited (code ${s.child.exitCode}) before it answered /api/health`);
    try {
      const r = await fetch(`${s.base}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (r.ok) return Date.now() - s.startedAt;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the server did not answer /api/health within ${timeoutMs} ms`);
}

export async function kill(s: ServerProcess, signal: NodeJS.Signals = 'SIGKILL') {
  if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill(signal);
  const t = setTimeout(() => s.child.kill('SIGKILL'), 30_000);
  await s.exited;
  clearTimeout(t);
}

/** A signed-in API client: session cookie and CSRF header on every request. */
export class ApiClient {
  /** Signed in with a temporary password, which must be changed first. */
  mustChangePassword = false;

  constructor(
    readonly base: string,
    private cookie = '',
    private csrf = '',
  ) {}

  static async signIn(base: string, username: string, password: string): Promise<ApiClient> {
    const r = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
      signal: AbortSignal.timeout(60_000),
    });
    if (r.status !== 200) throw new Error(`sign-in of ${username}: ${r.status} ${await r.text()}`);
    const cookie = r.headers
      .getSetCookie()
      .find((c) => c.startsWith('xaso_session='))!
      .split(';')[0];
    const body = (await r.json()) as { csrfToken: string; user: { mustChangePassword: boolean } };
    return Object.assign(new ApiClient(base, cookie, body.csrfToken), {
      mustChangePassword: body.user.mustChangePassword,
    });
  }

  /**
   * Signs in with `password`, or — the first time — with the demo account's temporary one, which
   * is then changed to `password` (a session on a temporary password may only change it).
   */
  static async signInChanging(base: string, username: string, temporary: string, password: string) {
    const signedIn = await ApiClient.signIn(base, username, password).catch(() => null);
    if (signedIn) return signedIn;
    const first = await ApiClient.signIn(base, username, temporary);
    if (first.mustChangePassword) {
      const changed = await first.call('POST', '/api/v1/auth/change-password', {
        currentPassword: temporary,
        newPassword: password,
      });
      if (changed.status !== 200) throw new Error(`change-password of ${username}: ${changed.status}`);
    }
    return first;
  }

  async call(method: string, url: string, body?: unknown): Promise<{ status: number; json: any }> {
    const r = await fetch(`${this.base}${url}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await r.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: r.status, json };
  }
}
