import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, latestAudit, type Session, type TestApp } from '../../test/test-app.ts';
import { vietnamToday, addDays } from '../calendar/dates.ts';

let t: TestApp;
let leader: Session, planOfficer: Session, kinhte: Session, motcua: Session, province: Session, tlPlan: Session;
let vinhBao: string, unitKT: string, unitTT: string, unitVH: string;
const today = vietnamToday();
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

beforeAll(async () => {
  t = await buildTestApp({
    EVIDENCE_MAX_BYTES: '20000',
    ...(process.env.TASKS_TEST_LOG ? { LOG_LEVEL: 'error' } : {}),
  });
  [leader, planOfficer, kinhte, motcua, province, tlPlan] = await Promise.all(
    [
      'vinhbao.chutich',
      'vinhbao.vanhoa',
      'vinhbao.kinhte',
      'vinhbao.motcua',
      'haiphong.sokhcn',
      'tuonglinh.vanhoa',
    ].map((u) => t.signIn(u)),
  );
  const id = async (code: string) =>
    (await t.request(leader, { method: 'GET', url: `/api/v1/org/by-code/${code}` })).json().id as string;
  [vinhBao, unitKT, unitTT, unitVH] = await Promise.all(['11824', '11824-KT', '11824-TTPVHCC', '11824-VHXH'].map(id));
});
afterAll(() => t.close());

const adHoc = (over: Record<string, unknown> = {}) => ({
  communeId: vinhBao,
  source: 'meeting',
  sourceRef: 'Thông báo kết luận số 12/TB-UBND ngày 05/3/2026',
  title: 'Rà soát, số hóa hồ sơ đất đai tồn đọng',
  leadUnitId: unitKT,
  assigneeId: kinhte.userId,
  partnerUnitIds: [unitTT],
  approverId: leader.userId,
  approvingAuthority: 'Chủ tịch UBND xã',
  expectedProduct: 'Báo cáo kết quả số hóa, danh mục hồ sơ',
  startDate: today,
  dueDate: addDays(today, 30),
  milestones: [{ title: 'Xong 50%', dueDate: addDays(today, 15) }],
  ...over,
});
const count = async (table: 'tasks' | 'taskActions' | 'files') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
function upload(s: Session, taskId: string, name: string, bytes: Uint8Array, type = 'application/octet-stream') {
  const form = new FormData();
  form.append('file', new Blob([bytes as BlobPart], { type }), name);
  return t.request(s, { method: 'POST', url: `/api/v1/tasks/${taskId}/files`, payload: form as never });
}
/** A minimal ZIP with the given entry names (stored, empty), enough for the central directory. */
function zip(names: string[]) {
  const enc = new TextEncoder();
  const locals: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 255, n >> 8];
  const u32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24];
  for (const name of names) {
    const n = [...enc.encode(name)];
    const offset = locals.length;
    locals.push(
      ...u32(0x04034b50),
      ...u16(20),
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      ...u32(0),
      ...u32(0),
      ...u32(0),
      ...u16(n.length),
      ...u16(0),
      ...n,
    );
    central.push(
      ...u32(0x02014b50),
      ...u16(20),
      ...u16(20),
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      ...u32(0),
      ...u32(0),
      ...u32(0),
      ...u16(n.length),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(offset),
      ...n,
    );
  }
  const end = [
    ...u32(0x06054b50),
    0,
    0,
    0,
    0,
    ...u16(names.length),
    ...u16(names.length),
    ...u32(central.length),
    ...u32(locals.length),
    ...u16(0),
  ];
  return new Uint8Array([...locals, ...central, ...end]);
}

