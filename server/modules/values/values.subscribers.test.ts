/**
 * The values module hears the writes' events in their transaction: a plan that creates many
 * tasks recounts its commune once; an approval records its values in the trips it took when
 * it called the dashboards itself (docs/SCALING.md, "B1's approval on the embedded database").
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/test-app.ts';
import { PGliteWorkerClient } from '../../platform/db/pglite-client.ts';
import { SOURCES } from './computed-indicators.ts';

let t: TestApp;
let plan: Session, leader: Session, admin: Session;
let communeId = '';
const get = async (s: Session, url: string) => {
  const res = await t.request(s, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await buildTestApp();
  [plan, leader, admin] = await Promise.all(['phuthinh.vanhoa', 'phuthinh.chutich', 'admin'].map((u) => t.signIn(u)));
  communeId = (await get(plan, '/api/v1/org/by-code/05800')).id;
});
afterAll(() => t.close());

describe('the values subscriber', () => {
  it('a plan that creates 50 tasks in one request recounts its commune once, reading the tasks once', async () => {
    const planId = (await get(plan, `/api/v1/plans?communeId=${communeId}`)).items[0].id;
    const draft = (
      await t.request(plan, { method: 'POST', url: '/api/v1/tasks/from-plan/preview', payload: { planId } })
    ).json();
    const fresh = draft.items.filter((i: { alreadyTracked: boolean }) => !i.alreadyTracked).slice(0, 50);
    expect(fresh).toHaveLength(50);
    const before = (await get(leader, `/api/v1/tasks/stats?communeId=${communeId}`)).commune.tracked;
    const taskStats = vi.spyOn(SOURCES, 'taskStats');
    try {
      const res = await t.request(plan, {
        method: 'POST',
        url: '/api/v1/tasks/from-plan',
        payload: {
          planId,
          approverId: leader.userId,
          approvingAuthority: 'Chủ tịch UBND xã',
          items: fresh.map((i: Record<string, unknown>) => ({
            planTaskId: i.planTaskId,
            title: i.title,
            groupName: i.groupName,
            leadUnitId: i.leadUnitId ?? draft.items.find((x: { leadUnitId: string | null }) => x.leadUnitId).leadUnitId,
            assigneeId: i.assigneeId ?? plan.userId,
            partnerUnitIds: [],
            expectedProduct: i.expectedProduct,
            startDate: i.startDate,
            dueDate: i.dueDate,
            milestones: [],
          })),
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().created).toBe(50);
      expect(taskStats).toHaveBeenCalledTimes(1);
    } finally {
      taskStats.mockRestore();
    }
    // The one recount saw all 50: the plan's tracked share (CQS-09, which the demo plan names) moved by 50.
    const after = (await get(leader, `/api/v1/tasks/stats?communeId=${communeId}`)).commune.tracked;
    expect(after.numerator).toBe(before.numerator + 50);
    const cqs09 = await t.database.db
      .selectFrom('indicatorValues as v')
      .innerJoin('indicators as i', 'i.id', 'v.indicatorId')
      .select(['v.numerator', 'v.denominator'])
      .where('v.communeId', '=', communeId)
      .where('i.code', '=', 'CQS-09')
      .where('v.source', '=', 'computed')
      .orderBy('v.producedAt', 'desc')
      .executeTakeFirstOrThrow();
    expect([Number(cqs09.numerator), Number(cqs09.denominator)]).toEqual([after.numerator, after.denominator]);
  });

  it.runIf(!process.env.TEST_DATABASE_URL)(
    'an approval records its values in the same trips to the embedded database as before the events',
    async () => {
      const cal = await get(plan, `/api/v1/reporting/calendar?communeId=${communeId}&year=2026`);
      const period = cal.periods.find((p: { level: string; code: string }) => p.level === 'unit');
      const unitId = period.units[0].unitId;
      const at = `/api/v1/reporting/periods/${period.id}/units/${unitId}`;
      const form = await get(plan, at);
      const values = form.values.map((v: { targetId: string; unit: string }) => ({
        targetId: v.targetId,
        value: v.unit === '%' ? 42 : 3,
      }));
      const sent = await t.request(plan, {
        method: 'POST',
        url: `${at}/submit`,
        payload: { values, narratives: [], generalNote: null },
      });
      expect(sent.statusCode, sent.body).toBe(200);
      // Warm: the session is cached and the statements named after one request. The approval is
      // another person's (separation of duties: whoever sent a report does not approve it).
      await get(admin, at);
      const trips = [vi.spyOn(PGliteWorkerClient.prototype, 'query'), vi.spyOn(PGliteWorkerClient.prototype, 'batch')];
      try {
        const res = await t.request(admin, {
          method: 'POST',
          url: `/api/v1/reporting/submissions/${sent.json().id}/approve`,
          payload: {},
        });
        expect(res.statusCode, res.body).toBe(200);
        // find the report; BEGIN with the decision, its event and audit row and the report's readings;
        // the values with the targets and latest-value reads; the rollups; COMMIT.
        expect(trips.reduce((n, s) => n + s.mock.calls.length, 0)).toBe(5);
      } finally {
        for (const s of trips) s.mockRestore();
      }
      // Every approved value is an indicator value (source 'report', the submission as its reference) with its rollup row.
      const recorded = await t.database.db
        .selectFrom('indicatorValues')
        .select(['targetId', 'value'])
        .where('source', '=', 'report')
        .where('sourceRef', '=', sent.json().id)
        .execute();
      expect(recorded.map((r) => [r.targetId, Number(r.value)]).sort()).toEqual(
        values.map((v: { targetId: string; value: number }) => [v.targetId, v.value]).sort(),
      );
      const rolled = await t.database.db
        .selectFrom('targetLatest')
        .select('targetId')
        .where(
          'targetId',
          'in',
          values.map((v: { targetId: string }) => v.targetId),
        )
        .execute();
      expect(rolled).toHaveLength(values.length);
    },
  );
});
