import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: Session, plan: Session, province: Session, otherProvince: Session;
let communeId: string, provinceId: string;
const get = (s: Session, url: string) => t.request(s, { method: 'GET', url });

beforeAll(async () => {
  t = await buildTestApp();
  [admin, plan, province, otherProvince] = await Promise.all(['admin', 'phuthinh.vanhoa', 'thainguyen.sokhcn', 'haiphong.sokhcn'].map((u) => t.signIn(u)));
  communeId = (await get(admin, '/api/v1/org/by-code/05800')).json().id;
  provinceId = (await get(admin, '/api/v1/org/by-code/19')).json().id;
});
afterAll(() => t.close());

/** The plan officer reports and approves one unit's values for a period. */
async function reportAndApprove(code: string, value: (i: number) => number) {
  const cal = (await get(plan, `/api/v1/reporting/calendar?communeId=${communeId}&year=2026`)).json();
  const period = cal.periods.find((p: { level: string; code: string }) => p.level === 'unit' && p.code === code);
  const form = (await get(plan, `/api/v1/reporting/periods/${period.id}/units/${period.units[0].unitId}`)).json();
  const values = form.values.map((v: { targetId: string; unit: string }, i: number) => ({ targetId: v.targetId, value: v.unit === '%' ? value(i) : 1 }));
  await t.request(plan, { method: 'PUT', url: `/api/v1/reporting/periods/${period.id}/units/${period.units[0].unitId}`, payload: { values, narratives: [], generalNote: null } });
  const sub = (await t.request(plan, { method: 'POST', url: `/api/v1/reporting/periods/${period.id}/units/${period.units[0].unitId}/submit` })).json();
  return { form, approve: () => t.request(plan, { method: 'POST', url: `/api/v1/reporting/submissions/${sub.id}/approve`, payload: {} }) };
}

describe('live attainment', () => {
  it('an approved value shows at once in the commune dashboard, the province table and the national view', async () => {
    const before = (await get(plan, `/api/v1/dashboards/communes/${communeId}`)).json();
    expect(before.targets.length).toBeGreaterThan(3);
    expect(before.counts.no_data).toBe(before.targets.length);

    const q1 = await reportAndApprove('2026-Q1', (i) => 30 + i);
    const linked = q1.form.values.find((v: { unit: string }) => v.unit === '%');
    // Submitted but not approved: it does not count yet.
    const pending = (await get(plan, `/api/v1/dashboards/communes/${communeId}`)).json();
    expect(pending.targets.find((x: { targetId: string }) => x.targetId === linked.targetId).latest).toBeNull();
    expect(pending.reportsWaiting).toBe(1);
    expect((await q1.approve()).statusCode).toBe(200);

    const after = (await get(plan, `/api/v1/dashboards/communes/${communeId}`)).json();
    const row = after.targets.find((x: { targetId: string }) => x.targetId === linked.targetId);
    expect(row.latest).toMatchObject({ periodCode: '2026-Q1', source: 'report' });
    expect(row.trend).toHaveLength(1);
    expect(row.trend[0].sourceRef).toMatch(/^[0-9a-f-]{36}$/); // the approved report behind the value
    expect(row.status).not.toBe('no_data');
    expect(after.reportsWaiting).toBe(0);

    // A second period gives a trend of two points and a forecast to the deadline year, explained.
    const q2 = await reportAndApprove('2026-Q2', (i) => 45 + i);
    await q2.approve();
    const withForecast = (await get(plan, `/api/v1/dashboards/communes/${communeId}`)).json().targets.find((x: { targetId: string }) => x.targetId === linked.targetId);
    expect(withForecast.trend.map((p: { periodCode: string }) => p.periodCode)).toEqual(['2026-Q1', '2026-Q2']);
    if (withForecast.deadlineYear) {
      expect(withForecast.forecast.sentence).toMatch(/^Với tốc độ hiện nay, cuối năm \d{4} đạt/);
      expect(withForecast.forecast.method).toMatch(/bình phương tối thiểu/);
    }

    // The province table and the national view, for the catalogue indicator the target is linked to.
    const withIndicator = (await get(plan, `/api/v1/dashboards/communes/${communeId}`)).json().targets.find((x: { indicatorId: string | null; latest: unknown }) => x.indicatorId && x.latest);
    expect(withIndicator).toBeTruthy();
    const tile = (await get(province, `/api/v1/dashboards/provinces/${provinceId}?indicatorId=${withIndicator.indicatorId}`)).json();
    expect(tile.communes[0]).toMatchObject({ rank: 1, communeCode: '05800', value: withIndicator.latest.value });
    expect(tile.summary.communesReporting).toBe(1);
    const national = (await get(admin, `/api/v1/dashboards/national?indicatorId=${withIndicator.indicatorId}`)).json();
    expect(national.provinces).toEqual([expect.objectContaining({ provinceName: 'Tỉnh Thái Nguyên', communesReporting: 1 })]);
  });

  it('keeps each view to its people', async () => {
    expect((await get(otherProvince, `/api/v1/dashboards/communes/${communeId}`)).statusCode).toBe(404);
    const indicator = (await get(admin, '/api/v1/catalogue/indicators')).json().items[0].id;
    expect((await get(otherProvince, `/api/v1/dashboards/provinces/${provinceId}?indicatorId=${indicator}`)).statusCode).toBe(404);
    expect((await get(province, `/api/v1/dashboards/national?indicatorId=${indicator}`)).statusCode).toBe(403);
    expect((await get(province, `/api/v1/dashboards/provinces/${provinceId}?indicatorId=not-a-uuid`)).statusCode).toBe(400);
  });
});
