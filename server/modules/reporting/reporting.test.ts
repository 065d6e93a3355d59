import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, latestAudit, type Session, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: Session, plan: Session, leader: Session, province: Session, otherPlan: Session, unitA: Session;
let communeId: string;
let q1: { id: string; units: { unitId: string; unitName: string }[] };
let communeQ1: { id: string };
const get = (s: Session, url: string) => t.request(s, { method: 'GET', url });

beforeAll(async () => {
  t = await buildTestApp();
  [admin, plan, leader, province, otherPlan] = await Promise.all(
    ['admin', 'phuthinh.vanhoa', 'phuthinh.chutich', 'thainguyen.sokhcn', 'vinhbao.vanhoa'].map((u) => t.signIn(u)),
  );
  communeId = (await get(admin, '/api/v1/org/by-code/05800')).json().id;
  const cal = (await get(plan, `/api/v1/reporting/calendar?communeId=${communeId}&year=2026`)).json();
  q1 = cal.periods.find((p: { level: string; code: string }) => p.level === 'unit' && p.code === '2026-Q1');
  communeQ1 = cal.periods.find((p: { level: string; code: string }) => p.level === 'commune' && p.code === '2026-Q1');
  // A unit officer of the first expected unit.
  const created = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/users',
    payload: {
      username: 'phuthinh.donvi',
      fullName: 'Hà Văn Đơn',
      orgUnitId: q1.units[0].unitId,
      grants: [{ role: 'unit_officer', orgUnitId: q1.units[0].unitId }],
    },
  });
  unitA = await t.signIn('phuthinh.donvi', created.json().temporaryPassword);
});
afterAll(() => t.close());

const fill = async (s: Session, unitId: string) => {
  const form = (await get(s, `/api/v1/reporting/periods/${q1.id}/units/${unitId}`)).json();
  return {
    form,
    body: {
      values: form.values.map((v: { targetId: string; unit: string }, i: number) => ({
        targetId: v.targetId,
        value: v.unit === '%' ? 40 + i : 2,
      })),
      narratives: form.narratives.slice(0, 2).map((n: { planTaskId: string; taskTitle: string }) => ({
        planTaskId: n.planTaskId,
        taskTitle: n.taskTitle,
        done: 'Đã triển khai trong quý.',
        difficulties: null,
        proposals: null,
      })),
      generalNote: null,
    },
  };
};

