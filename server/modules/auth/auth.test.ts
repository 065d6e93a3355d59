import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, latestAudit, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const signIn = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });

describe('sign-in', () => {
  it('answers 200 with an HttpOnly SameSite session cookie, the user and a CSRF token', async () => {
    const res = await signIn('vinhbao.chutich', 'XaSo@Demo2026');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'xaso_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.user.username).toBe('vinhbao.chutich');
    expect(body.user.fullName).toBe('Nguyễn Văn Hùng');
    expect(body.user.grants[0]).toMatchObject({
      role: 'commune_leader',
      orgUnitName: 'Xã Vĩnh Bảo',
      orgKind: 'commune',
    });
    expect(body.user.mustChangePassword).toBe(false); // changed in the test database (test/global-setup.ts)
    expect(body.csrfToken.length).toBeGreaterThan(20);
    expect((await latestAudit(t.database))[0]).toMatchObject({ action: 'auth.sign_in', recordId: body.user.id });
  });

  it('answers 401 with a Vietnamese message on a wrong password or unknown user, and sets no cookie', async () => {
    for (const [u, p] of [
      ['vinhbao.chutich', 'sai-mat-khau'],
      ['khong.ton.tai', 'XaSo@Demo2026'],
    ]) {
      const res = await signIn(u, p);
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({
        code: 'INVALID_CREDENTIALS',
        message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      });
      expect(res.cookies.find((c) => c.name === 'xaso_session')).toBeUndefined();
    }
  });

  it('locks the account for this address after 5 failures, even for the right password, and records it', async () => {
    for (let i = 0; i < 4; i++) expect((await signIn('phuthai.chutich', `wrong-${i}`)).statusCode).toBe(401);
    const fifth = await signIn('phuthai.chutich', 'wrong-5');
    expect(fifth.statusCode).toBe(401); // a lock answers like a wrong password (lockout.test.ts)
    expect((await latestAudit(t.database))[0].action).toBe('auth.account_locked');
    expect((await signIn('phuthai.chutich', 'XaSo@Demo2026')).statusCode).toBe(401);
    expect((await latestAudit(t.database))[0].action).toBe('auth.sign_in_blocked');
  });

  it('rejects malformed input with field paths, never a 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: 5 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['body.username', 'body.password']),
    );
  });

  it('gives a new session id at each sign-in and ends the one the browser carried', async () => {
    const a = await t.signIn('vinhthuan.vanhoa');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'vinhthuan.vanhoa', password: 'XaSo@Demo2026' },
      headers: { cookie: a.cookie },
    });
    const newCookie = res.cookies.find((c) => c.name === 'xaso_session')!.value;
    expect(`xaso_session=${newCookie}`).not.toBe(a.cookie);
    expect((await t.request(a, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });
});

describe('session', () => {
  it('GET /me needs a session and returns the CSRF token of that session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const s = await t.signIn('vinhbao.vanhoa');
    const me = await t.request(s, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(s.csrfToken);
    expect(me.json().user.capabilities).toEqual([
      'catalogue.read',
      'org.read',
      'plans.manage',
      'plans.read',
      'reports.read',
      'reports.review',
      'reports.submit',
      'tasks.assign',
      'tasks.read',
      'tasks.work',
      'users.read',
    ]);
  });

  it('refuses a cookie-authenticated write without the right x-csrf-token', async () => {
    const s = await t.signIn('vinhbao.vanhoa');
    const missing = await t.request(s, {
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { 'x-csrf-token': '' },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF_TOKEN_INVALID');
    expect((await t.request(s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
  });

  it('expires an idle session with SESSION_EXPIRED', async () => {
    const s = await t.signIn('tuonglinh.vanhoa');
    await t.database.db
      .updateTable('sessions')
      .set({ lastSeenAt: sql`now() - interval '2 hours'` })
      .where('userId', '=', s.userId)
      .execute();
    const res = await t.request(s, { method: 'GET', url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('gives administrators a shorter idle timeout than other people', async () => {
    const admin = await t.signIn('vinhbao.quantri');
    const officer = await t.signIn('vinhbao.motcua');
    const rows = await t.database.db
      .selectFrom('sessions')
      .select(['userId', 'idleTimeoutSeconds'])
      .where('userId', 'in', [admin.userId, officer.userId])
      .where('revokedAt', 'is', null)
      .execute();
    const of = (id: string) => rows.find((r) => r.userId === id)!.idleTimeoutSeconds;
    expect(of(admin.userId)).toBe(15 * 60);
    expect(of(officer.userId)).toBe(30 * 60);
  });

  it('signs out this session only, or everywhere', async () => {
    const a = await t.signIn('phuthinh.vanhoa');
    const b = await t.signIn('phuthinh.vanhoa');
    expect((await t.request(a, { method: 'POST', url: '/api/v1/auth/sign-out' })).statusCode).toBe(200);
    expect((await t.request(a, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await t.request(b, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    const c = await t.signIn('phuthinh.vanhoa');
    const all = await t.request(c, { method: 'POST', url: '/api/v1/auth/sign-out-everywhere' });
    expect(all.json()).toEqual({ ok: true, sessionsEnded: 2 });
    expect((await latestAudit(t.database))[0].action).toBe('auth.sign_out_everywhere');
    expect((await t.request(b, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });
});

describe('change password', () => {
  it('applies the policy, then signs out other devices and clears the must-change flag', async () => {
    const a = await t.signIn('phuthinh.chutich');
    const other = await t.signIn('phuthinh.chutich');
    const change = (currentPassword: string, newPassword: string) =>
      t.request(a, { method: 'POST', url: '/api/v1/auth/change-password', payload: { currentPassword, newPassword } });
    expect((await change('XaSo@Demo2026', 'ngan')).json().error.code).toBe('PASSWORD_TOO_SHORT');
    expect((await change('XaSo@Demo2026', 'password1234')).json().error.code).toBe('PASSWORD_BREACHED');
    expect((await change('sai', 'Một mật khẩu đủ dài 2026')).json().error.code).toBe('WRONG_CURRENT_PASSWORD');
    const ok = await change('XaSo@Demo2026', 'Lúa chín vàng đồng quê 2026');
    expect(ok.statusCode).toBe(200);
    expect((await latestAudit(t.database))[0].action).toBe('auth.password_changed');
    expect((await t.request(other, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const me = await t.request(a, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json().user.mustChangePassword).toBe(false);
    expect((await signIn('phuthinh.chutich', 'Lúa chín vàng đồng quê 2026')).statusCode).toBe(200);
  });
});
