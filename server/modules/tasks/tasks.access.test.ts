/**
 * Role × place × action for tasks. The task lives in Vĩnh Bảo (Hải Phòng), led by Phòng Kinh
 * tế with Trung tâm PVHCC as partner. Places: inside the commune, a sibling commune of the same
 * province (Vĩnh Thuận), another province (Tượng Lĩnh; Thái Nguyên's Sở).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/test-app.ts';
import { addDays, vietnamToday } from '../calendar/dates.ts';

let t: TestApp;
const s: Record<string, Session> = {};
let vinhBao: string, unitKT: string, unitTT: string, taskId: string, submittedId: string;
const today = vietnamToday();
const PEOPLE = {
  leader: 'vinhbao.chutich',
  plan: 'vinhbao.vanhoa',
  lead: 'vinhbao.kinhte',
  partner: 'vinhbao.motcua',
  communeAdmin: 'vinhbao.quantri',
  citizen: 'vinhbao.congdan',
  province: 'haiphong.sokhcn',
  otherProvince: 'thainguyen.sokhcn',
  sibling: 'vinhthuan.vanhoa',
  otherCommune: 'tuonglinh.vanhoa',
} as const;
type Who = keyof typeof PEOPLE;

beforeAll(async () => {
  t = await buildTestApp();
  for (const [k, u] of Object.entries(PEOPLE)) s[k] = await t.signIn(u);
  const id = async (code: string) =>
    (await t.request(s.leader, { method: 'GET', url: `/api/v1/org/by-code/${code}` })).json().id as string;
  [vinhBao, unitKT, unitTT] = await Promise.all(['11824', '11824-KT', '11824-TTPVHCC'].map(id));
  const body = {
    communeId: vinhBao,
    source: 'meeting',
    sourceRef: 'KL 3/TB',
    title: 'Nhiệm vụ kiểm thử quyền',
    leadUnitId: unitKT,
    assigneeId: s.lead.userId,
    partnerUnitIds: [unitTT],
    approverId: s.leader.userId,
    approvingAuthority: 'Chủ tịch UBND xã',
    expectedProduct: 'Báo cáo',
    startDate: today,
    dueDate: addDays(today, 20),
  };
  taskId = (await t.request(s.leader, { method: 'POST', url: '/api/v1/tasks', payload: body })).json().id;
  submittedId = (await t.request(s.leader, { method: 'POST', url: '/api/v1/tasks', payload: body })).json().id;
  await t.request(s.lead, {
    method: 'POST',
    url: `/api/v1/tasks/${submittedId}/actions/submit`,
    payload: { note: 'Xong' },
  });
});
afterAll(() => t.close());

const actions = {
  read: (w: Who) => t.request(s[w], { method: 'GET', url: `/api/v1/tasks/${taskId}` }),
  list: (w: Who) => t.request(s[w], { method: 'GET', url: `/api/v1/tasks?communeId=${vinhBao}` }),
  board: (w: Who) => t.request(s[w], { method: 'GET', url: `/api/v1/tasks/board?communeId=${vinhBao}` }),
  stats: (w: Who) => t.request(s[w], { method: 'GET', url: `/api/v1/tasks/stats?communeId=${vinhBao}` }),
  edit: (w: Who) =>
    t.request(s[w], { method: 'PATCH', url: `/api/v1/tasks/${taskId}`, payload: { description: `sửa bởi ${w}` } }),
  progress: (w: Who) =>
    t.request(s[w], {
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/actions/progress`,
      payload: { percent: 10, note: 'tiến độ' },
    }),
  comment: (w: Who) =>
    t.request(s[w], { method: 'POST', url: `/api/v1/tasks/${taskId}/comments`, payload: { text: 'ý kiến' } }),
  return: (w: Who) =>
    t.request(s[w], {
      method: 'POST',
      url: `/api/v1/tasks/${submittedId}/actions/return`,
      payload: { reason: 'kiểm thử' },
    }),
};
type Action = keyof typeof actions;

// Expected statuses. `return` is tried on a task waiting for approval; only the last 200 changes it.
const MATRIX: [Who, Record<Action, number>][] = [
  [
    'otherProvince',
    { read: 404, list: 404, board: 404, stats: 404, edit: 404, progress: 404, comment: 404, return: 404 },
  ],
  [
    'otherCommune',
    { read: 404, list: 404, board: 404, stats: 404, edit: 404, progress: 404, comment: 404, return: 404 },
  ],
  ['sibling', { read: 404, list: 404, board: 404, stats: 404, edit: 404, progress: 404, comment: 404, return: 404 }],
  ['citizen', { read: 404, list: 404, board: 404, stats: 404, edit: 404, progress: 404, comment: 404, return: 404 }],
  ['province', { read: 200, list: 200, board: 200, stats: 200, edit: 403, progress: 403, comment: 403, return: 403 }],
  [
    'communeAdmin',
    { read: 200, list: 200, board: 200, stats: 200, edit: 403, progress: 403, comment: 403, return: 403 },
  ],
  ['partner', { read: 200, list: 200, board: 200, stats: 200, edit: 403, progress: 403, comment: 201, return: 403 }],
  ['lead', { read: 200, list: 200, board: 200, stats: 200, edit: 403, progress: 200, comment: 201, return: 403 }],
  ['plan', { read: 200, list: 200, board: 200, stats: 200, edit: 200, progress: 403, comment: 201, return: 403 }],
  ['leader', { read: 200, list: 200, board: 200, stats: 200, edit: 200, progress: 403, comment: 201, return: 200 }],
];

describe.each(MATRIX)('%s', (who, expected) => {
  it.each(Object.entries(expected) as [Action, number][])('%s → %i', async (action, status) => {
    const res = await actions[action](who);
    expect(res.statusCode, res.body).toBe(status);
  });
});

describe('what each person is offered', () => {
  it.each<[Who, string[]]>([
    ['province', []],
    ['partner', ['comment']],
    ['lead', ['progress', 'evidence', 'submit', 'comment']],
    ['plan', ['edit', 'comment']],
    ['leader', ['edit', 'comment']],
  ])('%s sees %j', async (who, buttons) => {
    expect((await actions.read(who)).json().allowedActions).toEqual(buttons);
  });

  it('edits by the matrix above left the partners in place', async () => {
    expect((await actions.read('leader')).json().partners.map((p: { id: string }) => p.id)).toEqual([unitTT]);
  });

  it('nobody outside the commune learns that the task exists', async () => {
    const res = await actions.read('sibling');
    const missing = await t.request(s.sibling, {
      method: 'GET',
      url: '/api/v1/tasks/00000000-0000-4000-8000-000000000000',
    });
    expect(res.json()).toEqual(missing.json());
  });
});