describe('the reporting calendar', () => {
  it('comes from the plan’s own rules, with NĐ 09 closing windows and the units expected', async () => {
    expect(q1).toMatchObject({
      label: 'Quý I năm 2026',
      closingStart: '2025-12-15',
      closingEnd: '2026-03-14',
      dueOn: '2026-03-17',
      legalBasis: expect.stringContaining('09/2019'),
    });
    expect(q1.units.length).toBeGreaterThan(1);
    expect(communeQ1).toMatchObject({ dueOn: '2026-03-19', recipient: 'Sở Khoa học và Công nghệ' });
    const again = await t.request(plan, {
      method: 'POST',
      url: `/api/v1/plans/${(await get(plan, '/api/v1/plans')).json().items[0].id}/calendar`.replace(
        '/plans/',
        '/reporting/plans/',
      ),
      payload: { year: 2026 },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().added).toBe(0); // idempotent
  });
});

describe('two units report for 2026-Q1; one on time, one late; one returned, one approved', () => {
  it('runs the whole cycle', async () => {
    const [a, b] = q1.units;
    // The standing office moves the deadline so unit A is on time …
    expect(
      (
        await t.request(plan, {
          method: 'PATCH',
          url: `/api/v1/reporting/periods/${q1.id}`,
          payload: { dueOn: '2099-12-31' },
        })
      ).statusCode,
    ).toBe(200);
    const { form, body } = await fill(unitA, a.unitId);
    expect(form.allowedActions).toEqual(['save', 'submit']);
    expect(form.values.length).toBeGreaterThan(0);
    const saved = await t.request(unitA, {
      method: 'PUT',
      url: `/api/v1/reporting/periods/${q1.id}/units/${a.unitId}`,
      payload: body,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().status).toBe('draft');
    const sentA = await t.request(unitA, {
      method: 'POST',
      url: `/api/v1/reporting/periods/${q1.id}/units/${a.unitId}/submit`,
    });
    expect(sentA.json()).toMatchObject({ status: 'submitted', isLate: false });
    // … and back; unit B (filled in by the standing office) is late.
    await t.request(plan, {
      method: 'PATCH',
      url: `/api/v1/reporting/periods/${q1.id}`,
      payload: { dueOn: '2026-03-17' },
    });
    const fb = await fill(plan, b.unitId);
    await t.request(plan, {
      method: 'PUT',
      url: `/api/v1/reporting/periods/${q1.id}/units/${b.unitId}`,
      payload: fb.body,
    });
    const sentB = await t.request(plan, {
      method: 'POST',
      url: `/api/v1/reporting/periods/${q1.id}/units/${b.unitId}/submit`,
    });
    expect(sentB.json()).toMatchObject({ status: 'submitted', isLate: true });
    // A unit officer cannot report for another unit.
    expect(
      (
        await t.request(unitA, {
          method: 'PUT',
          url: `/api/v1/reporting/periods/${q1.id}/units/${b.unitId}`,
          payload: fb.body,
        })
      ).statusCode,
    ).toBe(403);
    // The standing office returns B with a reason and approves A; approval locks A.
    const subA = sentA.json().id;
    const subB = sentB.json().id;
    expect(
      (await t.request(unitA, { method: 'POST', url: `/api/v1/reporting/submissions/${subA}/approve`, payload: {} }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.request(otherPlan, {
          method: 'POST',
          url: `/api/v1/reporting/submissions/${subA}/approve`,
          payload: {},
        })
      ).statusCode,
    ).toBe(404);
    // B was sent by the standing office itself: another reviewer returns it (REPORT_SEPARATION_OF_DUTIES).
    const returned = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/reporting/submissions/${subB}/return`,
      payload: { comment: 'Bổ sung số liệu chỉ tiêu hồ sơ trực tuyến.' },
    });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      reviewComment: 'Bổ sung số liệu chỉ tiêu hồ sơ trực tuyến.',
      allowedActions: ['save', 'submit'],
    });
    // Two reviewers approve A at the same moment: one decides it, the other is told it is decided.
    const both = await Promise.all(
      [1, 2].map(() =>
        t.request(plan, {
          method: 'POST',
          url: `/api/v1/reporting/submissions/${subA}/approve`,
          payload: { comment: 'Đạt' },
        }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const approved = both.find((r) => r.statusCode === 200)!;
    expect(both.find((r) => r.statusCode === 409)!.json().error.code).toBe('REPORT_NOT_SUBMITTED');
    expect(approved.json()).toMatchObject({ status: 'approved', allowedActions: [] });
    expect(approved.json().history.map((h: { kind: string }) => h.kind)).toEqual(['submitted', 'approved']);
    expect((await latestAudit(t.database))[0].action).toBe('report.approved');
    const after = await t.request(unitA, {
      method: 'PUT',
      url: `/api/v1/reporting/periods/${q1.id}/units/${a.unitId}`,
      payload: body,
    });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('REPORT_LOCKED');
    const twice = await t.request(plan, {
      method: 'POST',
      url: `/api/v1/reporting/submissions/${subA}/approve`,
      payload: {},
    });
    expect(twice.json().error.code).toBe('REPORT_NOT_SUBMITTED');

    // Completeness and timeliness as of the end of the quarter.
    const c = (
      await get(plan, `/api/v1/reporting/completeness?communeId=${communeId}&year=2026&asOf=2026-03-31`)
    ).json();
    expect(c.total).toMatchObject({ expected: q1.units.length, submitted: 1, onTime: 1, late: 0 });
    const units = c.rows.map((r: { name: string; submitted: number }) => [r.name, r.submitted]);
    expect(units).toContainEqual([a.unitName, 1]);
  });

  it('refuses bad values with field paths, saving nothing', async () => {
    const b = q1.units[1];
    const { form, body } = await fill(plan, b.unitId);
    const pct = form.values.findIndex((v: { unit: string }) => v.unit === '%');
    const bad = structuredClone(body);
    bad.values[pct] = { targetId: form.values[pct].targetId, value: 120 };
    const r1 = await t.request(plan, {
      method: 'PUT',
      url: `/api/v1/reporting/periods/${q1.id}/units/${b.unitId}`,
      payload: bad,
    });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.fields[0]).toEqual({
      path: `body.values.${pct}.value`,
      message: 'Tỷ lệ phần trăm phải trong khoảng 0–100',
    });
    bad.values[pct] = { targetId: form.values[pct].targetId, numerator: 70, denominator: 60 };
    expect(
      (
        await t.request(plan, {
          method: 'PUT',
          url: `/api/v1/reporting/periods/${q1.id}/units/${b.unitId}`,
          payload: bad,
        })
      ).json().error.fields[0].path,
    ).toBe(`body.values.${pct}.numerator`);
    bad.values[pct] = { targetId: form.values[pct].targetId, value: 'ba mươi' };
    expect(
      (
        await t.request(plan, {
          method: 'PUT',
          url: `/api/v1/reporting/periods/${q1.id}/units/${b.unitId}`,
          payload: bad,
        })
      ).statusCode,
    ).toBe(400);
    const still = (await get(plan, `/api/v1/reporting/periods/${q1.id}/units/${b.unitId}`)).json();
    expect(still.values[pct].value).toBe(body.values[pct].value); // the returned draft kept its values
    expect(
      (await get(plan, '/api/v1/reporting/periods/00000000-0000-4000-8000-000000000000/units/' + b.unitId)).statusCode,
    ).toBe(404);
  });

  it('shows in a later quarter the value approved this quarter, warns of a big jump, and refuses a target sent twice', async () => {
    const a = q1.units[0];
    const cal = (await get(plan, `/api/v1/reporting/calendar?communeId=${communeId}&year=2026`)).json();
    const q3 = cal.periods.find((p: { level: string; code: string }) => p.level === 'unit' && p.code === '2026-Q3');
    const form = (await get(unitA, `/api/v1/reporting/periods/${q3.id}/units/${a.unitId}`)).json();
    const approvedQ1 = (await fill(unitA, a.unitId)).body.values; // what unit A sent for Q1 and the office approved
    const pct = form.values.findIndex((v: { unit: string }) => v.unit === '%');
    expect(form.values.map((v: { previousValue: number | null }) => v.previousValue)).toEqual(
      approvedQ1.map((v: { value: number }) => v.value),
    );
    const values = form.values.map((v: { targetId: string }, i: number) => ({
      targetId: v.targetId,
      value: approvedQ1[i].value,
    }));
    values[pct].value = approvedQ1[pct].value + 35;
    const saved = await t.request(unitA, {
      method: 'PUT',
      url: `/api/v1/reporting/periods/${q3.id}/units/${a.unitId}`,
      payload: { values, narratives: [], generalNote: null },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().values[pct].warning).toContain('thay đổi nhiều so với kỳ trước');
    expect(saved.json().values.filter((v: { warning: string | null }) => v.warning)).toHaveLength(1);
    // The same target twice: refused at the second row, the saved draft untouched.
    const twice = await t.request(unitA, {
      method: 'PUT',
      url: `/api/v1/reporting/periods/${q3.id}/units/${a.unitId}`,
      payload: { values: [...values, { targetId: values[0].targetId, value: 1 }], narratives: [], generalNote: null },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields).toEqual([
      { path: `body.values.${values.length}.targetId`, message: 'Chỉ tiêu này đã có giá trị ở dòng khác' },
    ]);
    expect((await get(unitA, `/api/v1/reporting/periods/${q3.id}/units/${a.unitId}`)).json().values[0].value).toBe(
      values[0].value,
    );
  });

  it('sends only what was saved: a target left out of the draft stops the submit at its row', async () => {
    const a = q1.units[0];
    const cal = (await get(plan, `/api/v1/reporting/calendar?communeId=${communeId}&year=2026`)).json();
    const q4 = cal.periods.find((p: { level: string; code: string }) => p.level === 'unit' && p.code === '2026-Q4');
    const url = `/api/v1/reporting/periods/${q4.id}/units/${a.unitId}`;
    const form = (await get(unitA, url)).json();
    const last = form.values.length - 1;
    const values = form.values
      .map((v: { targetId: string; unit: string }) => ({ targetId: v.targetId, value: v.unit === '%' ? 50 : 4 }))
      .slice(0, last);
    expect(
      (await t.request(unitA, { method: 'PUT', url, payload: { values, narratives: [], generalNote: null } }))
        .statusCode,
    ).toBe(200);
    const refused = await t.request(unitA, { method: 'POST', url: `${url}/submit` });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'REPORT_VALUES_MISSING',
      fields: [{ path: `body.values.${last}.value`, message: 'Chưa có số liệu hoặc ghi chú lý do' }],
    });
    expect((await get(unitA, url)).json().status).toBe('draft');
    // With a reason instead of a number the report goes.
    const withReason = [
      ...values,
      { targetId: form.values[last].targetId, value: null, note: 'Chưa có số liệu của quý.' },
    ];
    const sent = await t.request(unitA, {
      method: 'POST',
      url: `${url}/submit`,
      payload: { values: withReason, narratives: [], generalNote: null },
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'submitted', allowedActions: [] });
    expect(sent.json().values[last]).toMatchObject({ value: null, note: 'Chưa có số liệu của quý.', prefilled: false });
    expect(sent.json().history.map((h: { kind: string; actorName: string }) => [h.kind, h.actorName])).toEqual([
      ['submitted', 'Hà Văn Đơn'],
    ]);
    // The answer's history is the stored one (the event was written with the time it shows).
    expect((await get(unitA, url)).json().history).toEqual(sent.json().history);
  });

  it('keeps each value exactly as saved: decimals, a fraction, no value with a reason, any characters in a note', async () => {
    const b = q1.units[1];
    const { form, body } = await fill(plan, b.unitId);
    const pct = form.values.findIndex((v: { unit: string }) => v.unit === '%');
    const other = form.values.findIndex((_: unknown, i: number) => i !== pct);
    const tricky = structuredClone(body);
    const note = 'Chưa có số liệu: "Sở" gửi {bảng}, a\\b; NULL, 1,5';
    tricky.values[pct] = { targetId: form.values[pct].targetId, numerator: 7, denominator: 9 };
    tricky.values[other] = { targetId: form.values[other].targetId, value: null, note };
    const saved = await t.request(plan, {
      method: 'PUT',
      url: `/api/v1/reporting/periods/${q1.id}/units/${b.unitId}`,
      payload: tricky,
    });
    expect(saved.statusCode).toBe(200);
    const read = (await get(plan, `/api/v1/reporting/periods/${q1.id}/units/${b.unitId}`)).json();
    expect(read.values[pct]).toMatchObject({ numerator: 7, denominator: 9, value: 77.78 });
    expect(read.values[other]).toMatchObject({ value: null, note });
    expect(read.values.filter((v: { value: number | null }) => v.value !== null)).toHaveLength(form.values.length - 1);
    // Put the draft back as the next tests expect it.
    expect(
      (
        await t.request(plan, {
          method: 'PUT',
          url: `/api/v1/reporting/periods/${q1.id}/units/${b.unitId}`,
          payload: body,
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('the commune report', () => {
  it('is compiled, numbered, signed by the leader, sent up, and received by the province', async () => {
    const view = (await get(plan, `/api/v1/reporting/periods/${communeQ1.id}/commune-report`)).json();
    expect(view.status).toBe('none');
    expect(view.document.signature).toMatchObject({ authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' });
    expect(view.document.issuer).toBe('ỦY BAN NHÂN DÂN XÃ PHÚ THỊNH');
    expect(
      view.document.groups
        .flatMap((g: { targets: unknown[] }) => g.targets)
        .some((x: { value: number | null }) => x.value !== null),
    ).toBe(true);
    expect(view.document.recipients.at(-1)).toMatch(/^Lưu: VT/);
    expect(
      (
        await t.request(leader, {
          method: 'POST',
          url: `/api/v1/reporting/periods/${communeQ1.id}/commune-report/sign`,
        })
      ).json().error.code,
    ).toBe('REPORT_NUMBER_REQUIRED');
    const bad = await t.request(plan, {
      method: 'PATCH',
      url: `/api/v1/reporting/periods/${communeQ1.id}/commune-report`,
      payload: { number: '5/BC' },
    });
    expect(bad.statusCode).toBe(400);
    await t.request(plan, {
      method: 'PATCH',
      url: `/api/v1/reporting/periods/${communeQ1.id}/commune-report`,
      payload: {
        number: '05/BC-UBND',
        difficulties: 'Hạ tầng mạng ở thôn xa còn yếu.',
        proposals: 'Đề nghị hỗ trợ thiết bị cho Tổ công nghệ số cộng đồng.',
      },
    });
    expect(
      (await t.request(plan, { method: 'POST', url: `/api/v1/reporting/periods/${communeQ1.id}/commune-report/sign` }))
        .statusCode,
    ).toBe(403);
    const signed = await t.request(leader, {
      method: 'POST',
      url: `/api/v1/reporting/periods/${communeQ1.id}/commune-report/sign`,
    });
    expect(signed.json()).toMatchObject({ status: 'signed', number: '05/BC-UBND', signedByName: 'Dương Văn Thịnh' });
    expect(signed.json().document.difficulties).toContain('Hạ tầng mạng ở thôn xa còn yếu.');
    const edit = await t.request(plan, {
      method: 'PATCH',
      url: `/api/v1/reporting/periods/${communeQ1.id}/commune-report`,
      payload: { number: '06/BC-UBND' },
    });
    expect(edit.json().error.code).toBe('REPORT_LOCKED');
    const sent = await t.request(plan, {
      method: 'POST',
      url: `/api/v1/reporting/periods/${communeQ1.id}/commune-report/send`,
    });
    expect(sent.json()).toMatchObject({ status: 'sent', isLate: true });
    const provinceId = (await get(admin, '/api/v1/org/by-code/19')).json().id;
    const list = (
      await get(province, `/api/v1/reporting/province-reports?provinceId=${provinceId}&period=2026-Q1`)
    ).json();
    expect(list.items.find((i: { communeCode: string }) => i.communeCode === '05800')).toMatchObject({
      status: 'sent',
      isLate: true,
    });
    expect(
      (await get(otherPlan, `/api/v1/reporting/province-reports?provinceId=${provinceId}&period=2026-Q1`)).statusCode,
    ).toBe(404);
    expect(
      (await get(province, `/api/v1/reporting/province-reports?provinceId=${provinceId}&period=2026-Q5`)).json().error
        .code,
    ).toBe('PERIOD_INVALID');
    const received = await t.request(province, {
      method: 'POST',
      url: `/api/v1/reporting/periods/${communeQ1.id}/commune-report/receive`,
    });
    expect(received.json()).toMatchObject({ status: 'received' });
    expect(received.json().history.map((h: { kind: string }) => h.kind)).toEqual(['signed', 'sent', 'received']);
  });
});

describe('saving and submitting in one step (2026-Q2)', () => {
  it('saves the values sent and submits them in one transaction; bad values keep nothing', async () => {
    const cal = (await get(plan, `/api/v1/reporting/calendar?communeId=${communeId}&year=2026`)).json();
    const q2 = cal.periods.find((p: { level: string; code: string }) => p.level === 'unit' && p.code === '2026-Q2');
    const unitId = q1.units[0].unitId;
    const url = `/api/v1/reporting/periods/${q2.id}/units/${unitId}`;
    const form = (await get(unitA, url)).json();
    expect(form.status).toBe('none');
    const body = {
      values: form.values.map((v: { targetId: string; unit: string }, i: number) => ({
        targetId: v.targetId,
        value: v.unit === '%' ? 50 + i : 3,
      })),
      narratives: [],
      generalNote: 'Nộp một lần từ điện thoại.',
    };
    // Half a body, a value out of range, and a bare {} with nothing saved: refused, nothing kept.
    const half = await t.request(unitA, { method: 'POST', url: `${url}/submit`, payload: { values: body.values } });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.fields[0].path).toBe('body.narratives');
    const pct = form.values.findIndex((v: { unit: string }) => v.unit === '%');
    const bad = structuredClone(body);
    bad.values[pct].value = 120;
    const refused = await t.request(unitA, { method: 'POST', url: `${url}/submit`, payload: bad });
    expect(refused.json().error).toMatchObject({
      code: 'REPORT_VALUES_INVALID',
      fields: [{ path: `body.values.${pct}.value` }],
    });
    expect((await t.request(unitA, { method: 'POST', url: `${url}/submit`, payload: {} })).json().error.code).toBe(
      'REPORT_NOT_SAVED',
    );
    expect((await get(unitA, url)).json().status).toBe('none');

    const sent = await t.request(unitA, { method: 'POST', url: `${url}/submit`, payload: body });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({
      status: 'submitted',
      generalNote: 'Nộp một lần từ điện thoại.',
      allowedActions: [],
    });
    const read = (await get(unitA, url)).json();
    expect(read.values.map((v: { value: number }) => v.value)).toEqual(
      body.values.map((v: { value: number }) => v.value),
    );
    expect(read.history.map((h: { kind: string }) => h.kind)).toEqual(['submitted']);
    expect((await latestAudit(t.database, 2)).map((a: { action: string }) => a.action)).toEqual([
      'report.submitted',
      'report.saved',
    ]);
    // Sent, it is locked: a second one-step submit is refused.
    expect((await t.request(unitA, { method: 'POST', url: `${url}/submit`, payload: body })).json().error.code).toBe(
      'REPORT_LOCKED',
    );
  });
});

describe('a short answer for systems that send reports: Prefer: return=minimal (RFC 7240)', () => {
  const minimal = { prefer: 'return=minimal' };
  const RECEIPT_KEYS = ['id', 'isLate', 'periodId', 'status', 'submittedAt', 'unitId', 'valueCount', 'warnings'];

  it('answers a receipt — state, values stored, their warnings — and stores the same as the page would', async () => {
    const cal = (await get(plan, `/api/v1/reporting/calendar?communeId=${communeId}&year=2026`)).json();
    const q3 = cal.periods.find((p: { level: string; code: string }) => p.level === 'unit' && p.code === '2026-Q3');
    const b = q1.units[1];
    const url = `/api/v1/reporting/periods/${q3.id}/units/${b.unitId}`;
    const form = (await get(plan, url)).json();
    expect(form.status).toBe('none');
    const pct = form.values.findIndex((v: { unit: string }) => v.unit === '%');
    const other = form.values.findIndex((_: unknown, i: number) => i !== pct);
    const values = form.values.map((v: { targetId: string; unit: string }) => ({
      targetId: v.targetId,
      value: v.unit === '%' ? 60 : 5,
      note: '   ',
    }));
    values[pct] = { targetId: form.values[pct].targetId, numerator: 7, denominator: 9 };
    values[other] = { targetId: form.values[other].targetId, value: null, note: '  Chưa có số liệu của quý.  ' };
    const body = { values, narratives: [], generalNote: null };

    const saved = await t.request(plan, { method: 'PUT', url, headers: minimal, payload: body });
    expect(saved.statusCode).toBe(200);
    expect(saved.headers['preference-applied']).toBe('return=minimal');
    expect(Object.keys(saved.json()).sort()).toEqual(RECEIPT_KEYS);
    expect(saved.json()).toMatchObject({
      periodId: q3.id,
      unitId: b.unitId,
      status: 'draft',
      isLate: null,
      submittedAt: null,
      valueCount: values.length,
      warnings: [],
    });
    // What the page reads back is what a whole answer would have shown.
    const read = (await get(plan, url)).json();
    expect(read.id).toBe(saved.json().id);
    expect(read.values[pct]).toMatchObject({ numerator: 7, denominator: 9, value: 77.78, note: null });
    expect(read.values[other]).toMatchObject({ value: null, note: 'Chưa có số liệu của quý.' });
    expect(read.values.filter((v: { note: string | null }) => v.note === null)).toHaveLength(values.length - 1); // a note of spaces is no note

    // A target left out still stops the submit at its row, with the header among other preferences.
    const short = { ...body, values: values.slice(1) };
    const refused = await t.request(plan, {
      method: 'POST',
      url: `${url}/submit`,
      headers: { prefer: 'respond-async, return=minimal' },
      payload: short,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'REPORT_VALUES_MISSING',
      fields: [{ path: 'body.values.0.value' }],
    });
    expect(refused.headers['preference-applied']).toBeUndefined(); // an error is not the short answer
    const sent = await t.request(plan, {
      method: 'POST',
      url: `${url}/submit`,
      headers: { prefer: 'respond-async, return=minimal' },
      payload: body,
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({
      id: saved.json().id,
      status: 'submitted',
      isLate: expect.any(Boolean),
      submittedAt: expect.any(String),
      valueCount: values.length,
    });
    const locked = (await get(plan, url)).json();
    expect(locked).toMatchObject({
      status: 'submitted',
      submittedAt: sent.json().submittedAt,
      allowedActions: [], // sent by this officer: another reviewer decides (REPORT_SEPARATION_OF_DUTIES)
    });
    expect((await get(admin, url)).json().allowedActions).toEqual(['return', 'approve']);
    expect(locked.history.map((h: { kind: string }) => h.kind)).toEqual(['submitted']);
  });

  it('lists the warnings the whole answer would show on its rows', async () => {
    const a = q1.units[0];
    const cal = (await get(plan, `/api/v1/reporting/calendar?communeId=${communeId}&year=2026`)).json();
    const q3 = cal.periods.find((p: { level: string; code: string }) => p.level === 'unit' && p.code === '2026-Q3');
    const url = `/api/v1/reporting/periods/${q3.id}/units/${a.unitId}`;
    const draft = (await get(unitA, url)).json(); // saved earlier with one value far from the approved Q1 one
    const values = draft.values.map((v: { targetId: string; value: number }) => ({
      targetId: v.targetId,
      value: v.value,
    }));
    const receipt = (
      await t.request(unitA, {
        method: 'PUT',
        url,
        headers: minimal,
        payload: { values, narratives: [], generalNote: null },
      })
    ).json();
    const flagged = draft.values.filter((v: { warning: string | null }) => v.warning);
    expect(flagged).toHaveLength(1);
    expect(receipt.warnings).toEqual([{ targetId: flagged[0].targetId, warning: flagged[0].warning }]);
    // Without the header the answer is the whole report.
    const whole = await t.request(unitA, {
      method: 'PUT',
      url,
      headers: { prefer: 'return=representation' },
      payload: { values, narratives: [], generalNote: null },
    });
    expect(whole.headers['preference-applied']).toBeUndefined();
    expect(whole.json().values).toHaveLength(values.length);
  });
});
