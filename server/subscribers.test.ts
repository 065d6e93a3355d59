/**
 * The composition root of events: every event is heard or named as unheard with its reason,
 * and a subscriber's failure rolls the write back through the API — the record, its audit row
 * and the figures it would have changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from './test/test-app.ts';
import { addDays, vietnamToday } from './modules/calendar/dates.ts';
import { EVENT_TYPES, subscribe, subscribersOf, UNOBSERVED_EVENTS, type EventType } from './platform/events.ts';
import { registerSubscribers } from './subscribers.ts';

let t: TestApp;
let leader: Session, vanhoa: Session, kinhte: Session;

beforeAll(async () => {
  t = await buildTestApp();
  [leader, vanhoa, kinhte] = await Promise.all(
    ['vinhbao.chutich', 'vinhbao.vanhoa', 'vinhbao.kinhte'].map((u) => t.signIn(u)),
  );
});
afterAll(() => t.close());

describe('the composition root of events', () => {
  it('gives every event a subscriber, or names it as unheard with the reason — never both', () => {
    registerSubscribers(); // again: idempotent
    for (const type of Object.keys(EVENT_TYPES) as EventType[]) {
      const heard = subscribersOf(type);
      const reason = UNOBSERVED_EVENTS[type];
      expect(heard.length > 0 || !!reason, `${type}: no subscriber and no reason in UNOBSERVED_EVENTS`).toBe(true);
      expect(heard.length > 0 && !!reason, `${type}: heard by ${heard.join(', ')} yet named unheard`).toBe(false);
    }
  });

  it('a failing subscriber rolls the write back: no task, no audit row, no figure changed', async () => {
    const commune = (await t.request(leader, { method: 'GET', url: '/api/v1/org/by-code/11824' })).json().id as string;
    const unit = (await t.request(leader, { method: 'GET', url: '/api/v1/org/by-code/11824-KT' })).json().id as string;
    const planId = (await t.request(vanhoa, { method: 'GET', url: `/api/v1/plans?communeId=${commune}` })).json()
      .items[0].id as string;
    // A target linked to the overdue share, which an overdue task moves.
    const cqs17 = (await t.request(vanhoa, { method: 'GET', url: '/api/v1/catalogue/indicators' }))
      .json()
      .items.find((i: { code: string }) => i.code === 'CQS-17').id as string;
    const target = await t.database.db
      .selectFrom('planTargets')
      .select('id')
      .where('planId', '=', planId)
      .where('indicatorId', 'is', null)
      .where('unit', '=', '%')
      .orderBy('sortOrder')
      .executeTakeFirstOrThrow();
    const link = await t.request(vanhoa, {
      method: 'PATCH',
      url: `/api/v1/plans/${planId}/targets/${target.id}`,
      payload: { indicatorId: cqs17, indicatorLink: 'confirmed', comparator: '<=', value: 5 },
    });
    expect(link.statusCode, link.body).toBe(200);
    const snapshot = async () => ({
      tasks: await t.database.db
        .selectFrom('tasks')
        .select('id')
        .where('communeId', '=', commune)
        .orderBy('id')
        .execute(),
      audit: await t.database.db.selectFrom('auditLog').select('id').orderBy('id', 'desc').limit(1).execute(),
      values: await t.database.db
        .selectFrom('indicatorValues')
        .selectAll()
        .where('communeId', '=', commune)
        .orderBy('id')
        .execute(),
      latest: await t.database.db
        .selectFrom('targetLatest')
        .selectAll()
        .where('communeId', '=', commune)
        .orderBy('targetId')
        .execute(),
    });
    const overdueTask = {
      communeId: commune,
      source: 'meeting',
      sourceRef: 'TB 3',
      title: 'Nhiệm vụ đã quá hạn',
      leadUnitId: unit,
      assigneeId: kinhte.userId,
      approverId: leader.userId,
      approvingAuthority: 'Chủ tịch UBND xã',
      expectedProduct: 'Báo cáo',
      startDate: addDays(vietnamToday(), -20),
      dueDate: addDays(vietnamToday(), -1),
    };
    const before = await snapshot();
    const heard: string[] = [];
    const unsubscribe = subscribe('test.failing', ['task.created'], async (_tx, events) => {
      heard.push(...events.map((e) => e.type));
      throw new Error('a subscriber failed');
    });
    try {
      const res = await t.request(leader, { method: 'POST', url: '/api/v1/tasks', payload: overdueTask });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('INTERNAL');
    } finally {
      unsubscribe();
    }
    expect(heard).toEqual(['task.created']);
    expect(await snapshot()).toEqual(before);
    // Without it, the same write commits, with its audit row and the overdue share it changes.
    const res = await t.request(leader, { method: 'POST', url: '/api/v1/tasks', payload: overdueTask });
    expect(res.statusCode, res.body).toBe(201);
    const after = await snapshot();
    expect(after.tasks).toHaveLength(before.tasks.length + 1);
    expect(after.audit).not.toEqual(before.audit);
    expect(after.latest.find((l) => l.targetId === target.id)).not.toEqual(
      before.latest.find((l) => l.targetId === target.id),
    );
  });
});
