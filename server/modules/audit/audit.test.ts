import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: Session, leader: Session, plan: Session, tlLeader: Session;
beforeAll(async () => {
  t = await buildTestApp();
  [admin, leader, plan, tlLeader] = await Promise.all(
    ['admin', 'vinhbao.chutich', 'vinhbao.vanhoa', 'tuonglinh.chutich'].map((u) => t.signIn(u)),
  );
});
afterAll(() => t.close());

describe('audit log page', () => {
  it('shows a commune leader their commune’s entries only, newest first, filtered by person and date', async () => {
    const mine = (await t.request(leader, { method: 'GET', url: `/api/v1/audit?actorId=${plan.userId}` })).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i: { actorId: string }) => i.actorId === plan.userId)).toBe(true);
    expect(mine.items[0]).toMatchObject({ action: 'auth.sign_in', summary: 'Đăng nhập: vinhbao.vanhoa' });
    const other = (await t.request(leader, { method: 'GET', url: `/api/v1/audit?actorId=${tlLeader.userId}` })).json();
    expect(other.items).toEqual([]);
    const all = (await t.request(admin, { method: 'GET', url: `/api/v1/audit?actorId=${tlLeader.userId}` })).json();
    expect(all.items.length).toBeGreaterThan(0);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const dated = (
      await t.request(leader, { method: 'GET', url: `/api/v1/audit?from=${today}&to=${today}&recordType=user` })
    ).json();
    expect(dated.items.length).toBeGreaterThan(0);
    const past = (
      await t.request(leader, { method: 'GET', url: '/api/v1/audit?from=2020-01-01&to=2020-12-31' })
    ).json();
    expect(past.items).toEqual([]);
  });

  it('pages backwards by id', async () => {
    const first = (await t.request(admin, { method: 'GET', url: '/api/v1/audit?limit=2' })).json();
    const second = (
      await t.request(admin, { method: 'GET', url: `/api/v1/audit?limit=2&before=${first.next}` })
    ).json();
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
  });

  it('is closed to roles without audit rights and rejects bad filters', async () => {
    expect((await t.request(plan, { method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(403);
    const bad = await t.request(admin, { method: 'GET', url: '/api/v1/audit?from=2026-05-01&to=2026-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('querystring.from');
  });
});
