import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, latestAudit, type Session, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: Session, province: Session, plan: Session, tlProvince: Session;
beforeAll(async () => {
  t = await buildTestApp();
  [admin, province, plan, tlProvince] = await Promise.all(
    ['admin', 'haiphong.sokhcn', 'vinhbao.vanhoa', 'thanhhoa.sokhcn'].map((u) => t.signIn(u)),
  );
});
afterAll(() => t.close());

describe('indicator catalogue', () => {
  it('is shared, searchable without accents, and shows how many targets link to each entry', async () => {
    const all = (await t.request(plan, { method: 'GET', url: '/api/v1/catalogue/indicators' })).json().items;
    expect(all.length).toBeGreaterThanOrEqual(30);
    const found = (await t.request(plan, { method: 'GET', url: '/api/v1/catalogue/indicators?q=so%20hoa' })).json()
      .items;
    expect(found[0].name).toBe('Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa');
    expect(found[0]).toMatchObject({ unit: '%', numerator: expect.any(String), denominator: expect.any(String) });
    expect(all.reduce((n: number, i: { targetCount: number }) => n + i.targetCount, 0)).toBeGreaterThan(0);
  });

  it('province officers curate it: add, rename, merge a duplicate (links move); commune officers cannot', async () => {
    const body = {
      code: 'HP-DVC-01',
      name: 'Tỷ lệ dịch vụ công toàn trình (Hải Phòng)',
      unit: '%',
      domain: 'digital_government',
      aliases: ['dvc toàn trình'],
    };
    expect(
      (await t.request(plan, { method: 'POST', url: '/api/v1/catalogue/indicators', payload: body })).statusCode,
    ).toBe(403);
    const created = await t.request(province, { method: 'POST', url: '/api/v1/catalogue/indicators', payload: body });
    expect(created.statusCode).toBe(201);
    const dup = created.json();
    expect(
      (await t.request(province, { method: 'POST', url: '/api/v1/catalogue/indicators', payload: body })).json().error
        .code,
    ).toBe('INDICATOR_CODE_TAKEN');
    const renamed = await t.request(province, {
      method: 'PATCH',
      url: `/api/v1/catalogue/indicators/${dup.id}`,
      payload: { name: 'Dịch vụ công trực tuyến toàn trình (HP)' },
    });
    expect(renamed.json().name).toBe('Dịch vụ công trực tuyến toàn trình (HP)');
    expect(
      (
        await t.request(tlProvince, {
          method: 'PATCH',
          url: `/api/v1/catalogue/indicators/${dup.id}`,
          payload: { name: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const keep = (await t.request(province, { method: 'GET', url: '/api/v1/catalogue/indicators?q=CQS-01' })).json()
      .items[0];
    // Link one demo target to the duplicate, then merge: the link moves to the kept entry.
    const target = await t.database.db
      .selectFrom('planTargets')
      .select('id')
      .where('unit', '=', '%')
      .limit(1)
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('planTargets')
      .set({ indicatorId: dup.id, indicatorLink: 'confirmed' })
      .where('id', '=', target.id)
      .execute();
    const merged = await t.request(province, {
      method: 'POST',
      url: `/api/v1/catalogue/indicators/${dup.id}/merge`,
      payload: { intoId: keep.id },
    });
    expect(merged.statusCode).toBe(200);
    // The kept entry is shared: a province moves its links onto it but does not edit it (indicators.policy.ts).
    expect(merged.json().aliases).not.toContain('Dịch vụ công trực tuyến toàn trình (HP)');
    const moved = await t.database.db
      .selectFrom('planTargets')
      .select('indicatorId')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(moved.indicatorId).toBe(keep.id);
    expect((await latestAudit(t.database))[0].action).toBe('indicator.merged');
    const list = (await t.request(province, { method: 'GET', url: '/api/v1/catalogue/indicators' }))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(list).not.toContain(dup.id);
    const speed = (await t.request(province, { method: 'GET', url: '/api/v1/catalogue/indicators?q=HTS-03' })).json()
      .items[0];
    expect(
      (
        await t.request(admin, {
          method: 'POST',
          url: `/api/v1/catalogue/indicators/${keep.id}/merge`,
          payload: { intoId: speed.id },
        })
      ).json().error.code,
    ).toBe('INDICATOR_UNIT_MISMATCH');
  });

  it('holds a province’s criteria set for assessing its communes', async () => {
    const hp = (await t.request(admin, { method: 'GET', url: '/api/v1/org/by-code/31' })).json().id;
    const body = {
      provinceId: hp,
      name: 'Bộ chỉ số đánh giá chuyển đổi số cấp xã (minh họa)',
      year: 2026,
      legalBasis: 'Quyết định của UBND thành phố (minh họa)',
      criteria: [
        {
          groupName: 'Chính quyền số',
          code: '1.1',
          name: 'Tỷ lệ hồ sơ trực tuyến',
          maxPoints: 10,
          scoring: { kind: 'ratio', threshold: 50 },
          evidence: 'Số liệu từ hệ thống một cửa',
        },
        {
          groupName: 'Xã hội số',
          code: '2.1',
          name: 'Tổ công nghệ số cộng đồng hoạt động',
          maxPoints: 5,
          scoring: {
            kind: 'steps',
            steps: [
              { min: 0, points: 0 },
              { min: 50, points: 3 },
              { min: 100, points: 5 },
            ],
          },
        },
      ],
    };
    // Another province's officer: Hải Phòng is outside what they see, so it answers as missing.
    expect(
      (await t.request(tlProvince, { method: 'POST', url: '/api/v1/catalogue/criteria-sets', payload: body }))
        .statusCode,
    ).toBe(404);
    const created = await t.request(province, {
      method: 'POST',
      url: '/api/v1/catalogue/criteria-sets',
      payload: body,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      maxPoints: 15,
      criteria: [
        expect.objectContaining({ code: '1.1', scoring: { kind: 'ratio', threshold: 50 } }),
        expect.anything(),
      ],
    });
    const bad = await t.request(province, {
      method: 'POST',
      url: '/api/v1/catalogue/criteria-sets',
      payload: { ...body, criteria: [{ ...body.criteria[0], scoring: { kind: 'guess' } }] },
    });
    expect(bad.statusCode).toBe(400);
    const listed = (await t.request(plan, { method: 'GET', url: '/api/v1/catalogue/criteria-sets' })).json().items;
    expect(listed.map((s: { name: string }) => s.name)).toContain(body.name);
    expect(
      (await t.request(tlProvince, { method: 'GET', url: '/api/v1/catalogue/criteria-sets' })).json().items,
    ).toEqual([]);
  });
});
