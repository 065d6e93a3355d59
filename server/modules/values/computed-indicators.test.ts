/**
 * Every declared computed indicator (computed-indicators.ts) counted from records: after each
 * write a person makes, each linked target's computed value equals the figure the owning module
 * shows itself (the tasks' stats, the reporting completeness). A new declaration needs its case
 * in `EXPECTED` below — the first test fails until it has one.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/test-app.ts';
import { addDays, vietnamToday } from '../calendar/dates.ts';
import { COMPUTED_INDICATORS, SOURCES } from './computed-indicators.ts';
import { figureOf, quarterOf, type Share } from './values.rules.ts';

let t: TestApp;
let leader: Session, vanhoa: Session, kinhte: Session;
let communeId = '',
  planId = '',
  unitKT = '';
const today = vietnamToday();
const quarter = quarterOf(today).code;
const linked: Record<string, string> = {};
const get = async (s: Session, url: string) => {
  const res = await t.request(s, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const taskStats = async () => (await get(leader, `/api/v1/tasks/stats?communeId=${communeId}`)).commune;
const completeness = async () =>
  (await get(vanhoa, `/api/v1/reporting/completeness?communeId=${communeId}&year=${today.slice(0, 4)}`)).total;

/** What each computed indicator must equal: the owning module's own figure, read through its API. */
const EXPECTED: Record<string, () => Promise<Share>> = {
  'CQS-09': async () => (await taskStats()).tracked,
  'CQS-16': async () => (await taskStats()).doneOnTime,
  'CQS-17': async () => (await taskStats()).overdue,
  'CQS-08': async () => {
    const c = await completeness();
    return { numerator: c.submitted, denominator: c.expected };
  },
  'CQS-18': async () => {
    const c = await completeness();
    return { numerator: c.onTime, denominator: c.expected };
  },
};

const stored = (targetId: string) =>
  t.database.db
    .selectFrom('indicatorValues')
    .select(['value', 'numerator', 'denominator', 'sourceRef', 'producer', 'sourceLink', 'producedAt'])
    .where('targetId', '=', targetId)
    .where('periodCode', '=', quarter)
    .where('source', '=', 'computed')
    .executeTakeFirst();

/** Every computed value of the commune equals its owning module's figure, right after the write. */
async function expectEveryValueFresh() {
  for (const d of COMPUTED_INDICATORS) {
    const f = figureOf(await EXPECTED[d.code]());
    expect(f, `${d.code} has something to divide by in this scenario`).not.toBeNull();
    const v = await stored(linked[d.code]);
    expect(v && { value: Number(v.value), numerator: Number(v.numerator), denominator: Number(v.denominator) }).toEqual(
      f,
    );
  }
}

/** Counts the reads of each shared source while `fn` runs. */
async function countingSources<T>(fn: () => Promise<T>) {
  const spies = Object.fromEntries(
    (Object.keys(SOURCES) as (keyof typeof SOURCES)[]).map((name) => [name, vi.spyOn(SOURCES, name)]),
  );
  try {
    const result = await fn();
    return { result, calls: Object.fromEntries(Object.entries(spies).map(([n, s]) => [n, s.mock.calls.length])) };
  } finally {
    for (const s of Object.values(spies)) s.mockRestore();
  }
}

beforeAll(async () => {
  t = await buildTestApp();
  [leader, vanhoa, kinhte] = await Promise.all(
    ['vinhbao.chutich', 'vinhbao.vanhoa', 'vinhbao.kinhte'].map((u) => t.signIn(u)),
  );
  communeId = (await get(leader, '/api/v1/org/by-code/11824')).id;
  unitKT = (await get(leader, '/api/v1/org/by-code/11824-KT')).id;
  planId = (await get(vanhoa, `/api/v1/plans?communeId=${communeId}`)).items[0].id;
  // Unit reports due this year: a quarterly rule and its calendar.
  await t.request(vanhoa, {
    method: 'POST',
    url: `/api/v1/plans/${planId}/reporting`,
    payload: {
      cycle: 'quarterly',
      reporter: 'Các phòng, ban',
      recipient: 'Phòng Văn hóa - Xã hội',
      deadlineText: 'trước ngày 18 tháng cuối quý',
      day: 18,
      month: null,
    },
  });
  const cal = await t.request(vanhoa, {
    method: 'POST',
    url: `/api/v1/reporting/plans/${planId}/calendar`,
    payload: { year: Number(today.slice(0, 4)) },
  });
  expect(cal.statusCode, cal.body).toBe(200);
});
afterAll(() => t.close());

