/**
 * Issue 22, finding 12c: a plan officer could submit a unit's report and then approve it
 * themselves. Whoever sent a report no longer reviews it (REPORT_SEPARATION_OF_DUTIES, on by
 * default), as with tasks.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/test-app.ts';

const apps: TestApp[] = [];
afterAll(() => Promise.all(apps.map((a) => a.close())));

/** The plan officer of Phú Thịnh fills in and sends the first unit's 2026-Q1 report. */
async function sentByPlanOfficer(env: Record<string, string> = {}) {
  const t = await buildTestApp(env);
  apps.push(t);
  const [admin, plan] = await Promise.all(['admin', 'phuthinh.vanhoa'].map((u) => t.signIn(u)));
  const get = (s: Session, url: string) => t.request(s, { method: 'GET', url });
  const communeId = (await get(admin, '/api/v1/org/by-code/05800')).json().id;
  const cal = (await get(plan, `/api/v1/reporting/calendar?communeId=${communeId}&year=2026`)).json();
  const q1 = cal.periods.find((p: { level: string; code: string }) => p.level === 'unit' && p.code === '2026-Q1');
  const unitId = q1.units[0].unitId;
  const form = (await get(plan, `/api/v1/reporting/periods/${q1.id}/units/${unitId}`)).json();
  const sent = await t.request(plan, {
    method: 'POST',
    url: `/api/v1/reporting/periods/${q1.id}/units/${unitId}/submit`,
    payload: {
      values: form.values.map((v: { targetId: string; unit: string }) => ({ targetId: v.targetId, value: 3 })),
      narratives: [],
      generalNote: null,
    },
  });
  expect(sent.statusCode).toBe(200);
  expect(sent.json().status).toBe('submitted');
  return {
    t,
    admin,
    plan,
    communeId,
    submissionId: sent.json().id as string,
    view: `/api/v1/reporting/periods/${q1.id}/units/${unitId}`,
  };
}

describe('separation of duties for unit reports', () => {
  it('refuses the sender’s own approval or return, offers no such button, and lets another reviewer decide', async () => {
    const { t, admin, plan, submissionId, view, communeId: communeIdOf } = await sentByPlanOfficer();
    expect((await t.request(plan, { method: 'GET', url: view })).json().allowedActions).toEqual([]);
    const calendarOf = async (s: Session) =>
      (await t.request(s, { method: 'GET', url: `/api/v1/reporting/calendar?communeId=${communeIdOf}&year=2026` }))
        .json()
        .periods.flatMap((p: { units: { submissionId: string | null; reviewable: boolean }[] }) => p.units)
        .find((u: { submissionId: string | null }) => u.submissionId === submissionId);
    expect((await calendarOf(plan)).reviewable).toBe(false);
    expect((await calendarOf(admin)).reviewable).toBe(true);
    for (const decision of ['approve', 'return'] as const) {
      const res = await t.request(plan, {
        method: 'POST',
        url: `/api/v1/reporting/submissions/${submissionId}/${decision}`,
        payload: { comment: 'Tự duyệt' },
      });
      expect(res.statusCode, decision).toBe(403);
      expect(res.json().error.code).toBe('REPORT_SELF_REVIEW');
    }
    expect((await t.request(admin, { method: 'GET', url: view })).json().allowedActions).toEqual(['return', 'approve']);
    const approved = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/reporting/submissions/${submissionId}/approve`,
      payload: {},
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('approved');
  });

  it('can be turned off with REPORT_SEPARATION_OF_DUTIES=0', async () => {
    const { t, plan, submissionId } = await sentByPlanOfficer({ REPORT_SEPARATION_OF_DUTIES: '0' });
    const res = await t.request(plan, {
      method: 'POST',
      url: `/api/v1/reporting/submissions/${submissionId}/approve`,
      payload: {},
    });
    expect(res.statusCode).toBe(200);
  });
});
