/**
 * Issue 22, finding 9, re-run as written: writes accepted ids from outside the actor's scope — a
 * plan task led by another commune's unit, a target linked to another province's own indicator,
 * a report narrative naming another commune's plan task (the commune report then printed that
 * commune's heading). Every id a write names is now looked up in the request's own place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from './test-app.ts';

let t: TestApp;
let admin: Session, vinhBaoPlan: Session, thanhHoa: Session;
let vinhBao: string, otherUnit: string, ownUnit: string, foreignIndicator: string, foreignTask: string;
let plan: { id: string; targets: { id: string }[]; tasks: { id: string; title: string }[] };
const get = (s: Session, url: string) => t.request(s, { method: 'GET', url });

beforeAll(async () => {
  t = await buildTestApp();
  [admin, vinhBaoPlan, thanhHoa] = await Promise.all(
    ['admin', 'vinhbao.vanhoa', 'thanhhoa.sokhcn'].map((u) => t.signIn(u)),
  );
  vinhBao = (await get(admin, '/api/v1/org/by-code/11824')).json().id;
  ownUnit = (await get(admin, '/api/v1/org/by-code/11824-KT')).json().id;
  otherUnit = (await get(admin, '/api/v1/org/by-code/16363-KT')).json().id; // Tượng Lĩnh, Thanh Hóa
  const own = await t.request(thanhHoa, {
    method: 'POST',
    url: '/api/v1/catalogue/indicators',
    payload: { code: 'TH-RIENG-01', name: 'Chỉ tiêu riêng của Thanh Hóa', unit: '%', domain: 'other', aliases: [] },
  });
  foreignIndicator = own.json().id;
  const tuongLinh = (await get(admin, '/api/v1/org/by-code/16363')).json().id;
  const tlPlan = (await get(admin, `/api/v1/plans?communeId=${tuongLinh}`)).json().items[0];
  foreignTask = (await get(admin, `/api/v1/plans/${tlPlan.id}`)).json().tasks[0].id;
  const listed = (await get(vinhBaoPlan, `/api/v1/plans?communeId=${vinhBao}`)).json().items[0];
  plan = (await get(vinhBaoPlan, `/api/v1/plans/${listed.id}`)).json();
});
afterAll(() => t.close());

describe('ids named in a write are looked up in the request’s own place', () => {
  it('a plan task cannot be led by another commune’s unit', async () => {
    const add = await t.request(vinhBaoPlan, {
      method: 'POST',
      url: `/api/v1/plans/${plan.id}/tasks`,
      payload: { title: 'Nhiệm vụ thử', leadUnitId: otherUnit },
    });
    expect(add.statusCode).toBe(404);
    expect(add.json().error).toMatchObject({ code: 'ORG_UNIT_NOT_FOUND', fields: [{ path: 'body.leadUnitId' }] });
    const edit = await t.request(vinhBaoPlan, {
      method: 'PATCH',
      url: `/api/v1/plans/${plan.id}/tasks/${plan.tasks[0].id}`,
      payload: { leadUnitId: otherUnit },
    });
    expect(edit.statusCode).toBe(404);
    const mine = await t.request(vinhBaoPlan, {
      method: 'PATCH',
      url: `/api/v1/plans/${plan.id}/tasks/${plan.tasks[0].id}`,
      payload: { leadUnitId: ownUnit },
    });
    expect(mine.statusCode).toBe(200);
  });

  it('a target cannot be linked to another province’s own indicator', async () => {
    const edit = await t.request(vinhBaoPlan, {
      method: 'PATCH',
      url: `/api/v1/plans/${plan.id}/targets/${plan.targets[0].id}`,
      payload: { indicatorId: foreignIndicator, indicatorLink: 'confirmed' },
    });
    expect(edit.statusCode).toBe(404);
    expect(edit.json().error).toMatchObject({ code: 'INDICATOR_NOT_FOUND', fields: [{ path: 'body.indicatorId' }] });
    const add = await t.request(vinhBaoPlan, {
      method: 'POST',
      url: `/api/v1/plans/${plan.id}/targets`,
      payload: { text: 'Thử', comparator: '>=', value: 5, unit: '%', indicatorId: foreignIndicator },
    });
    expect(add.statusCode).toBe(404);
    const linked = await t.database.db
      .selectFrom('planTargets')
      .select('id')
      .where('indicatorId', '=', foreignIndicator)
      .execute();
    expect(linked).toEqual([]);
  });

  it('an imported plan’s reviewed content names only the commune’s units and linkable indicators', async () => {
    const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../modules/demo/plans/vinhbao.txt'), 'utf8');
    const form = new FormData();
    form.append('file', new Blob([seed], { type: 'text/plain' }), 'ke-hoach.txt');
    const draft = (
      await t.request(vinhBaoPlan, {
        method: 'POST',
        url: `/api/v1/plans/imports?communeId=${vinhBao}&planId=${plan.id}`,
        payload: form as never,
      })
    ).json();
    const content = {
      header: draft.extraction.header,
      targets: draft.extraction.targets.map((x: object, i: number) =>
        i === 0 ? { ...x, indicatorId: foreignIndicator, indicatorLink: 'confirmed' } : x,
      ),
      tasks: draft.extraction.tasks.map((x: object, i: number) => (i === 1 ? { ...x, leadUnitId: otherUnit } : x)),
      reporting: draft.extraction.reporting,
    };
    for (const url of [`/api/v1/plans/imports/${draft.id}/review`, `/api/v1/plans/imports/${draft.id}/commit`]) {
      const res = await t.request(vinhBaoPlan, {
        method: url.endsWith('review') ? 'PUT' : 'POST',
        url,
        payload: url.endsWith('commit') ? { ...content, note: null } : content,
      });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.fields[0].path).toBe('body.targets.0.indicatorId');
    }
    const fixed = { ...content, targets: draft.extraction.targets };
    const res = await t.request(vinhBaoPlan, {
      method: 'PUT',
      url: `/api/v1/plans/imports/${draft.id}/review`,
      payload: fixed,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({
      code: 'ORG_UNIT_NOT_FOUND',
      fields: [{ path: 'body.tasks.1.leadUnitId' }],
    });
  });

  it('a report’s narrative cannot name another commune’s plan task', async () => {
    // Phú Thịnh (Thái Nguyên) has the demo reporting calendar; the task named is Tượng Lĩnh's.
    const officer = await t.signIn('phuthinh.vanhoa');
    const phuThinh = (await get(admin, '/api/v1/org/by-code/05800')).json().id;
    const cal = (await get(officer, `/api/v1/reporting/calendar?communeId=${phuThinh}&year=2026`)).json();
    const q1 = cal.periods.find((p: { level: string; code: string }) => p.level === 'unit' && p.code === '2026-Q1');
    const ownPlan = (await get(officer, `/api/v1/plans/${q1.planId}`)).json();
    const url = `/api/v1/reporting/periods/${q1.id}/units/${q1.units[0].unitId}`;
    const body = {
      values: [],
      narratives: [
        { planTaskId: foreignTask, taskTitle: 'Nhiệm vụ', done: 'Đã làm', difficulties: null, proposals: null },
      ],
      generalNote: null,
    };
    for (const [method, at] of [
      ['PUT', url],
      ['POST', `${url}/submit`],
    ] as const) {
      const res = await t.request(officer, { method, url: at, payload: body });
      expect(res.statusCode, `${method} ${at}`).toBe(404);
      expect(res.json().error).toMatchObject({
        code: 'PLAN_TASK_NOT_FOUND',
        fields: [{ path: 'body.narratives.0.planTaskId' }],
      });
    }
    const stored = await t.database.db
      .selectFrom('reportNarratives')
      .select('id')
      .where('planTaskId', '=', foreignTask)
      .where('communeId', '=', phuThinh)
      .execute();
    expect(stored).toEqual([]);
    const own = { ...body, narratives: [{ ...body.narratives[0], planTaskId: ownPlan.tasks[0].id }] };
    expect((await t.request(officer, { method: 'PUT', url, payload: own })).statusCode).toBe(200);
  });

  it('a province’s criteria set cannot link another province’s own indicator', async () => {
    const hp = (await get(admin, '/api/v1/org/by-code/31')).json().id;
    const res = await t.request(await t.signIn('haiphong.sokhcn'), {
      method: 'POST',
      url: '/api/v1/catalogue/criteria-sets',
      payload: {
        provinceId: hp,
        name: 'Bộ tiêu chí thử',
        criteria: [
          {
            groupName: 'A',
            code: '1',
            name: 'Tiêu chí',
            maxPoints: 10,
            scoring: { kind: 'ratio', threshold: 80 },
            indicatorId: foreignIndicator,
          },
        ],
      },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({
      code: 'INDICATOR_NOT_FOUND',
      fields: [{ path: 'body.criteria.0.indicatorId' }],
    });
  });

  it('a task names only the commune’s units, people, targets and plan; a progress report only the task’s own files and milestones', async () => {
    const [leader, officer] = await Promise.all(['vinhbao.chutich', 'vinhbao.kinhte'].map((u) => t.signIn(u)));
    const tuongLinh = (await get(admin, '/api/v1/org/by-code/16363')).json().id;
    const stranger = (await get(admin, '/api/v1/users?q=tuonglinh.chutich')).json().items[0].id;
    const tlPlan = (await get(admin, `/api/v1/plans?communeId=${tuongLinh}`)).json().items[0];
    const tlTarget = (await get(admin, `/api/v1/plans/${tlPlan.id}`)).json().targets[0].id;
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const task = (over: Record<string, unknown> = {}) => ({
      communeId: vinhBao,
      source: 'meeting',
      sourceRef: 'Thông báo kết luận số 1/TB-UBND',
      title: 'Nhiệm vụ thử phạm vi',
      leadUnitId: ownUnit,
      assigneeId: officer.userId,
      partnerUnitIds: [],
      approverId: leader.userId,
      approvingAuthority: 'Chủ tịch UBND xã',
      expectedProduct: 'Báo cáo',
      startDate: today,
      dueDate: later,
      milestones: [{ title: 'Giữa kỳ', dueDate: later }],
      ...over,
    });
    const create = (over: Record<string, unknown>) =>
      t.request(leader, { method: 'POST', url: '/api/v1/tasks', payload: task(over) });
    for (const [over, status, code] of [
      [{ leadUnitId: otherUnit }, 400, 'TASK_UNIT_NOT_IN_COMMUNE'],
      [{ partnerUnitIds: [otherUnit] }, 400, 'TASK_UNIT_NOT_IN_COMMUNE'],
      [{ assigneeId: stranger }, 400, 'TASK_PERSON_NOT_IN_COMMUNE'],
      [{ approverId: stranger }, 400, 'TASK_PERSON_NOT_IN_COMMUNE'],
      [{ targetIds: [tlTarget] }, 400, 'TASK_TARGET_NOT_FOUND'],
      [{ planId: tlPlan.id }, 404, 'PLAN_NOT_FOUND'],
    ] as const) {
      const res = await create(over);
      expect([res.statusCode, res.json().error?.code], JSON.stringify(over)).toEqual([status, code]);
    }
    const a = (await create({})).json();
    const b = (await create({ title: 'Nhiệm vụ thứ hai' })).json();
    const form = new FormData();
    const pdf = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'minh-chung.pdf');
    const file = await t.request(officer, {
      method: 'POST',
      url: `/api/v1/tasks/${a.id}/files`,
      payload: form as never,
    });
    expect(file.statusCode).toBe(201);
    const progress = (taskId: string, over: Record<string, unknown>) =>
      t.request(officer, {
        method: 'POST',
        url: `/api/v1/tasks/${taskId}/actions/progress`,
        payload: { percent: 10, note: 'Tiến độ', ...over },
      });
    const foreignFile = await progress(b.id, { fileIds: [file.json().id] });
    expect([foreignFile.statusCode, foreignFile.json().error.code]).toEqual([400, 'TASK_FILE_NOT_FOUND']);
    const foreignMilestone = await progress(b.id, { milestoneId: a.milestones[0].id });
    expect([foreignMilestone.statusCode, foreignMilestone.json().error.code]).toEqual([
      404,
      'TASK_MILESTONE_NOT_FOUND',
    ]);
    expect((await progress(a.id, { fileIds: [file.json().id], milestoneId: a.milestones[0].id })).statusCode).toBe(200);
  });
});