describe('computed indicators, each declared once', () => {
  it('every declaration has its case in this test, and codes are declared once', () => {
    const codes = COMPUTED_INDICATORS.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(EXPECTED).sort()).toEqual([...codes].sort());
  });

  it('a target linked to one gets its value, with the formula, the producer and the link to its records', async () => {
    const codes = Object.fromEntries(
      (await get(vanhoa, '/api/v1/catalogue/indicators')).items.map((i: { code: string; id: string }) => [
        i.code,
        i.id,
      ]),
    );
    const targets = await t.database.db
      .selectFrom('planTargets')
      .select(['id', 'indicatorId', 'unit'])
      .where('planId', '=', planId)
      .where('kind', '=', 'target')
      .orderBy('sortOrder')
      .execute();
    const free = targets.filter((x) => x.indicatorId === null && x.unit === '%');
    for (const d of COMPUTED_INDICATORS) {
      const already = targets.find((x) => x.indicatorId === codes[d.code]);
      if (already) {
        linked[d.code] = already.id;
        continue;
      }
      const target = free.shift()!;
      linked[d.code] = target.id;
      // Linking by hand publishes plan.targets-linked: the value is there when the answer comes.
      const res = await t.request(vanhoa, {
        method: 'PATCH',
        url: `/api/v1/plans/${planId}/targets/${target.id}`,
        payload: { indicatorId: codes[d.code], indicatorLink: 'confirmed', comparator: '>=', value: 90 },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    await expectEveryValueFresh();
    for (const d of COMPUTED_INDICATORS) {
      const v = (await stored(linked[d.code]))!;
      expect(v.sourceRef).toBe(`${d.code}: ${d.formula} = ${Number(v.numerator)}/${Number(v.denominator)}`);
      expect(v).toMatchObject({ producer: d.producer, sourceLink: d.link(communeId, Number(today.slice(0, 4))) });
    }
  });

  const task = (over: Record<string, unknown>) => ({
    communeId,
    source: 'meeting',
    sourceRef: 'Thông báo kết luận số 9/TB-UBND',
    title: 'Số hóa hồ sơ hộ tịch',
    leadUnitId: unitKT,
    assigneeId: kinhte.userId,
    partnerUnitIds: [],
    approverId: leader.userId,
    approvingAuthority: 'Chủ tịch UBND xã',
    expectedProduct: 'Kho dữ liệu hộ tịch',
    startDate: addDays(today, -30),
    dueDate: addDays(today, 10),
    ...over,
  });

  it('task writes recount the task figures in their transaction; a comment reads and writes nothing', async () => {
    const late = await t.request(leader, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: task({ title: 'Rà soát danh mục dữ liệu', dueDate: addDays(today, -2) }),
    });
    expect(late.statusCode, late.body).toBe(201);
    await expectEveryValueFresh();
    const onTime = (await t.request(leader, { method: 'POST', url: '/api/v1/tasks', payload: task({}) })).json();
    await expectEveryValueFresh();
    const act = (s: Session, kind: string, payload: object) =>
      t.request(s, { method: 'POST', url: `/api/v1/tasks/${onTime.id}/actions/${kind}`, payload });
    expect((await act(kinhte, 'submit', { note: 'Đã số hóa' })).statusCode).toBe(200);
    await expectEveryValueFresh();
    expect((await act(leader, 'verify', { note: 'Đạt' })).statusCode).toBe(200);
    await expectEveryValueFresh();

    const before = await Promise.all(COMPUTED_INDICATORS.map((d) => stored(linked[d.code])));
    const { result, calls } = await countingSources(() =>
      t.request(leader, { method: 'POST', url: `/api/v1/tasks/${onTime.id}/comments`, payload: { text: 'Cảm ơn' } }),
    );
    expect(result.statusCode, result.body).toBe(201);
    expect(calls).toEqual({ taskStats: 0, reportingFigures: 0 });
    expect(await Promise.all(COMPUTED_INDICATORS.map((d) => stored(linked[d.code])))).toEqual(before);
  });

  it('a unit report sent (late) and returned recounts the report figures, reading the tasks not at all', async () => {
    const cal = await get(vanhoa, `/api/v1/reporting/calendar?communeId=${communeId}&year=${today.slice(0, 4)}`);
    const period = cal.periods.find(
      (p: { level: string; dueOn: string; planId: string; units: { unitId: string }[] }) =>
        p.level === 'unit' && p.planId === planId && p.dueOn < today && p.units.some((u) => u.unitId === unitKT),
    );
    expect(period).toBeTruthy();
    const at = `/api/v1/reporting/periods/${period.id}/units/${unitKT}`;
    const form = await get(kinhte, at);
    const values = form.values.map((x: { targetId: string; unit: string }) => ({
      targetId: x.targetId,
      value: x.unit === '%' ? 60 : 2,
    }));
    const { result: sent, calls } = await countingSources(() =>
      t.request(kinhte, {
        method: 'POST',
        url: `${at}/submit`,
        payload: { values, narratives: [], generalNote: null },
      }),
    );
    expect(sent.statusCode, sent.body).toBe(200);
    expect(calls).toEqual({ taskStats: 0, reportingFigures: 1 });
    await expectEveryValueFresh();
    const returned = await t.request(vanhoa, {
      method: 'POST',
      url: `/api/v1/reporting/submissions/${sent.json().id}/return`,
      payload: { comment: 'Bổ sung số liệu quý' },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    await expectEveryValueFresh();
  });
});
