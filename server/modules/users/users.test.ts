import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, latestAudit, type Session, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: Session, communeAdmin: Session, leader: Session, unitOfficer: Session, provinceAdmin: Session;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await buildTestApp();
  [admin, communeAdmin, leader, unitOfficer, provinceAdmin] = await Promise.all(
    ['admin', 'vinhbao.quantri', 'vinhbao.chutich', 'vinhbao.kinhte', 'haiphong.quantri'].map((u) => t.signIn(u)),
  );
  for (const code of ['11824', '11824-KT', '11824-VHXH', '16363', '31', 'VN']) {
    ids[code] = (await t.request(admin, { method: 'GET', url: `/api/v1/org/by-code/${code}` })).json().id;
  }
});
afterAll(() => t.close());

describe('user administration', () => {
  it('a commune administrator creates an officer with a temporary password that must be changed', async () => {
    const res = await t.request(communeAdmin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'VinhBao.ThuQuy',
        fullName: 'Đinh Thị Quỹ',
        phone: '0912345678',
        orgUnitId: ids['11824-KT'],
        grants: [{ role: 'unit_officer', orgUnitId: ids['11824-KT'] }],
      },
    });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json();
    expect(user).toMatchObject({
      username: 'vinhbao.thuquy',
      mustChangePassword: true,
      orgUnitName: 'Phòng Kinh tế xã Vĩnh Bảo',
    });
    expect((await latestAudit(t.database))[0]).toMatchObject({ action: 'user.created', recordId: user.id });
    const s = await t.signIn('vinhbao.thuquy', temporaryPassword, { keepTemporaryPassword: true });
    const me = await t.request(s, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json().user.mustChangePassword).toBe(true);
    const again = await t.request(communeAdmin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'vinhbao.thuquy',
        fullName: 'Người khác',
        orgUnitId: ids['11824'],
        grants: [{ role: 'citizen', orgUnitId: ids['11824'] }],
      },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('USERNAME_TAKEN');
  });

  it('refuses grants outside the administrator’s scope, at the wrong level, or above their own', async () => {
    const base = { username: 'vinhbao.x1', fullName: 'Thử Nghiệm', orgUnitId: ids['11824'] };
    const post = (payload: object, who = communeAdmin) =>
      t.request(who, { method: 'POST', url: '/api/v1/users', payload });
    expect(
      (await post({ ...base, grants: [{ role: 'plan_officer', orgUnitId: ids['16363'] }] })).json().error.code,
    ).toBe('GRANT_OUT_OF_SCOPE');
    expect(
      (await post({ ...base, grants: [{ role: 'unit_officer', orgUnitId: ids['11824'] }] })).json().error.code,
    ).toBe('GRANT_WRONG_LEVEL');
    expect(
      (await post({ ...base, grants: [{ role: 'province_admin', orgUnitId: ids['31'] }] })).json().error.code,
    ).toBe('GRANT_OUT_OF_SCOPE');
    expect(
      (
        await post(
          { ...base, orgUnitId: ids['31'], grants: [{ role: 'system_admin', orgUnitId: ids.VN }] },
          provinceAdmin,
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (await post({ ...base, grants: [{ role: 'plan_officer', orgUnitId: ids['11824'] }] }, leader)).statusCode,
    ).toBe(403);
    const bad = await post({ ...base, username: 'có dấu', email: 'not-an-email', grants: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['body.username', 'body.email', 'body.grants']),
    );
    const count = await t.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('username', '=', 'vinhbao.x1')
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(0);
  });

  it('lists only people in scope, and hides the rest with 404', async () => {
    const list = (await t.request(leader, { method: 'GET', url: '/api/v1/users?limit=100' })).json();
    expect(list.items.every((u: { orgUnitName: string }) => u.orgUnitName.includes('Vĩnh Bảo'))).toBe(true);
    expect(list.items.map((u: { username: string }) => u.username)).toContain('vinhbao.kinhte');
    expect(list.items[0].allowedActions).toEqual([]);
    const tuongLinhUser = (await t.request(admin, { method: 'GET', url: '/api/v1/users?q=tuonglinh.chutich' })).json()
      .items[0];
    expect((await t.request(leader, { method: 'GET', url: `/api/v1/users/${tuongLinhUser.id}` })).statusCode).toBe(404);
    expect(
      (await t.request(unitOfficer, { method: 'GET', url: '/api/v1/users' }))
        .json()
        .items.map((u: { username: string }) => u.username),
    ).toEqual([]);
    const byName = (await t.request(admin, { method: 'GET', url: '/api/v1/users?q=nguyen%20van%20hung' })).json().items;
    expect(byName.map((u: { username: string }) => u.username)).toEqual(['vinhbao.chutich']);
  });

  it('pages with a keyset cursor', async () => {
    const first = (await t.request(admin, { method: 'GET', url: '/api/v1/users?limit=5' })).json();
    expect(first.items).toHaveLength(5);
    const second = (await t.request(admin, { method: 'GET', url: `/api/v1/users?limit=5&after=${first.next}` })).json();
    expect(second.items[0].username > first.items[4].username).toBe(true);
  });

  it('disables (ending sessions), resets the password, unlocks, and changes grants — each audited', async () => {
    const target = await t.signIn('vinhbao.motcua');
    const id = target.userId;
    const disable = await t.request(communeAdmin, {
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      payload: { isDisabled: true },
    });
    expect(disable.json()).toMatchObject({ isDisabled: true, allowedActions: expect.arrayContaining(['enable']) });
    expect((await t.request(target, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { username: 'vinhbao.motcua', password: 'XaSo@Demo2026' },
        })
      ).json().error.code,
    ).toBe('ACCOUNT_DISABLED');
    await t.request(communeAdmin, { method: 'PATCH', url: `/api/v1/users/${id}`, payload: { isDisabled: false } });
    const reset = await t.request(communeAdmin, { method: 'POST', url: `/api/v1/users/${id}/reset-password` });
    const pw = reset.json().temporaryPassword;
    expect(pw).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    await t.signIn('vinhbao.motcua', pw);
    const grant = await t.request(communeAdmin, {
      method: 'POST',
      url: `/api/v1/users/${id}/grants`,
      payload: { role: 'unit_officer', orgUnitId: ids['11824-VHXH'] },
    });
    expect(grant.json().grants.map((g: { role: string }) => g.role)).toEqual(['one_stop_officer', 'unit_officer']);
    const added = grant.json().grants.find((g: { role: string }) => g.role === 'unit_officer');
    const removed = await t.request(communeAdmin, { method: 'DELETE', url: `/api/v1/users/${id}/grants/${added.id}` });
    expect(removed.json().grants.map((g: { role: string }) => g.role)).toEqual(['one_stop_officer']);
    const actions = (
      await t.database.db.selectFrom('auditLog').select('action').where('recordId', '=', id).orderBy('id').execute()
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.disabled',
        'user.enabled',
        'user.password_reset',
        'user.grant_added',
        'user.grant_removed',
      ]),
    );
    const self = await t.request(communeAdmin, {
      method: 'PATCH',
      url: `/api/v1/users/${communeAdmin.userId}`,
      payload: { isDisabled: true },
    });
    expect(self.json().error.code).toBe('CANNOT_MANAGE_SELF');
  });
});
