/**
 * Attachments of a unit's report (issue 6) and the narrative prefilled from the unit's tracked
 * tasks, through HTTP on a real database (xã Phú Thịnh's demo plan and people).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, latestAudit, type Session, type TestApp } from '../../test/test-app.ts';
import { addDays, vietnamToday } from '../calendar/dates.ts';

let t: TestApp;
let admin: Session, plan: Session, leader: Session, other: Session, unitA: Session, unitB: Session;
let communeId = '';
let period: { id: string; label: string; units: { unitId: string; unitName: string }[] };
let unitId = '';
const today = vietnamToday();
const MAX = 20_000;
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new Array(200).fill(0x41)]);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const get = (s: Session | null, url: string) => t.request(s, { method: 'GET', url });
const base = () => `/api/v1/reporting/periods/${period.id}/units/${unitId}`;
const countFiles = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('files')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

function upload(s: Session | null, name: string, bytes: Uint8Array, url = `${base()}/attachments`) {
  const form = new FormData();
  form.append('file', new Blob([bytes as BlobPart], { type: 'application/octet-stream' }), name);
  return t.request(s, { method: 'POST', url, payload: form as never });
}

async function newUnitOfficer(username: string, unit: string) {
  const created = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/users',
    payload: { username, fullName: 'Lò Thị Báo', orgUnitId: unit, grants: [{ role: 'unit_officer', orgUnitId: unit }] },
  });
  expect(created.statusCode, created.body).toBe(201);
  return t.signIn(username, created.json().temporaryPassword);
}

beforeAll(async () => {
  t = await buildTestApp({ EVIDENCE_MAX_BYTES: String(MAX) });
  [admin, plan, leader, other] = await Promise.all(
    ['admin', 'phuthinh.vanhoa', 'phuthinh.chutich', 'vinhbao.vanhoa'].map((u) => t.signIn(u)),
  );
  communeId = (await get(admin, '/api/v1/org/by-code/05800')).json().id;
  // The unit-level period whose data-closing window holds today: the one a unit reports on now.
  const planId = (await get(plan, `/api/v1/plans?communeId=${communeId}`)).json().items[0].id;
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1])
    await t.request(plan, { method: 'POST', url: `/api/v1/reporting/plans/${planId}/calendar`, payload: { year: y } });
  const periods = [
    ...(await get(plan, `/api/v1/reporting/calendar?communeId=${communeId}&year=${year}`)).json().periods,
    ...(await get(plan, `/api/v1/reporting/calendar?communeId=${communeId}&year=${year + 1}`)).json().periods,
  ];
  period = periods.find(
    (p: { level: string; closingStart: string; closingEnd: string }) =>
      p.level === 'unit' && p.closingStart <= today && today <= p.closingEnd,
  );
  expect(period, `a unit period open on ${today}`).toBeTruthy();
  unitId = period.units[0].unitId;
  unitA = await newUnitOfficer('phuthinh.dinhkem', unitId);
  unitB = await newUnitOfficer('phuthinh.khac', period.units[1].unitId);
});
afterAll(() => t.close());

describe('attachments of a unit’s report', () => {
  let pdfId = '';

  it('the unit attaches a PDF: a draft is started, the checksum stored, the upload audited', async () => {
    expect((await upload(null, 'bien-ban.pdf', PDF)).statusCode).toBe(401);
    expect((await get(unitA, base())).json().status).toBe('none');
    const res = await upload(unitA, 'Biên bản họp.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      fileName: 'Biên bản họp.pdf',
      mediaType: 'application/pdf',
      byteSize: PDF.length,
      sha256: sha(PDF),
      createdByName: 'Lò Thị Báo',
    });
    pdfId = res.json().id;
    const stored = await t.database.db
      .selectFrom('reportAttachments as a')
      .innerJoin('files as f', 'f.id', 'a.fileId')
      .select(['f.sha256', 'f.ownerType', 'f.ownerId', 'a.submissionId', 'a.communeId', 'a.provinceId'])
      .where('a.id', '=', pdfId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      sha256: sha(PDF),
      ownerType: 'report_submission',
      ownerId: stored.submissionId,
      communeId,
    });
    expect((await get(unitA, base())).json().status).toBe('draft');
    expect((await latestAudit(t.database))[0]).toMatchObject({
      action: 'report.attachment_added',
      recordId: stored.submissionId,
      communeId,
    });
  });

  it('a path or a NUL in the name is only a label; an image is accepted too', async () => {
    const res = await upload(unitA, '..\\..\\Windows\\Ảnh lớp học\u0000.png', PNG);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fileName: 'Ảnh lớp học_.png', mediaType: 'image/png' });
  });

  it('refuses a forbidden type, a renamed file, an empty and a too-large file, writing nothing', async () => {
    const before = await countFiles();
    const exe = await upload(unitA, 'bao-cao.pdf', EXE);
    expect([exe.statusCode, exe.json().error.code]).toEqual([415, 'REPORT_FILE_TYPE_FORBIDDEN']);
    expect(exe.json().error.message).toMatch(/^Tệp đính kèm không được chấp nhận/);
    const renamed = await upload(unitA, 'anh.docx', PNG);
    expect([renamed.statusCode, renamed.json().error.code]).toEqual([415, 'REPORT_FILE_TYPE_MISMATCH']);
    expect((await upload(unitA, 'rong.pdf', new Uint8Array())).json().error.code).toBe('REPORT_FILE_EMPTY');
    const big = await upload(unitA, 'lon.pdf', new Uint8Array([...PDF, ...new Uint8Array(MAX)]));
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'REPORT_FILE_TOO_LARGE']);
    expect(big.json().error.message).toContain('MB');
    expect(await countFiles()).toBe(before);
  });

  it('reviewers list and download the same bytes; another commune gets 404, another unit 403', async () => {
    const list = (await get(plan, `${base()}/attachments`)).json();
    expect(list.items.map((i: { fileName: string }) => i.fileName)).toEqual(['Biên bản họp.pdf', 'Ảnh lớp học_.png']);
    expect(list).toMatchObject({ canChange: true, maxBytes: MAX, maxCount: 20 });
    expect((await get(leader, `${base()}/attachments`)).json().canChange).toBe(false);
    expect((await get(null, `${base()}/attachments/${pdfId}`)).statusCode).toBe(401);
    const down = await get(plan, `${base()}/attachments/${pdfId}`);
    expect(down.statusCode).toBe(200);
    expect(new Uint8Array(down.rawPayload)).toEqual(PDF);
    expect(sha(new Uint8Array(down.rawPayload))).toBe(sha(PDF));
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="dinh-kem.pdf"; filename*=UTF-8''${encodeURIComponent('Biên bản họp.pdf')}`,
    );
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers.digest).toBe(`sha-256=${createHash('sha256').update(PDF).digest('base64')}`);

    const outsider = [
      await upload(other, 'x.pdf', PDF),
      await get(other, `${base()}/attachments`),
      await get(other, `${base()}/attachments/${pdfId}`),
      await t.request(other, { method: 'DELETE', url: `${base()}/attachments/${pdfId}` }),
    ];
    expect(outsider.map((r) => r.statusCode)).toEqual([404, 404, 404, 404]);
    expect((await upload(unitB, 'x.pdf', PDF)).statusCode).toBe(403);
    expect((await t.request(unitB, { method: 'DELETE', url: `${base()}/attachments/${pdfId}` })).statusCode).toBe(403);
    // An attachment of this unit is not reachable through another unit's address.
    expect(
      (await get(plan, `/api/v1/reporting/periods/${period.id}/units/${period.units[1].unitId}/attachments/${pdfId}`))
        .statusCode,
    ).toBe(404);
  });

  it('the unit removes a file while the report is a draft; once submitted, nothing can be added or removed', async () => {
    const png = (await get(unitA, `${base()}/attachments`)).json().items[1];
    const before = await countFiles();
    const removed = await t.request(unitA, { method: 'DELETE', url: `${base()}/attachments/${png.id}` });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().items.map((i: { id: string }) => i.id)).toEqual([pdfId]);
    expect(await countFiles()).toBe(before - 1);
    expect((await latestAudit(t.database))[0].action).toBe('report.attachment_removed');

    // Fill in and submit.
    const form = (await get(unitA, base())).json();
    const body = {
      values: form.values.map((v: { targetId: string; unit: string }) => ({
        targetId: v.targetId,
        value: v.unit === '%' ? 50 : 1,
      })),
      narratives: [],
      generalNote: null,
    };
    expect((await t.request(unitA, { method: 'PUT', url: base(), payload: body })).statusCode).toBe(200);
    expect((await t.request(unitA, { method: 'POST', url: `${base()}/submit` })).json().status).toBe('submitted');

    const late = await upload(unitA, 'bo-sung.pdf', PDF);
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'REPORT_LOCKED']);
    expect(late.json().error.message).toContain('đã nộp');
    const del = await t.request(unitA, { method: 'DELETE', url: `${base()}/attachments/${pdfId}` });
    expect([del.statusCode, del.json().error.code]).toEqual([409, 'REPORT_LOCKED']);
    expect((await get(unitA, `${base()}/attachments`)).json()).toMatchObject({
      canChange: false,
      items: [{ id: pdfId }],
    });

    // Returned: the unit may add evidence again; approved: locked for good.
    const sub = (await get(plan, base())).json().id;
    await t.request(plan, {
      method: 'POST',
      url: `/api/v1/reporting/submissions/${sub}/return`,
      payload: { comment: 'Bổ sung biên bản nghiệm thu.' },
    });
    expect((await upload(unitA, 'nghiem-thu.pdf', PDF)).statusCode).toBe(201);
    await t.request(unitA, { method: 'POST', url: `${base()}/submit` });
    await t.request(plan, { method: 'POST', url: `/api/v1/reporting/submissions/${sub}/approve`, payload: {} });
    const locked = await upload(unitA, 'muon.pdf', PDF);
    expect([locked.statusCode, locked.json().error.message]).toEqual([409, expect.stringContaining('đã được duyệt')]);
    expect(
      (await get(plan, `${base()}/attachments`)).json().items.map((i: { fileName: string }) => i.fileName),
    ).toEqual(['Biên bản họp.pdf', 'nghiem-thu.pdf']);

    // The commune report of the same period lists them as an annex line of the unit.
    const year = Number(today.slice(0, 4));
    const all = [year, year + 1].map(
      async (y) => (await get(plan, `/api/v1/reporting/calendar?communeId=${communeId}&year=${y}`)).json().periods,
    );
    const communePeriod = (await Promise.all(all))
      .flat()
      .find(
        (p: { level: string; code: string }) =>
          p.level === 'commune' && p.code === (period as unknown as { code: string }).code,
      );
    if (communePeriod) {
      const doc = (await get(plan, `/api/v1/reporting/periods/${communePeriod.id}/commune-report`)).json().document;
      expect(doc.attachments).toContainEqual({
        unitName: period.units[0].unitName,
        files: ['Biên bản họp.pdf', 'nghiem-thu.pdf'],
      });
    }
  });
});

describe('the narrative prefilled from the unit’s tracked tasks', () => {
  let unit = '';
  let officer: Session;
  let taskId = '';
  const url = () => `/api/v1/reporting/periods/${period.id}/units/${unit}`;

  beforeAll(async () => {
    unit = period.units[1].unitId;
    officer = unitB;
    const planId = (await get(plan, `/api/v1/plans?communeId=${communeId}`)).json().items[0].id;
    const task = await t.request(leader, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: {
        communeId,
        planId,
        source: 'meeting',
        sourceRef: 'Thông báo kết luận số 30/TB-UBND',
        title: 'Lắp đặt wifi miễn phí tại nhà văn hóa các thôn',
        leadUnitId: unit,
        assigneeId: officer.userId,
        partnerUnitIds: [],
        approverId: leader.userId,
        approvingAuthority: 'Chủ tịch UBND xã',
        expectedProduct: 'Điểm wifi hoạt động',
        startDate: today,
        dueDate: addDays(today, 60),
        milestones: [],
      },
    });
    expect(task.statusCode, task.body).toBe(201);
    taskId = task.json().id;
    const p = await t.request(officer, {
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/actions/progress`,
      payload: { percent: 40, note: 'Đã lắp 4/10 điểm wifi ở thôn Đồng Tâm, Hợp Thành' },
    });
    expect(p.statusCode, p.body).toBe(200);
  });

  it('a task assigned ad hoc under the plan gets its own row, prefilled with percent and the latest progress text', async () => {
    const view = (await get(officer, url())).json();
    const row = view.narratives.find(
      (n: { taskTitle: string }) => n.taskTitle === 'Lắp đặt wifi miễn phí tại nhà văn hóa các thôn',
    );
    expect(row).toMatchObject({ planTaskId: null, prefilled: true });
    expect(row.done).toMatch(
      /^Đang thực hiện, đạt 40% \(hạn \d{2}\/\d{2}\/\d{4}\); cập nhật ngày \d{2}\/\d{2}\/\d{4}: Đã lắp 4\/10 điểm wifi ở thôn Đồng Tâm, Hợp Thành\.$/,
    );
  });

  it('a task carrying out a plan item fills that item’s row', async () => {
    const view = (await get(officer, url())).json();
    // The first plan item the unit leads (it may carry tracked tasks already: then one line each).
    const item = view.narratives.find((n: { planTaskId: string | null }) => n.planTaskId !== null);
    expect(item, 'a plan item led by the unit').toBeTruthy();
    await t.database.db.updateTable('tasks').set({ planTaskId: item.planTaskId }).where('id', '=', taskId).execute();
    const after = (await get(officer, url())).json();
    expect(after.narratives.find((n: { planTaskId: string | null }) => n.planTaskId === item.planTaskId)).toMatchObject(
      { prefilled: true, done: expect.stringContaining('Đã lắp 4/10 điểm wifi') },
    );
    expect(
      after.narratives.some(
        (n: { taskTitle: string }) => n.taskTitle === 'Lắp đặt wifi miễn phí tại nhà văn hóa các thôn',
      ),
    ).toBe(false);
  });

  it('what the person saved is kept — edited or emptied — and later progress does not write over it', async () => {
    const view = (await get(officer, url())).json();
    const i = view.narratives.findIndex(
      (n: { prefilled: boolean; done: string | null }) => n.prefilled && n.done?.includes('Đã lắp 4/10'),
    );
    const edited = structuredClone(view.narratives).map((n: Record<string, unknown>) => ({
      planTaskId: n.planTaskId,
      taskTitle: n.taskTitle,
      done: n.done,
      difficulties: n.difficulties,
      proposals: n.proposals,
    }));
    edited[i].done = 'Đã lắp 4 điểm wifi; 6 điểm còn lại chờ nhà mạng.';
    const others = view.narratives
      .map((n: { prefilled: boolean }, j: number) => (j !== i && n.prefilled ? j : -1))
      .filter((j: number) => j >= 0);
    for (const j of others) edited[j].done = null; // emptied on purpose
    const saved = await t.request(officer, {
      method: 'PUT',
      url: url(),
      payload: { values: [], narratives: edited, generalNote: null },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await t.request(officer, {
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/actions/progress`,
      payload: { percent: 70, note: 'Đã lắp 7/10 điểm' },
    });
    const again = (await get(officer, url())).json();
    expect(again.narratives[i]).toMatchObject({
      done: 'Đã lắp 4 điểm wifi; 6 điểm còn lại chờ nhà mạng.',
      prefilled: false,
    });
    for (const j of others) expect(again.narratives[j]).toMatchObject({ done: null, prefilled: false });
    expect(JSON.stringify(again.narratives)).not.toContain('7/10');
  });
});