describe('assigning an ad-hoc task (meeting conclusion)', () => {
  it('climbs unauthenticated → invalid → out of scope → forbidden → created, audited and notified', async () => {
    expect((await t.request(null, { method: 'POST', url: '/api/v1/tasks', payload: adHoc() })).statusCode).toBe(401);
    const before = await count('tasks');
    const bad = await t.request(leader, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: adHoc({ dueDate: addDays(today, -1) }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'TASK_DUE_BEFORE_START', fields: [{ path: 'body.dueDate' }] });
    expect(bad.json().error.message).toMatch(/không được trước ngày bắt đầu/);
    const twoLeads = await t.request(leader, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: adHoc({ leadUnitId: [unitKT, unitVH] }),
    });
    expect(twoLeads.json().error.code).toBe('TASK_SECOND_LEAD');
    const leadIsPartner = await t.request(leader, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: adHoc({ partnerUnitIds: [unitKT] }),
    });
    expect(leadIsPartner.json().error.code).toBe('TASK_LEAD_IS_PARTNER');
    const noRef = await t.request(leader, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: adHoc({ sourceRef: undefined }),
    });
    expect(noRef.statusCode).toBe(400);
    expect(await count('tasks')).toBe(before);
    expect((await t.request(tlPlan, { method: 'POST', url: '/api/v1/tasks', payload: adHoc() })).statusCode).toBe(404);
    expect((await t.request(kinhte, { method: 'POST', url: '/api/v1/tasks', payload: adHoc() })).statusCode).toBe(403);

    const res = await t.request(leader, { method: 'POST', url: '/api/v1/tasks', payload: adHoc() });
    expect(res.statusCode).toBe(201);
    const task = res.json();
    expect(task).toMatchObject({
      status: 'assigned',
      percent: 0,
      source: 'meeting',
      leadUnit: { id: unitKT },
      assignee: { id: kinhte.userId },
      approver: { id: leader.userId },
      partners: [{ id: unitTT }],
      milestones: [{ title: 'Xong 50%', reachedOn: null }],
      timing: 'on_track',
      lastSeq: 1,
      actions: [{ seq: 1, kind: 'assign', actorName: 'Nguyễn Văn Hùng' }],
      relations: ['reader', 'assigner', 'approver'],
    });
    expect(task.allowedActions).toEqual(['edit', 'comment']);
    expect((await latestAudit(t.database))[0]).toMatchObject({
      action: 'task.created',
      recordId: task.id,
      communeId: vinhBao,
    });
    const notes = (await t.request(kinhte, { method: 'GET', url: '/api/v1/notifications' })).json();
    expect(notes.items[0]).toMatchObject({ kind: 'task.assigned', recordId: task.id });
  });
});

