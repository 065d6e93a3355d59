/**
 * Issue 22, finding 12b: a session on a temporary password may only change it (and read its own
 * session, sign out) — before, it could do anything its roles allow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let communeAdmin: Session;
beforeAll(async () => {
  t = await buildTestApp();
  communeAdmin = await t.signIn('vinhbao.quantri');
});
afterAll(() => t.close());

describe('a temporary password', () => {
  it('lets its session read itself, change the password and sign out — nothing else until changed', async () => {
    const officer = (await t.request(communeAdmin, { method: 'GET', url: '/api/v1/users?q=vinhbao.kinhte' })).json()
      .items[0];
    const reset = await t.request(communeAdmin, { method: 'POST', url: `/api/v1/users/${officer.id}/reset-password` });
    const temporary = reset.json().temporaryPassword;
    const s = await t.signIn('vinhbao.kinhte', temporary, { keepTemporaryPassword: true });
    const me = await t.request(s, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.mustChangePassword).toBe(true);
    for (const [method, url] of [
      ['GET', '/api/v1/tasks/mine'],
      ['GET', '/api/v1/plans'],
      ['GET', `/api/v1/users/${officer.id}`],
      ['GET', '/api/v1/notifications'],
      ['POST', '/api/v1/notifications/read-all'],
    ] as const) {
      const res = await t.request(s, { method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    const changed = await t.request(s, {
      method: 'POST',
      url: '/api/v1/auth/change-password',
      payload: { currentPassword: temporary, newPassword: 'Phòng kinh tế họp sáng thứ hai' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.request(s, { method: 'GET', url: '/api/v1/plans' })).statusCode).toBe(200);
    expect((await t.request(s, { method: 'POST', url: '/api/v1/auth/sign-out' })).statusCode).toBe(200);
  });
});
