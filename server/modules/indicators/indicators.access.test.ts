/**
 * Issue 22, finding 4, re-run as written: one province's officer rewrote the national catalogue —
 * renamed a shared indicator and merged it into one of their province's, moving another
 * province's commune target onto it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: Session, thanhHoa: Session, haiPhong: Session;
beforeAll(async () => {
  t = await buildTestApp();
  [admin, thanhHoa, haiPhong] = await Promise.all(
    ['admin', 'thanhhoa.sokhcn', 'haiphong.sokhcn'].map((u) => t.signIn(u)),
  );
});
afterAll(() => t.close());

const byCode = async (code: string) =>
  (await t.request(admin, { method: 'GET', url: `/api/v1/catalogue/indicators?q=${code}` })).json().items[0];

describe('the shared catalogue is national; a province’s own entries are that province’s', () => {
  it('a province officer can neither rename nor merge away a shared indicator, and no target moves', async () => {
    const shared = await byCode('CQS-02');
    expect(shared.provinceId).toBeNull();
    const rename = await t.request(thanhHoa, {
      method: 'PATCH',
      url: `/api/v1/catalogue/indicators/${shared.id}`,
      payload: { name: 'Đổi tên bởi Thanh Hóa' },
    });
    expect(rename.statusCode).toBe(403);
    const own = await t.request(thanhHoa, {
      method: 'POST',
      url: '/api/v1/catalogue/indicators',
      payload: {
        code: 'TH-CQS-02',
        name: 'Chỉ tiêu riêng Thanh Hóa',
        unit: shared.unit,
        domain: 'digital_government',
        aliases: [],
      },
    });
    expect(own.statusCode).toBe(201);
    expect(own.json().provinceId).not.toBeNull();
    // A Hải Phòng commune's target linked to the shared indicator.
    const hp = (await t.request(admin, { method: 'GET', url: '/api/v1/org/by-code/31' })).json().id;
    const target = await t.database.db
      .selectFrom('planTargets')
      .select('id')
      .where('provinceId', '=', hp)
      .where('unit', '=', shared.unit)
      .limit(1)
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('planTargets')
      .set({ indicatorId: shared.id })
      .where('id', '=', target.id)
      .execute();
    const merge = await t.request(thanhHoa, {
      method: 'POST',
      url: `/api/v1/catalogue/indicators/${shared.id}/merge`,
      payload: { intoId: own.json().id },
    });
    expect(merge.statusCode).toBe(403);
    // Not even the national level merges a shared entry into one province's own.
    const national = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/catalogue/indicators/${shared.id}/merge`,
      payload: { intoId: own.json().id },
    });
    expect(national.json().error.code).toBe('INDICATOR_MERGE_NARROWER');
    const after = await byCode('CQS-02');
    expect(after).toMatchObject({ name: shared.name, mergedIntoId: null });
    const linked = await t.database.db
      .selectFrom('planTargets')
      .select('indicatorId')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(linked.indicatorId).toBe(shared.id);
  });

  it('a province edits its own entries, another province cannot, the national level edits shared ones', async () => {
    const own = await byCode('TH-CQS-02');
    expect(
      (
        await t.request(haiPhong, {
          method: 'PATCH',
          url: `/api/v1/catalogue/indicators/${own.id}`,
          payload: { name: 'Hải Phòng sửa' },
        })
      ).statusCode,
    ).toBe(403);
    const mine = await t.request(thanhHoa, {
      method: 'PATCH',
      url: `/api/v1/catalogue/indicators/${own.id}`,
      payload: { name: 'Chỉ tiêu riêng của Thanh Hóa' },
    });
    expect(mine.statusCode).toBe(200);
    const shared = await byCode('CQS-02');
    const national = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/catalogue/indicators/${shared.id}`,
      payload: { description: 'Biên tập ở cấp quốc gia' },
    });
    expect(national.statusCode).toBe(200);
  });
});