describe('working on a task: progress, evidence, submit, return, verify', () => {
  let id: string;
  beforeAll(async () => {
    id = (
      await t.request(planOfficer, {
        method: 'POST',
        url: '/api/v1/tasks',
        payload: adHoc({ source: 'letter', sourceRef: 'Công văn 45/UBND' }),
      })
    ).json().id;
  });

  it('the responsible officer posts progress; an action not allowed now changes nothing', async () => {
    const asLead = (await t.request(kinhte, { method: 'GET', url: `/api/v1/tasks/${id}` })).json();
    expect(asLead.allowedActions).toEqual(['progress', 'evidence', 'submit', 'comment']);
    const milestone = asLead.milestones[0].id;
    const p = await t.request(kinhte, {
      method: 'POST',
      url: `/api/v1/tasks/${id}/actions/progress`,
      payload: { percent: 40, note: 'Đã số hóa 120/300 hồ sơ', milestoneId: milestone, expectedSeq: 1 },
    });
    expect(p.statusCode).toBe(200);
    expect(p.json()).toMatchObject({
      status: 'in_progress',
      percent: 40,
      lastSeq: 2,
      milestones: [{ reachedOn: today }],
    });
    expect((await latestAudit(t.database))[0]).toMatchObject({ action: 'task.progress', recordId: id });
    const actions = await count('taskActions');
    const early = await t.request(leader, { method: 'POST', url: `/api/v1/tasks/${id}/actions/verify`, payload: {} });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'TASK_ACTION_NOT_ALLOWED' });
    expect(early.json().error.message).toMatch(/Đang thực hiện/);
    const stale = await t.request(kinhte, {
      method: 'POST',
      url: `/api/v1/tasks/${id}/actions/progress`,
      payload: { percent: 50, note: 'x', expectedSeq: 1 },
    });
    expect(stale.json().error.code).toBe('TASK_CHANGED');
    expect(await count('taskActions')).toBe(actions);
    // A partner comments and mentions; a partner cannot post progress.
    expect(
      (
        await t.request(motcua, {
          method: 'POST',
          url: `/api/v1/tasks/${id}/actions/progress`,
          payload: { percent: 90, note: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const c = await t.request(motcua, {
      method: 'POST',
      url: `/api/v1/tasks/${id}/comments`,
      payload: { text: 'Trung tâm đã chuyển 40 hồ sơ, nhờ @vinhbao.kinhte kiểm tra.' },
    });
    expect(c.statusCode).toBe(201);
    expect(c.json().actions.at(-1)).toMatchObject({ kind: 'comment', details: { mentions: ['vinhbao.kinhte'] } });
    expect(
      (await t.request(kinhte, { method: 'GET', url: '/api/v1/notifications?unreadOnly=true' })).json().items[0],
    ).toMatchObject({ kind: 'task.comment', recordId: id });
  });

  it('evidence: safe types by content, within the limit, checksum kept', async () => {
    const before = await count('files');
    const ok = await upload(kinhte, id, 'bien-ban.pdf', PDF, 'application/pdf');
    expect(ok.statusCode).toBe(201);
    const { createHash } = await import('node:crypto');
    expect(ok.json()).toMatchObject({
      fileName: 'bien-ban.pdf',
      mediaType: 'application/pdf',
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const exe = await upload(kinhte, id, 'bao-cao.pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4]));
    expect([exe.statusCode, exe.json().error.code]).toEqual([415, 'TASK_FILE_TYPE_FORBIDDEN']);
    const macro = await upload(
      kinhte,
      id,
      'bang.xlsx',
      zip(['[Content_Types].xml', 'xl/workbook.xml', 'xl/vbaProject.bin']),
    );
    expect(macro.json().error).toMatchObject({ code: 'TASK_FILE_TYPE_FORBIDDEN' });
    expect(macro.json().error.message).toMatch(/macro/);
    const docx = await upload(kinhte, id, 'to-trinh.docx', zip(['[Content_Types].xml', 'word/document.xml']));
    expect(docx.json().mediaType).toMatch(/wordprocessingml/);
    const renamed = await upload(kinhte, id, 'anh.png', PDF);
    expect(renamed.json().error.code).toBe('TASK_FILE_TYPE_MISMATCH');
    const big = await upload(kinhte, id, 'lon.pdf', new Uint8Array([...PDF, ...new Uint8Array(30_000)]));
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'TASK_FILE_TOO_LARGE']);
    expect((await upload(motcua, id, 'x.pdf', PDF)).statusCode).toBe(403);
    expect(await count('files')).toBe(before + 2);
    const down = await t.request(province, { method: 'GET', url: `/api/v1/tasks/${id}/files/${ok.json().id}` });
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(new Uint8Array(down.rawPayload)).toEqual(PDF);
    expect(
      (await t.request(tlPlan, { method: 'GET', url: `/api/v1/tasks/${id}/files/${ok.json().id}` })).statusCode,
    ).toBe(404);
  });

  it('submit → return with a reason → submit again → verify; the log keeps every step', async () => {
    const detail = (await t.request(kinhte, { method: 'GET', url: `/api/v1/tasks/${id}` })).json();
    const fileId = detail.files[0].id;
    const s = await t.request(kinhte, {
      method: 'POST',
      url: `/api/v1/tasks/${id}/actions/submit`,
      payload: { note: 'Hoàn thành số hóa', fileIds: [fileId] },
    });
    expect(s.json()).toMatchObject({ status: 'submitted', percent: 100, submittedOn: today });
    expect((await t.request(leader, { method: 'GET', url: '/api/v1/notifications' })).json().items[0]).toMatchObject({
      kind: 'task.submitted',
      recordId: id,
    });
    expect(
      (await t.request(leader, { method: 'POST', url: `/api/v1/tasks/${id}/actions/return`, payload: { reason: '' } }))
        .statusCode,
    ).toBe(400);
    const r = await t.request(leader, {
      method: 'POST',
      url: `/api/v1/tasks/${id}/actions/return`,
      payload: { reason: 'Thiếu danh mục hồ sơ kèm theo' },
    });
    expect(r.json()).toMatchObject({ status: 'returned' });
    expect((await latestAudit(t.database))[0]).toMatchObject({ action: 'task.returned', recordId: id });
    await t.request(kinhte, {
      method: 'POST',
      url: `/api/v1/tasks/${id}/actions/submit`,
      payload: { note: 'Bổ sung danh mục' },
    });
    const v = await t.request(leader, {
      method: 'POST',
      url: `/api/v1/tasks/${id}/actions/verify`,
      payload: { note: 'Đạt' },
    });
    expect(v.statusCode).toBe(200);
    expect(v.json()).toMatchObject({
      status: 'verified',
      timing: 'done',
      verifiedOn: today,
      allowedActions: ['comment'],
    });
    expect(v.json().actions.map((a: { kind: string }) => a.kind)).toEqual([
      'assign',
      'progress',
      'comment',
      'evidence',
      'evidence',
      'submit',
      'return',
      'submit',
      'verify',
    ]);
    expect((await latestAudit(t.database))[0]).toMatchObject({ action: 'task.verified', recordId: id });
  });

  it('the log cannot be rewritten, even by SQL', async () => {
    await expect(
      sql`update task_actions set note = 'sửa' where task_id = ${id}`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from task_actions where task_id = ${id}`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('the responsible person cannot approve their own submission', async () => {
    const own = (
      await t.request(leader, {
        method: 'POST',
        url: '/api/v1/tasks',
        payload: adHoc({ assigneeId: leader.userId, leadUnitId: unitVH, partnerUnitIds: [] }),
      })
    ).json().id;
    await t.request(leader, { method: 'POST', url: `/api/v1/tasks/${own}/actions/submit`, payload: { note: 'Xong' } });
    const self = await t.request(leader, { method: 'POST', url: `/api/v1/tasks/${own}/actions/verify`, payload: {} });
    expect([self.statusCode, self.json().error.code]).toEqual([403, 'TASK_SELF_APPROVAL']);
  });
});

describe('editing a task', () => {
  it('the assigner changes the due date and the person; the change is in the log and the audit', async () => {
    const id = (await t.request(leader, { method: 'POST', url: '/api/v1/tasks', payload: adHoc() })).json().id;
    expect(
      (
        await t.request(leader, {
          method: 'PATCH',
          url: `/api/v1/tasks/${id}`,
          payload: { startDate: addDays(today, 40) },
        })
      ).json().error.code,
    ).toBe('TASK_DUE_BEFORE_START');
    const res = await t.request(planOfficer, {
      method: 'PATCH',
      url: `/api/v1/tasks/${id}`,
      payload: { dueDate: addDays(today, 45), assigneeId: motcua.userId },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dueDate: addDays(today, 45), assignee: { id: motcua.userId } });
    expect(res.json().actions.at(-1)).toMatchObject({
      kind: 'edit',
      details: { changes: { dueDate: [addDays(today, 30), addDays(today, 45)] } },
    });
    expect((await latestAudit(t.database))[0]).toMatchObject({ action: 'task.updated', recordId: id });
    const ms = await t.request(leader, {
      method: 'PUT',
      url: `/api/v1/tasks/${id}/milestones`,
      payload: { milestones: [{ title: 'Quý này', dueDate: addDays(today, 60) }] },
    });
    expect(ms.json().error.code).toBe('TASK_MILESTONE_OUTSIDE');
  });
});

describe('from the plan to tracked tasks', () => {
  it('previews the plan’s items with lead units, dates and yearly milestones, then creates them', async () => {
    const planId = (await t.request(planOfficer, { method: 'GET', url: '/api/v1/plans' })).json().items[0].id;
    expect(
      (await t.request(kinhte, { method: 'POST', url: '/api/v1/tasks/from-plan/preview', payload: { planId } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.request(tlPlan, { method: 'POST', url: '/api/v1/tasks/from-plan/preview', payload: { planId } }))
        .statusCode,
    ).toBe(404);
    const draft = (
      await t.request(planOfficer, {
        method: 'POST',
        url: '/api/v1/tasks/from-plan/preview',
        payload: { planId, milestones: 'yearly' },
      })
    ).json();
    expect(draft.approverId).toBe(leader.userId);
    const withLead = draft.items.filter((i: { leadUnitId: string | null }) => i.leadUnitId);
    expect(withLead.length).toBeGreaterThan(3);
    const kt = draft.items.find((i: { leadUnitId: string }) => i.leadUnitId === unitKT);
    if (kt) expect(kt.assigneeId).toBe(kinhte.userId);
    const item = withLead[0];
    expect(item.milestones.length).toBeGreaterThan(0);
    expect(item.milestones.at(-1).dueDate).toBe(item.dueDate);
    // The demo data already tracks the items the plan gives a lead unit: assign five others.
    const trackedBefore = (
      await t.request(leader, { method: 'GET', url: `/api/v1/tasks/stats?communeId=${vinhBao}` })
    ).json().commune.tracked.numerator;
    const fresh = draft.items.filter((i: { alreadyTracked: boolean }) => !i.alreadyTracked).slice(0, 5);
    expect(fresh).toHaveLength(5);
    const items = fresh.map((i: Record<string, unknown>) => ({
      planTaskId: i.planTaskId,
      title: i.title,
      groupName: i.groupName,
      leadUnitId: i.leadUnitId ?? unitVH,
      assigneeId: i.assigneeId ?? planOfficer.userId,
      partnerUnitIds: (i.partnerUnitIds as string[]).filter((u) => u !== (i.leadUnitId ?? unitVH)),
      expectedProduct: i.expectedProduct,
      startDate: i.startDate,
      dueDate: i.dueDate,
      milestones: i.milestones,
    }));
    const bad = await t.request(planOfficer, {
      method: 'POST',
      url: '/api/v1/tasks/from-plan',
      payload: {
        planId,
        approverId: leader.userId,
        approvingAuthority: 'Chủ tịch UBND xã',
        items: [...items, { ...items[0], dueDate: '2021-01-01' }],
      },
    });
    expect(bad.json().error).toMatchObject({
      code: 'TASK_DUE_BEFORE_START',
      fields: [{ path: 'body.items.5.dueDate' }],
    });
    const res = await t.request(planOfficer, {
      method: 'POST',
      url: '/api/v1/tasks/from-plan',
      payload: { planId, approverId: leader.userId, approvingAuthority: 'Chủ tịch UBND xã', items },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().created).toBe(5);
    expect(res.json().items[0]).toMatchObject({ source: 'plan', status: 'assigned', planId });
    const again = (
      await t.request(planOfficer, {
        method: 'POST',
        url: '/api/v1/tasks/from-plan/preview',
        payload: { planId, planTaskIds: [fresh[0].planTaskId] },
      })
    ).json();
    expect(again.items).toEqual([expect.objectContaining({ planTaskId: fresh[0].planTaskId, alreadyTracked: true })]);
    const stats = (await t.request(leader, { method: 'GET', url: `/api/v1/tasks/stats?communeId=${vinhBao}` })).json();
    expect(stats.commune.tracked).toMatchObject({ numerator: trackedBefore + 5, denominator: draft.items.length });
  });
});

describe('views: my tasks, board, timeline, overdue, stats, export', () => {
  let late: string;
  beforeAll(async () => {
    late = (
      await t.request(leader, {
        method: 'POST',
        url: '/api/v1/tasks',
        payload: adHoc({
          title: 'Nhiệm vụ đã quá hạn',
          startDate: addDays(today, -60),
          dueDate: addDays(today, -20),
          milestones: [],
        }),
      })
    ).json().id;
  });

  it('"my tasks" of the unit officer: responsible and partnering', async () => {
    const mine = (await t.request(kinhte, { method: 'GET', url: '/api/v1/tasks/mine' })).json();
    expect(mine.responsible.map((c: { id: string }) => c.id)).toContain(late);
    expect(mine.responsible.every((c: { status: string }) => c.status !== 'verified')).toBe(true);
    const leaderMine = (await t.request(leader, { method: 'GET', url: '/api/v1/tasks/mine' })).json();
    expect(leaderMine.toApprove.every((c: { status: string }) => c.status === 'submitted')).toBe(true);
    const partner = (await t.request(motcua, { method: 'GET', url: '/api/v1/tasks/mine' })).json();
    expect(partner.partnering.length).toBeGreaterThan(0);
  });

  it('the board: one column per status with counts; a unit board; cards carry their buttons', async () => {
    expect((await t.request(null, { method: 'GET', url: `/api/v1/tasks/board?communeId=${vinhBao}` })).statusCode).toBe(
      401,
    );
    expect((await t.request(leader, { method: 'GET', url: '/api/v1/tasks/board?communeId=nope' })).statusCode).toBe(
      400,
    );
    expect(
      (await t.request(tlPlan, { method: 'GET', url: `/api/v1/tasks/board?communeId=${vinhBao}` })).statusCode,
    ).toBe(404);
    const b = (await t.request(kinhte, { method: 'GET', url: `/api/v1/tasks/board?unitId=${unitKT}` })).json();
    expect(b.columns.map((c: { status: string }) => c.status)).toEqual([
      'assigned',
      'in_progress',
      'returned',
      'submitted',
      'verified',
    ]);
    expect(b.columns.find((c: { status: string }) => c.status === 'verified').count).toBeGreaterThan(0);
    const card = b.columns[0].items.find((c: { id: string }) => c.id === late);
    expect(card).toMatchObject({ timing: 'overdue', allowedActions: ['progress', 'evidence', 'submit', 'comment'] });
    expect(card.overdueWorkingDays).toBeGreaterThan(5);
  });

  it('the board shows more of one column on request, the other columns as before', async () => {
    const url = `/api/v1/tasks/board?communeId=${vinhBao}`;
    const all = (await t.request(leader, { method: 'GET', url: `${url}&limit=200` })).json();
    const biggest = [...all.columns].sort((a: { count: number }, b: { count: number }) => b.count - a.count)[0];
    expect(biggest.count).toBeGreaterThan(2);
    const one = (await t.request(leader, { method: 'GET', url: `${url}&limit=1` })).json();
    expect(one.columns.every((c: { items: unknown[] }) => c.items.length <= 1)).toBe(true);
    const more = (
      await t.request(leader, { method: 'GET', url: `${url}&limit=1&more=${biggest.status}:${biggest.count - 1}` })
    ).json();
    for (const col of more.columns) {
      const before = all.columns.find((c: { status: string }) => c.status === col.status);
      const ids = col.items.map((c: { id: string }) => c.id);
      // Same order as the full column, cut at the asked number.
      expect(ids).toEqual(
        before.items.slice(0, col.status === biggest.status ? biggest.count - 1 : 1).map((c: { id: string }) => c.id),
      );
      expect(col.count).toBe(before.count);
    }
    const bad = await t.request(leader, { method: 'GET', url: `${url}&more=done:10` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('querystring.more');
  });

  it('timeline groups, the leader’s overdue list, a filtered list, stats and the .xlsx', async () => {
    const tl = (await t.request(leader, { method: 'GET', url: `/api/v1/tasks/timeline?communeId=${vinhBao}` })).json();
    expect(tl.groups.length).toBeGreaterThan(1);
    expect(
      tl.groups
        .flatMap((g: { tasks: { milestones: unknown[] }[] }) => g.tasks)
        .some((x: { milestones: unknown[] }) => x.milestones.length > 0),
    ).toBe(true);
    const od = (await t.request(leader, { method: 'GET', url: `/api/v1/tasks/overdue?communeId=${vinhBao}` })).json();
    expect(od.overdue.map((c: { id: string }) => c.id)).toContain(late);
    const list = (
      await t.request(province, { method: 'GET', url: `/api/v1/tasks?communeId=${vinhBao}&timing=overdue` })
    ).json();
    // Only overdue tasks (the demo data has one of its own), none with a button for the province.
    expect(list.items.map((c: { id: string }) => c.id)).toContain(late);
    expect(
      list.items.every(
        (c: { timing: string; allowedActions: string[] }) => c.timing === 'overdue' && c.allowedActions.length === 0,
      ),
    ).toBe(true);
    const page1 = (
      await t.request(leader, { method: 'GET', url: `/api/v1/tasks?communeId=${vinhBao}&limit=2` })
    ).json();
    const page2 = (
      await t.request(leader, {
        method: 'GET',
        url: `/api/v1/tasks?communeId=${vinhBao}&limit=2&after=${page1.nextCursor}`,
      })
    ).json();
    expect(page2.items[0].id).not.toBe(page1.items[1].id);
    const stats = (await t.request(leader, { method: 'GET', url: `/api/v1/tasks/stats?communeId=${vinhBao}` })).json();
    expect(stats.commune.overdue.numerator).toBe(od.overdue.length);
    expect(stats.units.find((u: { unitId: string }) => u.unitId === unitKT).doneOnTime.numerator).toBeGreaterThan(0);
    const x = await t.request(leader, {
      method: 'GET',
      url: `/api/v1/tasks/export.xlsx?communeId=${vinhBao}&unitId=${unitKT}`,
    });
    expect(x.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    expect(ws.getRow(1).getCell(3).value).toBe('Nhiệm vụ');
    expect(ws.rowCount).toBeGreaterThan(2);
  });
});
