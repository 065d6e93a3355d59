/**
 * buildTestApp(): the real application on a database of its own, seeded with the
 * organisation tree and the demo people (see global-setup.ts). Tests talk to it through
 * app.inject() as a signed-in person would.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { openMemory, openPostgres, type Database } from '../platform/db/database.ts';
import { DEMO_PASSWORD } from '../modules/demo/index.ts';
import { adminUrl } from './global-setup.ts';

/** What signIn changes a temporary password to. */
export const TEST_PASSWORD = 'Kiểm thử tự động qua API 2026';

export interface Session {
  username: string;
  cookie: string;
  csrfToken: string;
  userId: string;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /**
   * Signs in a demo account (or any account with the given password). A temporary password is
   * changed to TEST_PASSWORD first, as its owner must before doing anything else — unless the
   * test is about that (keepTemporaryPassword).
   */
  signIn(username: string, password?: string, opts?: { keepTemporaryPassword?: boolean }): Promise<Session>;
  /** A request as that person: cookie and CSRF header set. */
  request(session: Session | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const testDbUrl = process.env.TEST_DATABASE_URL;
  if (testDbUrl) {
    // Named after the run's template, so a run drops only its own clones (two runs may share a server).
    const name = `${inject('pgTemplate')}_c_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl(testDbUrl) });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    const database = await openPostgres(adminUrl(testDbUrl, name), { poolSize: 5 });
    return {
      database,
      drop: async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const database = await openMemory(new Uint8Array(fs.readFileSync(inject('pgliteSnapshot'))));
  return { database, drop: async () => {} };
}

/** A test file's own database, opened before its tests and dropped after them; call the returned function inside a test. */
export function useTestDatabase(): () => Database {
  let opened: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
  beforeAll(async () => {
    opened = await openTestDatabase();
  });
  afterAll(async () => {
    await opened?.database.close();
    await opened?.drop();
  });
  return () => opened!.database;
}

export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const { database, drop } = await openTestDatabase();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent',
    SIGN_IN_RATE_PER_MINUTE: '100000',
    ...env,
  });
  const app = await buildApp({ config, database, serveWeb: false });
  await app.ready();
  const request = (session: Session | null, opts: InjectOptions) => {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    if (session) {
      headers.cookie = session.cookie;
      if (!('x-csrf-token' in headers)) headers['x-csrf-token'] = session.csrfToken;
    }
    return app.inject({ ...opts, headers });
  };
  return {
    app,
    database,
    config,
    request,
    async signIn(username, password = DEMO_PASSWORD, opts = {}) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'xaso_session');
      const body = res.json();
      const session = {
        username,
        cookie: `xaso_session=${cookie!.value}`,
        csrfToken: body.csrfToken,
        userId: body.user.id,
      };
      if (body.user.mustChangePassword && !opts.keepTemporaryPassword) {
        const changed = await request(session, {
          method: 'POST',
          url: '/api/v1/auth/change-password',
          payload: { currentPassword: password, newPassword: TEST_PASSWORD },
        });
        if (changed.statusCode !== 200) throw new Error(`password change of ${username} failed: ${changed.body}`);
      }
      return session;
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

/** The newest audit rows, for asserting that a write left its trace. */
export async function latestAudit(database: Database, n = 1) {
  return database.db.selectFrom('auditLog').selectAll().orderBy('id', 'desc').limit(n).execute();
}
