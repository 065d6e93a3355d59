/**
 * Issue 22, findings 1 and 11: the lockout is decided in the database, per account and address,
 * and its answer is the answer of a wrong password. Runs on PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { DEMO_PASSWORD } from '../demo/demo.accounts.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const signIn = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password }, remoteAddress });

const auditOf = async (username: string) => {
  const user = await t.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return t.database.db
    .selectFrom('auditLog')
    .select(['action', 'summary'])
    .where('recordId', '=', user!.id)
    .where('action', 'like', 'auth.%')
    .orderBy('id')
    .execute();
};

describe('lockout under parallel guessing', () => {
  it('40 parallel wrong guesses lock the account after 5: no more passwords are checked, and the right one is refused', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn('vinhthuan.chutich', `sai-mat-khau-${i}`, '203.0.113.7')),
    );
    expect(guesses.map((r) => r.statusCode)).toEqual(Array(40).fill(401));
    const right = await signIn('vinhthuan.chutich', DEMO_PASSWORD, '203.0.113.7');
    expect(right.statusCode).toBe(401);
    const actions = (await auditOf('vinhthuan.chutich')).map((a) => a.action);
    // Exactly five passwords were checked; the lock was set once; every later attempt was refused unchecked.
    expect(actions.filter((a) => a === 'auth.sign_in_failed')).toHaveLength(5);
    expect(actions.filter((a) => a === 'auth.account_locked')).toHaveLength(1);
    expect(actions.filter((a) => a === 'auth.sign_in_blocked')).toHaveLength(36);
    // One address alone does not lock the account for every address.
    expect((await auditOf('vinhthuan.chutich')).filter((a) => a.summary.includes('chưa từng'))).toEqual([]);
    expect(actions).not.toContain('auth.sign_in');
  }, 120_000);

  it('answers a locked-out attempt exactly like a wrong password or an unknown username (no 423)', async () => {
    const locked = await signIn('vinhthuan.chutich', DEMO_PASSWORD, '203.0.113.7');
    const wrong = await signIn('vinhthuan.vanhoa', 'sai-mat-khau', '203.0.113.7');
    const unknown = await signIn('khong.co.ai', 'sai-mat-khau', '203.0.113.7');
    for (const res of [locked, wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
      });
    }
  }, 120_000);

  it('does not lock the real user out: another address signs in, and its success resets nothing for the attacker', async () => {
    const elsewhere = await signIn('vinhthuan.chutich', DEMO_PASSWORD, '198.51.100.20');
    expect(elsewhere.statusCode).toBe(200);
    expect((await signIn('vinhthuan.chutich', DEMO_PASSWORD, '203.0.113.7')).statusCode).toBe(401);
  }, 120_000);

  it('locks unknown addresses out of an account guessed at from many addresses, but not the person’s own address', async () => {
    // The person signs in once from their office: that address is theirs from now on.
    expect((await signIn('phuthinh.chutich', DEMO_PASSWORD, '192.0.2.10')).statusCode).toBe(200);
    // 25 guesses from 25 addresses (under the per-address limit each, over the account's 20).
    const spread = await Promise.all(
      Array.from({ length: 25 }, (_, i) => signIn('phuthinh.chutich', `doan-${i}`, `198.18.0.${i + 1}`)),
    );
    expect(spread.every((r) => r.statusCode === 401)).toBe(true);
    const checked = (await auditOf('phuthinh.chutich')).filter((a) => a.action === 'auth.sign_in_failed');
    expect(checked).toHaveLength(20);
    // A new address is refused even with the right password; the office still signs in.
    expect((await signIn('phuthinh.chutich', DEMO_PASSWORD, '198.18.1.1')).statusCode).toBe(401);
    expect((await signIn('phuthinh.chutich', DEMO_PASSWORD, '192.0.2.10')).statusCode).toBe(200);
  }, 120_000);

  it('the system administrator is not locked out by strangers, and another system administrator can unlock', async () => {
    const attack = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn('admin', `doan-mat-khau-${i}`, '203.0.113.99')),
    );
    expect(attack.every((r) => r.statusCode === 401)).toBe(true);
    expect((await signIn('admin', DEMO_PASSWORD, '203.0.113.99')).statusCode).toBe(401);
    const admin = await signIn('admin', DEMO_PASSWORD, '10.1.2.3');
    expect(admin.statusCode).toBe(200);
    const session = {
      username: 'admin',
      cookie: `xaso_session=${admin.cookies.find((c) => c.name === 'xaso_session')!.value}`,
      csrfToken: admin.json().csrfToken,
      userId: admin.json().user.id,
    };
    const me = await t.request(session, { method: 'GET', url: `/api/v1/users/${session.userId}` });
    expect(me.json().isLocked).toBe(true);
    // The only unlock above the system administrator is another system administrator.
    const vn = (await t.request(session, { method: 'GET', url: '/api/v1/org/by-code/VN' })).json().id;
    const created = await t.request(session, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'quantri.du.phong',
        fullName: 'Quản trị dự phòng',
        orgUnitId: vn,
        grants: [{ role: 'system_admin', orgUnitId: vn }],
      },
    });
    expect(created.statusCode).toBe(201);
    // Its temporary password is changed first (test-app's signIn does), as it must be.
    const second = await t.signIn('quantri.du.phong', created.json().temporaryPassword);
    const unlock = await t.request(second, { method: 'POST', url: `/api/v1/users/${session.userId}/unlock` });
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json().isLocked).toBe(false);
    expect((await signIn('admin', DEMO_PASSWORD, '203.0.113.99')).statusCode).toBe(200);
  }, 120_000);

  it('makes each lock in a row last twice as long', async () => {
    const wrong = (n: number) =>
      Promise.all(Array.from({ length: n }, (_, i) => signIn('tuonglinh.chutich', `x-${i}`, '203.0.113.50')));
    await wrong(6);
    const user = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'tuonglinh.chutich')
      .executeTakeFirstOrThrow();
    const lockOf = () =>
      t.database.db
        .selectFrom('signInThrottles')
        .select(['locks', 'lockedUntil'])
        .where('userId', '=', user.id)
        .where('address', '=', '203.0.113.50')
        .executeTakeFirstOrThrow();
    const first = await lockOf();
    expect(first.locks).toBe(1);
    const minutes = (d: Date | string) => (new Date(d).getTime() - Date.now()) / 60_000;
    expect(minutes(first.lockedUntil!)).toBeGreaterThan(14);
    expect(minutes(first.lockedUntil!)).toBeLessThanOrEqual(15);
    // The lock ends (moved into the past here), the attacker tries again and is locked for 30 minutes.
    await t.database.db
      .updateTable('signInThrottles')
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where('userId', '=', user.id)
      .execute();
    await wrong(6);
    const second = await lockOf();
    expect(second.locks).toBe(2);
    expect(minutes(second.lockedUntil!)).toBeGreaterThan(29);
  }, 120_000);
});
