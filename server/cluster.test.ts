/**
 * SERVER_PROCESSES: several server processes on one port, on PostgreSQL. The real command is
 * started (`xaso start`), as an operator would; on the embedded database it is refused.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { adminUrl } from './test/global-setup.ts';

const pgUrl = process.env.TEST_DATABASE_URL;

describe('SERVER_PROCESSES', () => {
  it('is refused on the embedded database, which one process owns', () => {
    expect(() => loadConfig({ SERVER_PROCESSES: '2' })).toThrow(ConfigError);
    expect(() => loadConfig({ SERVER_PROCESSES: '2' })).toThrow(/DATABASE_URL/);
    expect(loadConfig({ SERVER_PROCESSES: '2', DATABASE_URL: 'postgres://x@localhost/db' }).serverProcesses).toBe(2);
    const run = spawnSync(process.execPath, ['bin/xaso.mjs', 'start'], {
      env: { ...process.env, SERVER_PROCESSES: '3', DATABASE_URL: '', DATA_DIR: '/nonexistent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('SERVER_PROCESSES > 1 cần PostgreSQL');
  });

  describe.skipIf(!pgUrl)('on PostgreSQL', () => {
    const name = `xaso_cluster_${crypto.randomBytes(4).toString('hex')}`;
    let server: ChildProcess | null = null;
    afterAll(async () => {
      if (server && server.exitCode === null) server.kill('SIGKILL');
      const admin = new pg.Client({ connectionString: adminUrl(pgUrl!) });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    const workersOf = (pid: number) =>
      fs
        .readdirSync('/proc')
        .filter(
          (d) =>
            /^\d+$/.test(d) &&
            fs.existsSync(`/proc/${d}/stat`) &&
            (() => {
              try {
                return fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1] === String(pid);
              } catch {
                return false; // ended while listed
              }
            })(),
        )
        .map(Number);
    const until = async (what: () => boolean | Promise<boolean>, ms: number) => {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        if (
          await Promise.resolve()
            .then(what)
            .catch(() => false)
        )
          return true;
        await new Promise((r) => setTimeout(r, 200));
      }
      return false;
    };

    /** Starts `xaso start` with two processes on a fresh clone; answers its port. */
    const startTwo = async (db: string) => {
      const admin = new pg.Client({ connectionString: adminUrl(pgUrl!) });
      await admin.connect();
      await admin.query(`create database ${db} template ${inject('pgTemplate')}`);
      await admin.end();
      const port = await new Promise<number>((resolve) => {
        const s = net.createServer().listen(0, '127.0.0.1', () => {
          const p = (s.address() as net.AddressInfo).port;
          s.close(() => resolve(p));
        });
      });
      let log = '';
      const child = spawn(process.execPath, ['bin/xaso.mjs', 'start'], {
        env: {
          ...process.env,
          DATABASE_URL: adminUrl(pgUrl!, db),
          SERVER_PROCESSES: '2',
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          BACKUP_HOUR: 'off',
          REMINDER_INTERVAL_MINUTES: '0',
          SIGN_IN_RATE_PER_MINUTE: '10000',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child.stderr!.on('data', (d) => (log += d));
      expect(await until(() => log.includes('2 tiến trình máy chủ'), 90_000), log).toBe(true);
      return { port, child, log: () => log };
    };

    it('ends sessions in every process at once: sign-out-everywhere and disabling a person (issue 22, finding 6)', async () => {
      const db = `${name}_rv`;
      const { port, child, log } = await startTwo(db);
      const check = new pg.Client({ connectionString: adminUrl(pgUrl!, db) });
      check.on('error', () => {}); // ended by the drop below
      try {
        const base = `http://127.0.0.1:${port}/api/v1`;
        // connection: close spreads the requests over both processes.
        const call = (method: string, url: string, session?: { cookie: string; csrf: string }, body?: unknown) =>
          fetch(`${base}${url}`, {
            method,
            headers: {
              connection: 'close',
              ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: AbortSignal.timeout(10_000),
          });
        const signIn = async (username: string) => {
          const res = await call('POST', '/auth/sign-in', undefined, { username, password: 'XaSo@Demo2026' });
          expect(res.status, username).toBe(200);
          const json = (await res.json()) as { csrfToken: string; user: { id: string } };
          return { cookie: res.headers.getSetCookie()[0].split(';')[0], csrf: json.csrfToken, userId: json.user.id };
        };
        const statuses = async (n: number, make: () => Promise<Response>) => {
          const out: number[] = [];
          for (let i = 0; i < n; i += 10)
            out.push(...(await Promise.all(Array.from({ length: 10 }, make))).map((r) => r.status));
          return out;
        };
        // Both processes listen for session changes.
        await check.connect();
        const listeners = await check.query(
          `select count(*)::int as n from pg_stat_activity where application_name = 'xaso-sessions' and datname = $1`,
          [db],
        );
        expect(listeners.rows[0].n, log()).toBe(2);

        // Sign-out everywhere: the session, cached by both processes, is refused at once everywhere.
        const leader = await signIn('vinhbao.chutich');
        expect(await statuses(40, () => call('GET', '/auth/me', leader))).toEqual(Array(40).fill(200));
        expect((await call('POST', '/auth/sign-out-everywhere', leader)).status).toBe(200);
        expect(await statuses(200, () => call('GET', '/auth/me', leader))).toEqual(Array(200).fill(401));

        // Disabling a person: none of their writes is stored after the answer.
        const admin = await signIn('admin');
        const officer = await signIn('vinhbao.kinhte');
        const mine = (await (await call('GET', '/tasks/mine', officer)).json()) as { responsible: { id: string }[] };
        const taskId = mine.responsible[0].id;
        const comment = () => call('POST', `/tasks/${taskId}/comments`, officer, { text: 'Ghi chú sau khi bị khóa' });
        expect(await statuses(40, comment)).toEqual(Array(40).fill(201));
        expect((await call('PATCH', `/users/${officer.userId}`, admin, { isDisabled: true })).status).toBe(200);
        const stored = async () =>
          (
            await check.query(
              `select count(*)::int as n from task_actions where task_id = $1 and kind = 'comment' and actor_id = $2`,
              [taskId, officer.userId],
            )
          ).rows[0].n as number;
        const before = await stored();
        expect(await statuses(200, comment)).toEqual(Array(200).fill(401));
        expect(await stored()).toBe(before);
      } finally {
        await check.end().catch(() => {});
        // SIGTERM stops the workers with the primary (SIGKILL would leave them running).
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
        const admin = new pg.Client({ connectionString: adminUrl(pgUrl!) });
        await admin.connect();
        await admin.query(`drop database if exists ${db} with (force)`);
        await admin.end();
      }
    }, 240_000);

    it('serves one port from two processes, restarts one that dies, and stops them all on SIGTERM', async () => {
      const admin = new pg.Client({ connectionString: adminUrl(pgUrl!) });
      await admin.connect();
      await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
      await admin.end();
      const port = await new Promise<number>((resolve) => {
        const s = net.createServer().listen(0, '127.0.0.1', () => {
          const p = (s.address() as net.AddressInfo).port;
          s.close(() => resolve(p));
        });
      });
      let log = '';
      server = spawn(process.execPath, ['bin/xaso.mjs', 'start'], {
        env: {
          ...process.env,
          DATABASE_URL: adminUrl(pgUrl!, name),
          SERVER_PROCESSES: '2',
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          BACKUP_HOUR: 'off',
          REMINDER_INTERVAL_MINUTES: '0',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      server.stderr!.on('data', (d) => (log += d));
      // Each request gives up after 5 s: a connection handed to a process that just died must not hang the test.
      const health = async () =>
        (
          await fetch(`http://127.0.0.1:${port}/api/health`, {
            headers: { connection: 'close' },
            signal: AbortSignal.timeout(5000),
          })
        ).status === 200;
      expect(await until(() => log.includes('2 tiến trình máy chủ'), 90_000), log).toBe(true);
      const pid = server.pid!;
      const first = workersOf(pid);
      expect(first, log).toHaveLength(2);
      // Requests are answered, by either process (connection: close spreads them).
      for (let i = 0; i < 6; i++) expect(await health()).toBe(true);
      // One dies: the port keeps answering, and the primary starts another in its place.
      process.kill(first[1], 'SIGKILL');
      expect(await until(health, 15_000), log).toBe(true);
      expect(await until(() => workersOf(pid).length === 2 && !workersOf(pid).includes(first[1]), 15_000), log).toBe(
        true,
      );
      expect(log).toMatch(/Tiến trình máy chủ số [12] dừng \(SIGKILL\); khởi động lại/);
      expect(await until(health, 15_000), log).toBe(true);
      // SIGTERM to the primary stops every process.
      const workers = workersOf(pid);
      const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
      server.kill('SIGTERM');
      expect(
        await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running after 20 s'), 20_000))]),
        log,
      ).toBe(0);
      expect(workers.every((w) => !fs.existsSync(`/proc/${w}`))).toBe(true);
    }, 180_000);
  });
});
