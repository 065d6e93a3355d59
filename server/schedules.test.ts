import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from './test/test-app.ts';
import { addDays, vietnamToday } from './modules/calendar/dates.ts';
import { runReminders } from './schedules.ts';

let t: TestApp;
let leader: Session, kinhte: Session, vanhoa: Session;

beforeAll(async () => {
  t = await buildTestApp();
  [leader, kinhte, vanhoa] = await Promise.all(
    ['vinhbao.chutich', 'vinhbao.kinhte', 'vinhbao.vanhoa'].map((u) => t.signIn(u)),
  );
});
afterAll(() => t.close());

describe('the daily refresh of computed indicator values', () => {
  it('a target linked to a computed indicator gets its value at once; a task falling overdue with no write shows after the next daily run', async () => {
    const commune = (await t.request(leader, { method: 'GET', url: '/api/v1/org/by-code/11824' })).json().id as string;
    const planId = (await t.request(vanhoa, { method: 'GET', url: `/api/v1/plans?communeId=${commune}` })).json()
      .items[0].id as string;
    const cqs17 = (await t.request(vanhoa, { method: 'GET', url: '/api/v1/catalogue/indicators' }))
      .json()
      .items.find((i: { code: string }) => i.code === 'CQS-17').id as string;
    const target = await t.database.db
      .selectFrom('planTargets')
      .select('id')
      .where('planId', '=', planId)
      .where('kind', '=', 'target')
      .where('indicatorId', 'is', null)
      .where('unit', '=', '%')
      .orderBy('sortOrder')
      .executeTakeFirstOrThrow();
    const overdueShare = async () => {
      const s = (await t.request(leader, { method: 'GET', url: `/api/v1/tasks/stats?communeId=${commune}` })).json()
        .commune.overdue;
      return Math.round((10_000 * s.numerator) / s.denominator) / 100;
    };
    const latest = () =>
      t.database.db
        .selectFrom('targetLatest')
        .select(['value', 'source'])
        .where('targetId', '=', target.id)
        .executeTakeFirst();

    expect(await latest()).toBeUndefined();
    const link = await t.request(vanhoa, {
      method: 'PATCH',
      url: `/api/v1/plans/${planId}/targets/${target.id}`,
      payload: { indicatorId: cqs17, indicatorLink: 'confirmed', comparator: '<=', value: 5 },
    });
    expect(link.statusCode, link.body).toBe(200);
    expect(await latest()).toEqual({ value: expect.anything(), source: 'computed' });
    expect(Number((await latest())!.value)).toBe(await overdueShare());

    // A task due later (its creation refreshes the figures) …
    const unit = (await t.request(leader, { method: 'GET', url: '/api/v1/org/by-code/11824-KT' })).json().id as string;
    const task = await t.request(leader, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: {
        communeId: commune,
        source: 'meeting',
        sourceRef: 'TB 2',
        title: 'Nhiệm vụ G',
        leadUnitId: unit,
        assigneeId: kinhte.userId,
        approverId: leader.userId,
        approvingAuthority: 'Chủ tịch UBND xã',
        expectedProduct: 'Báo cáo',
        startDate: addDays(vietnamToday(), -5),
        dueDate: addDays(vietnamToday(), 5),
      },
    });
    expect(task.statusCode, task.body).toBe(201);
    const before = Number((await latest())!.value);
    expect(before).toBe(await overdueShare());
    // … then the date moves on: its due date passes with nobody writing anything (set here directly, as time would).
    await t.database.db
      .updateTable('tasks')
      .set({ dueDate: addDays(vietnamToday(), -1) })
      .where('id', '=', task.json().id)
      .execute();
    const now = await overdueShare();
    expect(now).not.toBe(before);
    expect(Number((await latest())!.value)).toBe(before); // stale until the daily run

    const skipped = await runReminders(t.database.db, t.config, vietnamToday(), { refreshComputed: false });
    expect(skipped.computed).toBeUndefined();
    expect(Number((await latest())!.value)).toBe(before);
    const run = await runReminders(t.database.db, t.config);
    expect(run.computed).toMatchObject({ failed: [] });
    expect(run.computed!.communes).toBeGreaterThanOrEqual(1);
    expect(run.computed!.written).toBeGreaterThanOrEqual(1);
    expect(Number((await latest())!.value)).toBe(now);
    // Nothing changed since: the next run writes nothing.
    expect((await runReminders(t.database.db, t.config)).computed!.written).toBe(0);
  });
});
