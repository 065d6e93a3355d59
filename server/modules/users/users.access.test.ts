/**
 * Issue 22, findings 2 and 3, re-run as written: a commune administrator may neither hand out
 * powers it lacks nor take over an account holding them. Every users endpoint follows one rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: Session, communeAdmin: Session, provinceAdmin: Session;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await buildTestApp();
  [admin, communeAdmin, provinceAdmin] = await Promise.all(
    ['admin', 'vinhbao.quantri', 'haiphong.quantri'].map((u) => t.signIn(u)),
  );
  for (const code of ['11824', '11824-KT', '11824-VP', '31']) {
    ids[code] = (await t.request(admin, { method: 'GET', url: `/api/v1/org/by-code/${code}` })).json().id;
  }
});
afterAll(() => t.close());

describe('a commune administrator', () => {
  it('cannot create an account with the leader’s or the plan officer’s powers (finding 2)', async () => {
    const res = await t.request(communeAdmin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'vinhbao.giamao',
        fullName: 'Giả Mạo',
        orgUnitId: ids['11824'],
        grants: [
          { role: 'commune_leader', orgUnitId: ids['11824'] },
          { role: 'plan_officer', orgUnitId: ids['11824'] },
        ],
      },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('GRANT_TOO_HIGH');
    const made = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'vinhbao.giamao')
      .execute();
    expect(made).toEqual([]);
    // Nor add those roles to an account it manages.
    const officer = (await t.request(admin, { method: 'GET', url: '/api/v1/users?q=vinhbao.kinhte' })).json().items[0];
    const add = await t.request(communeAdmin, {
      method: 'POST',
      url: `/api/v1/users/${officer.id}/grants`,
      payload: { role: 'commune_leader', orgUnitId: ids['11824'] },
    });
    expect(add.json().error.code).toBe('GRANT_TOO_HIGH');
  });

  it('cannot reset, disable, edit, unlock or change the grants of a province officer working in the commune (finding 3)', async () => {
    const created = await t.request(provinceAdmin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'haiphong.bietphai',
        fullName: 'Cán Bộ Biệt Phái',
        orgUnitId: ids['11824-VP'],
        grants: [{ role: 'province_officer', orgUnitId: ids['31'] }],
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().user.id;
    const seen = await t.request(communeAdmin, { method: 'GET', url: `/api/v1/users/${id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().allowedActions).toEqual([]);
    const grantId = created.json().user.grants[0].id;
    const attempts = [
      { method: 'POST', url: `/api/v1/users/${id}/reset-password` },
      { method: 'PATCH', url: `/api/v1/users/${id}`, payload: { isDisabled: true } },
      { method: 'PATCH', url: `/api/v1/users/${id}`, payload: { fullName: 'Đổi Tên' } },
      { method: 'POST', url: `/api/v1/users/${id}/unlock` },
      { method: 'POST', url: `/api/v1/users/${id}/grants`, payload: { role: 'citizen', orgUnitId: ids['11824'] } },
      { method: 'DELETE', url: `/api/v1/users/${id}/grants/${grantId}` },
    ] as const;
    for (const a of attempts) {
      const res = await t.request(communeAdmin, a);
      expect(res.statusCode, `${a.method} ${a.url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const after = await t.request(provinceAdmin, { method: 'GET', url: `/api/v1/users/${id}` });
    expect(after.json()).toMatchObject({ fullName: 'Cán Bộ Biệt Phái', isDisabled: false, mustChangePassword: true });
    expect(after.json().grants).toHaveLength(1);
    // Its superior can.
    expect(after.json().allowedActions).toEqual(expect.arrayContaining(['reset_password', 'disable', 'grant']));
    expect(
      (await t.request(provinceAdmin, { method: 'POST', url: `/api/v1/users/${id}/reset-password` })).statusCode,
    ).toBe(200);
  });

  it('still staffs the commune’s units, and the session tells the web which roles it hands out', async () => {
    const me = (await t.request(communeAdmin, { method: 'GET', url: '/api/v1/auth/me' })).json();
    expect(me.user.grantableRoles).toEqual(['unit_officer', 'one_stop_officer', 'citizen']);
    const res = await t.request(communeAdmin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'vinhbao.canbo.moi',
        fullName: 'Cán Bộ Mới',
        orgUnitId: ids['11824-KT'],
        grants: [{ role: 'unit_officer', orgUnitId: ids['11824-KT'] }],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user.allowedActions).toEqual(expect.arrayContaining(['reset_password', 'disable']));
  });
});
