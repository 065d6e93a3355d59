/**
 * The session listener on PostgreSQL (session-fanout.ts): a process uses its cache only while it
 * hears announcements, and a listener that does not acknowledge one is cut off. The two-process
 * behaviour itself is tested on the real command in server/cluster.test.ts.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { ACK_TIMEOUT_MS } from './session-fanout.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;

describe.skipIf(!onPostgres)('session changes on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const me = (s: { cookie: string; csrfToken: string }) =>
    t.request(s as never, { method: 'GET', url: '/api/v1/auth/me' });
  const listenerPids = async () =>
    (
      await t.database.db
        .selectFrom('pg_stat_activity' as never)
        .select('pid' as never)
        .where('application_name' as never, '=', 'xaso-sessions' as never)
        .where('datname' as never, '=', (t.database.connectionString ?? '').split('/').pop() as never)
        .execute()
    ).map((r) => Number((r as { pid: number }).pid));

  it('reads sessions from the database while its listener is down, and caches again once it hears', async () => {
    const s = await t.signIn('vinhbao.chutich');
    expect((await me(s)).statusCode).toBe(200);
    // A revocation nobody announced (as if made by a process that died before telling): the cache still has it.
    await t.database.db.updateTable('sessions').set({ revokedAt: new Date() }).where('userId', '=', s.userId).execute();
    expect((await me(s)).statusCode).toBe(200);
    // The listener is cut: until it listens again, nothing comes from the cache.
    const [pid] = await listenerPids();
    await t.database.db.selectNoFrom((eb) => eb.fn('pg_terminate_backend', [eb.val(pid)]).as('x')).execute();
    const end = Date.now() + 3000;
    let status = 200;
    while (Date.now() < end && status === 200) status = (await me(s)).statusCode;
    expect(status).toBe(401);
    // It listens again (a new backend) and the cache starts empty.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !(await listenerPids()).some((p) => p !== pid))
      await new Promise((r) => setTimeout(r, 100));
    expect((await listenerPids()).length).toBe(1);
  });

  it('waits for every listener to acknowledge a change, and cuts off one that does not', async () => {
    const deaf = new pg.Client({ connectionString: t.database.connectionString, application_name: 'xaso-sessions' });
    deaf.on('error', () => {});
    await deaf.connect();
    const deafPid = (await deaf.query('select pg_backend_pid() as pid')).rows[0].pid as number;
    const s = await t.signIn('vinhbao.kinhte');
    const started = Date.now();
    expect((await t.request(s, { method: 'POST', url: '/api/v1/auth/sign-out-everywhere' })).statusCode).toBe(200);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(ACK_TIMEOUT_MS - 50);
    expect(took).toBeLessThan(ACK_TIMEOUT_MS + 3000);
    // Its backend was told to end (it leaves pg_stat_activity a moment later).
    const gone = Date.now() + 3000;
    while (Date.now() < gone && (await listenerPids()).includes(deafPid)) await new Promise((r) => setTimeout(r, 50));
    expect(await listenerPids()).not.toContain(deafPid);
    await deaf.end().catch(() => {});
    // With only listeners that answer, a change answers at once.
    const s2 = await t.signIn('vinhbao.kinhte');
    const quick = Date.now();
    expect((await t.request(s2, { method: 'POST', url: '/api/v1/auth/sign-out' })).statusCode).toBe(200);
    expect(Date.now() - quick).toBeLessThan(ACK_TIMEOUT_MS);
  });
});
