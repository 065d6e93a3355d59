import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/test-app.ts';
import { addDays, vietnamToday } from '../calendar/dates.ts';
import { forecast } from './dashboards.rules.ts';
import { quarterOf } from '../values/values.rules.ts';

let t: TestApp;
let admin: Session, plan: Session, province: Session, otherProvince: Session;
let communeId: string, provinceId: string;
const get = (s: Session, url: string) => t.request(s, { method: 'GET', url });
/** A target's whole history, as the page asks for it when a person opens the target. */
const history = async (s: Session, commune: string, targetId: string) => {
  const res = await get(s, `/api/v1/dashboards/communes/${commune}/targets/${targetId}/values`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await buildTestApp();
  [admin, plan, province, otherProvince] = await Promise.all(
    ['admin', 'phuthinh.vanhoa', 'thainguyen.sokhcn', 'haiphong.sokhcn'].map((u) => t.signIn(u)),
  );
  communeId = (await get(admin, '/api/v1/org/by-code/05800')).json().id;
  provinceId = (await get(admin, '/api/v1/org/by-code/19')).json().id;
});
afterAll(() => t.close());

/** The plan officer reports one unit's values for a period; another reviewer approves them (REPORT_SEPARATION_OF_DUTIES). */
async function reportAndApprove(code: string, value: (i: number) => number) {
  const cal = (await get(plan, `/api/v1/reporting/calendar?communeId=${communeId}&year=2026`)).json();
  const period = cal.periods.find((p: { level: string; code: string }) => p.level === 'unit' && p.code === code);
  const form = (await get(plan, `/api/v1/reporting/periods/${period.id}/units/${period.units[0].unitId}`)).json();
  const values = form.values.map((v: { targetId: string; unit: string }, i: number) => ({
    targetId: v.targetId,
    value: v.unit === '%' ? value(i) : 1,
  }));
  await t.request(plan, {
    method: 'PUT',
    url: `/api/v1/reporting/periods/${period.id}/units/${period.units[0].unitId}`,
    payload: { values, narratives: [], generalNote: null },
  });
  const sub = (
    await t.request(plan, {
      method: 'POST',
      url: `/api/v1/reporting/periods/${period.id}/units/${period.units[0].unitId}/submit`,
    })
  ).json();
  return {
    form,
    approve: () =>
      t.request(admin, { method: 'POST', url: `/api/v1/reporting/submissions/${sub.id}/approve`, payload: {} }),
  };
}

describe('live attainment', () => {
  it('an approved value shows at once in the commune dashboard, the province table and the national view', async () => {
    const before = (await get(plan, `/api/v1/dashboards/communes/${communeId}`)).json();
    expect(before.targets.length).toBeGreaterThan(3);
    // Before any report: only values the platform computes itself (from the demo's tasks), if any.
    expect(
      before.targets.filter((x: { latest: { source: string } | null }) => x.latest && x.latest.source !== 'computed'),
    ).toEqual([]);
    expect(before.counts.no_data).toBe(before.targets.filter((x: { latest: unknown }) => !x.latest).length);

    const q1 = await reportAndApprove('2026-Q1', (i) => 30 + i);
    const linked = q1.form.values.find((v: { unit: string }) => v.unit === '%');
    // Submitted but not approved: it does not count yet.
    const pending = (await get(plan, `/api/v1/dashboards/communes/${communeId}`)).json();
    expect(pending.targets.find((x: { targetId: string }) => x.targetId === linked.targetId).latest).toBeNull();
    expect(pending.reportsWaiting).toBe(1);
    expect((await q1.approve()).statusCode).toBe(200);

    const after = (await get(plan, `/api/v1/dashboards/communes/${communeId}`)).json();
    const row = after.targets.find((x: { targetId: string }) => x.targetId === linked.targetId);
    expect(row.latest).toMatchObject({ periodCode: '2026-Q1', source: 'report' });
    expect(row.recent).toEqual([{ periodCode: '2026-Q1', date: '2026-03-31', value: row.latest.value }]);
    expect(row.periods).toBe(1);
    const h1 = await history(plan, communeId, linked.targetId);
    expect(h1.trend).toHaveLength(1);
    expect(h1.values.filter((v: { source: string }) => v.source === 'report')).toEqual([
      expect.objectContaining({ periodCode: '2026-Q1', value: row.latest.value }),
    ]);
    expect(h1.values.find((v: { source: string }) => v.source === 'report').sourceRef).toMatch(/^[0-9a-f-]{36}$/); // the approved report behind the value
    expect(row.status).not.toBe('no_data');
    expect(after.reportsWaiting).toBe(0);

    // A second period gives a trend of two points and a forecast to the deadline year, explained.
    const q2 = await reportAndApprove('2026-Q2', (i) => 45 + i);
    await q2.approve();
    const withForecast = (await get(plan, `/api/v1/dashboards/communes/${communeId}`))
      .json()
      .targets.find((x: { targetId: string }) => x.targetId === linked.targetId);
    const h2 = await history(plan, communeId, linked.targetId);
    expect(h2.trend.map((p: { periodCode: string }) => p.periodCode)).toEqual(['2026-Q1', '2026-Q2']);
    // The dashboard's short series and its forecast (a line fit summed in SQL) agree with the full history.
    expect(withForecast.recent).toEqual(h2.trend);
    expect(withForecast.forecast).toEqual(
      forecast(h2.trend, { value: withForecast.targetValue, unit: withForecast.unit, year: withForecast.deadlineYear }),
    );
    if (withForecast.deadlineYear) {
      expect(withForecast.forecast.sentence).toMatch(/^Với tốc độ hiện nay, cuối năm \d{4} đạt/);
      expect(withForecast.forecast.method).toMatch(/bình phương tối thiểu/);
    }

    // The province table and the national view, for the catalogue indicator the target is linked to.
    const withIndicator = (await get(plan, `/api/v1/dashboards/communes/${communeId}`))
      .json()
      .targets.find((x: { indicatorId: string | null; latest: unknown }) => x.indicatorId && x.latest);
    expect(withIndicator).toBeTruthy();
    const tile = (
      await get(province, `/api/v1/dashboards/provinces/${provinceId}?indicatorId=${withIndicator.indicatorId}`)
    ).json();
    expect(tile.communes[0]).toMatchObject({ rank: 1, communeCode: '05800', value: withIndicator.latest.value });
    expect(tile.summary.communesReporting).toBe(1);
    const national = (await get(admin, `/api/v1/dashboards/national?indicatorId=${withIndicator.indicatorId}`)).json();
    expect(national.provinces).toEqual([
      expect.objectContaining({ provinceName: 'Tỉnh Thái Nguyên', communesReporting: 1 }),
    ]);
  });

  it('keeps each view to its people', async () => {
    expect((await get(otherProvince, `/api/v1/dashboards/communes/${communeId}`)).statusCode).toBe(404);
    // A target's history: signed in, a valid id, a target of that commune, in the reader's scope.
    const targetId = (await get(plan, `/api/v1/dashboards/communes/${communeId}`)).json().targets[0].targetId;
    const at = (commune: string, target: string) => `/api/v1/dashboards/communes/${commune}/targets/${target}/values`;
    expect((await t.request(null, { method: 'GET', url: at(communeId, targetId) })).statusCode).toBe(401);
    expect((await get(plan, at(communeId, 'not-a-uuid'))).statusCode).toBe(400);
    expect((await get(otherProvince, at(communeId, targetId))).statusCode).toBe(404);
    const vinhBao = (await get(admin, '/api/v1/org/by-code/11824')).json().id;
    const wrong = await get(admin, at(vinhBao, targetId)); // a target of another commune
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('PLAN_TARGET_NOT_FOUND');
    expect((await get(province, at(communeId, targetId))).statusCode).toBe(200);
    const indicator = (await get(admin, '/api/v1/catalogue/indicators')).json().items[0].id;
    expect(
      (await get(otherProvince, `/api/v1/dashboards/provinces/${provinceId}?indicatorId=${indicator}`)).statusCode,
    ).toBe(404);
    expect((await get(province, `/api/v1/dashboards/national?indicatorId=${indicator}`)).statusCode).toBe(403);
    expect((await get(province, `/api/v1/dashboards/provinces/${provinceId}?indicatorId=not-a-uuid`)).statusCode).toBe(
      400,
    );
  });
});

/** Rows of the first worksheet of an .xlsx answer, as arrays of cell values. */
async function sheetRows(body: Buffer, sheet = 1) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const ws = wb.worksheets[sheet - 1];
  const out: unknown[][] = [];
  ws.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
  return out;
}

describe('values computed from the platform’s own records', () => {
  let leader: Session, vanhoa: Session, kinhte: Session, haiphong: Session;
  let vinhBao = '',
    haiphongId = '',
    planId = '',
    unitKT = '';
  const codes: Record<string, string> = {};
  const linked: Record<string, string> = {};
  const today = vietnamToday();
  const quarter = quarterOf(today).code;
  const row = async (code: string) =>
    (await get(vanhoa, `/api/v1/dashboards/communes/${vinhBao}`))
      .json()
      .targets.find((x: { targetId: string }) => x.targetId === linked[code]);

  beforeAll(async () => {
    [leader, vanhoa, kinhte, haiphong] = await Promise.all(
      ['vinhbao.chutich', 'vinhbao.vanhoa', 'vinhbao.kinhte', 'haiphong.sokhcn'].map((u) => t.signIn(u)),
    );
    vinhBao = (await get(admin, '/api/v1/org/by-code/11824')).json().id;
    haiphongId = (await get(admin, '/api/v1/org/by-code/31')).json().id;
    unitKT = (await get(admin, '/api/v1/org/by-code/11824-KT')).json().id;
    for (const i of (await get(admin, '/api/v1/catalogue/indicators')).json().items) codes[i.code] = i.id;
    expect(Object.keys(codes)).toEqual(expect.arrayContaining(['CQS-08', 'CQS-09', 'CQS-16', 'CQS-17', 'CQS-18']));
    const plan = (await get(vanhoa, `/api/v1/plans?communeId=${vinhBao}`)).json().items[0];
    planId = plan.id;
    const targets = await t.database.db
      .selectFrom('planTargets')
      .select(['id', 'indicatorId', 'unit'])
      .where('planId', '=', planId)
      .where('kind', '=', 'target')
      .orderBy('sortOrder')
      .execute();
    // The demo plan names CQS-08 and CQS-09; link three more of its % targets to the task and on-time indicators.
    linked['CQS-08'] = targets.find((x) => x.indicatorId === codes['CQS-08'])!.id;
    linked['CQS-09'] = targets.find((x) => x.indicatorId === codes['CQS-09'])!.id;
    const free = targets.filter((x) => x.indicatorId === null && x.unit === '%');
    for (const [i, code] of ['CQS-16', 'CQS-17', 'CQS-18'].entries()) {
      linked[code] = free[i].id;
      await t.database.db
        .updateTable('planTargets')
        .set({
          indicatorId: codes[code],
          comparator: code === 'CQS-17' ? '<=' : '>=',
          value: code === 'CQS-17' ? 5 : 90,
        })
        .where('id', '=', free[i].id)
        .execute();
    }
  });

  const task = (over: Record<string, unknown>) => ({
    communeId: vinhBao,
    source: 'meeting',
    sourceRef: 'Thông báo kết luận số 7/TB-UBND',
    title: 'Cập nhật dữ liệu hộ kinh doanh',
    leadUnitId: unitKT,
    assigneeId: kinhte.userId,
    partnerUnitIds: [],
    approverId: leader.userId,
    approvingAuthority: 'Chủ tịch UBND xã',
    expectedProduct: 'Danh sách hộ kinh doanh',
    startDate: addDays(today, -20),
    dueDate: addDays(today, 10),
    ...over,
  });

  /** The tasks module's own figures for the commune — what the computed values must equal. */
  const stats = async () => (await get(leader, `/api/v1/tasks/stats?communeId=${vinhBao}`)).json().commune;
  const pct = (x: { numerator: number; denominator: number }) =>
    Math.round((10_000 * x.numerator) / x.denominator) / 100;

  it('a task verified shows at once as computed values in the commune, province and national views, with provenance and the records behind', async () => {
    const onTime = await t.request(leader, { method: 'POST', url: '/api/v1/tasks', payload: task({}) });
    expect(onTime.statusCode, onTime.body).toBe(201);
    const s0 = await stats();
    const late = await t.request(leader, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: task({ title: 'Rà soát trang thông tin điện tử', dueDate: addDays(today, -1) }),
    });
    expect(late.statusCode, late.body).toBe(201);
    // One more task, past its due date: the overdue share moves right after the write.
    const s1 = await stats();
    expect(s1.overdue).toMatchObject({ numerator: s0.overdue.numerator + 1, denominator: s0.overdue.denominator + 1 });
    expect((await row('CQS-17')).latest).toMatchObject({
      value: pct(s1.overdue),
      source: 'computed',
      periodCode: quarter,
    });

    const id = onTime.json().id;
    expect(
      (
        await t.request(kinhte, {
          method: 'POST',
          url: `/api/v1/tasks/${id}/actions/submit`,
          payload: { note: 'Đã cập nhật' },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await t.request(leader, { method: 'POST', url: `/api/v1/tasks/${id}/actions/verify`, payload: { note: 'Đạt' } }))
        .statusCode,
    ).toBe(200);

    const s2 = await stats();
    expect(s2.doneOnTime).toMatchObject({
      numerator: s1.doneOnTime.numerator + 1,
      denominator: s1.doneOnTime.denominator + 1,
    });
    const done = await row('CQS-16');
    expect(done.latest).toMatchObject({ value: pct(s2.doneOnTime), source: 'computed', periodCode: quarter });
    const v = (await history(vanhoa, vinhBao, linked['CQS-16'])).values.find(
      (x: { source: string }) => x.source === 'computed',
    );
    expect(v).toMatchObject({
      numerator: s2.doneOnTime.numerator,
      denominator: s2.doneOnTime.denominator,
      producer: 'Tính từ dữ liệu nhiệm vụ của Xã Số',
      producedByName: null,
      sourceLink: `/api/v1/tasks?communeId=${vinhBao}&timing=done`,
    });
    expect(v.sourceRef).toMatch(
      new RegExp(
        `^CQS-16: Nhiệm vụ được xác nhận hoàn thành đúng hạn ÷ .* = ${s2.doneOnTime.numerator}/${s2.doneOnTime.denominator}`,
      ),
    );
    // The link leads to the records: the task list filter includes the verified task.
    const records = (await get(leader, v.sourceLink)).json();
    expect(records.items.map((x: { id: string }) => x.id)).toContain(id);
    // Tracked electronically: the plan's tasks given out as tasks ÷ the plan's tasks.
    expect((await row('CQS-09')).latest).toMatchObject({ value: pct(s2.tracked), source: 'computed' });

    const tile = (
      await get(haiphong, `/api/v1/dashboards/provinces/${haiphongId}?indicatorId=${codes['CQS-16']}`)
    ).json();
    expect(tile.communes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ communeCode: '11824', value: pct(s2.doneOnTime), periodCode: quarter }),
      ]),
    );
    const national = (await get(admin, `/api/v1/dashboards/national?indicatorId=${codes['CQS-17']}`)).json();
    expect(national.provinces).toEqual(
      expect.arrayContaining([expect.objectContaining({ provinceName: 'Thành phố Hải Phòng' })]),
    );
    const hp = national.provinces.find((p: { provinceName: string }) => p.provinceName === 'Thành phố Hải Phòng');
    expect(hp.communesReporting).toBeGreaterThanOrEqual(1);
  });

  it('a unit report submitted shows at once as the share of reports through the system and on time', async () => {
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
    const cal = (
      await t.request(vanhoa, {
        method: 'POST',
        url: `/api/v1/reporting/plans/${planId}/calendar`,
        payload: { year: 2026 },
      })
    ).json();
    const period = cal.periods.find(
      (p: { level: string; dueOn: string; planId: string; units: { unitId: string }[] }) =>
        p.level === 'unit' && p.planId === planId && p.dueOn <= today && p.units.some((u) => u.unitId === unitKT),
    );
    expect(period).toBeTruthy();
    const at = `/api/v1/reporting/periods/${period.id}/units/${unitKT}`;
    const form = (await get(kinhte, at)).json();
    await t.request(kinhte, {
      method: 'PUT',
      url: at,
      payload: {
        values: form.values.map((x: { targetId: string; unit: string }) => ({
          targetId: x.targetId,
          value: x.unit === '%' ? 50 : 1,
        })),
        narratives: [],
        generalNote: null,
      },
    });
    const before = (await row('CQS-08')).latest;
    const submit = await t.request(kinhte, { method: 'POST', url: `${at}/submit` });
    expect(submit.statusCode, submit.body).toBe(200);

    const through = await row('CQS-08');
    expect(through.latest).toMatchObject({ source: 'computed', periodCode: quarter });
    const v = (await history(vanhoa, vinhBao, linked['CQS-08'])).values.find(
      (x: { source: string }) => x.source === 'computed',
    );
    expect(v.numerator).toBe((before?.value ?? 0) > 0 ? expect.any(Number) : 1);
    expect(v.denominator).toBeGreaterThan(0);
    expect(v.value).toBe(Math.round((10_000 * v.numerator) / v.denominator) / 100);
    expect(v).toMatchObject({
      producer: 'Tính từ hệ thống báo cáo của Xã Số',
      sourceLink: `/api/v1/reporting/completeness?communeId=${vinhBao}&year=${today.slice(0, 4)}`,
    });
    // Submitted after the deadline: it counts as sent through the system, not as on time.
    const onTime = (await history(vanhoa, vinhBao, linked['CQS-18'])).values.find(
      (x: { source: string }) => x.source === 'computed',
    );
    expect(onTime).toMatchObject({ numerator: v.numerator - 1, denominator: v.denominator });
    const tile = (
      await get(haiphong, `/api/v1/dashboards/provinces/${haiphongId}?indicatorId=${codes['CQS-08']}`)
    ).json();
    expect(tile.communes).toEqual(
      expect.arrayContaining([expect.objectContaining({ communeCode: '11824', value: v.value })]),
    );
  });

  it('exports the commune dashboard and the province table as .xlsx with the numbers', async () => {
    const res = await t.request(vanhoa, { method: 'GET', url: `/api/v1/dashboards/communes/${vinhBao}/export.xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''bang-dieu-khien-xa-vinh-bao-");
    const rows = await sheetRows(res.rawPayload);
    expect(String(rows[0][0])).toBe('Bảng điều khiển — Xã Vĩnh Bảo');
    const header = rows.find((r) => r[0] === 'STT')!;
    expect(header).toEqual([
      'STT',
      'Nhóm',
      'Chỉ tiêu',
      'Mục tiêu',
      'Năm phải đạt',
      'Giá trị mới nhất',
      'Kỳ',
      'Nguồn',
      'Mức đạt (%)',
      'Tình trạng',
      'Dự báo đến hạn',
    ]);
    const dash = (await get(vanhoa, `/api/v1/dashboards/communes/${vinhBao}`)).json();
    const target = dash.targets.find((x: { targetId: string }) => x.targetId === linked['CQS-17']);
    const line = rows.find((r) => r[2] === target.text)!;
    expect(line[5]).toBe(target.latest.value);
    expect(line.slice(7, 9)).toEqual(['Tính từ dữ liệu hệ thống', target.latest.attainment]);
    const values = await sheetRows(res.rawPayload, 2);
    expect(
      values.some(
        (r) => r[0] === target.text && r[2] === target.latest.value && r[6] === 'Tính từ dữ liệu nhiệm vụ của Xã Số',
      ),
    ).toBe(true);
    // Every value of every target, with its provenance — not only the dashboard's last periods.
    let all = 0;
    for (const x of dash.targets as { targetId: string; text: string }[]) {
      const h = await history(vanhoa, vinhBao, x.targetId);
      all += h.values.length;
      for (const v of h.values)
        expect(
          values.some(
            (r) =>
              r[0] === x.text &&
              r[2] === v.value &&
              r[3] === (v.numerator ?? undefined) &&
              r[9] === (v.sourceRef ?? undefined),
          ),
        ).toBe(true);
    }
    expect(all).toBeGreaterThan(0);
    expect(values.filter((r) => dash.targets.some((x: { text: string }) => x.text === r[0]))).toHaveLength(all);

    const p = await t.request(haiphong, {
      method: 'GET',
      url: `/api/v1/dashboards/provinces/${haiphongId}/export.xlsx?indicatorId=${codes['CQS-16']}`,
    });
    expect(p.statusCode).toBe(200);
    const tile = (
      await get(haiphong, `/api/v1/dashboards/provinces/${haiphongId}?indicatorId=${codes['CQS-16']}`)
    ).json();
    const mine = tile.communes.find((c: { communeCode: string }) => c.communeCode === '11824');
    const prow = (await sheetRows(p.rawPayload)).find((r) => r[1] === '11824')!;
    expect(prow).toEqual([
      mine.rank,
      '11824',
      'Xã Vĩnh Bảo',
      mine.value,
      `Quý ${['I', 'II', 'III', 'IV'][Number(quarter.slice(-1)) - 1]}/${quarter.slice(0, 4)}`,
      expect.any(Number),
      expect.any(String),
    ]);
    // The same access as the pages: another province's officer gets 404.
    expect(
      (await t.request(otherProvince, { method: 'GET', url: `/api/v1/dashboards/communes/${communeId}/export.xlsx` }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.request(otherProvince, {
          method: 'GET',
          url: `/api/v1/dashboards/provinces/${provinceId}/export.xlsx?indicatorId=${codes['CQS-16']}`,
        })
      ).statusCode,
    ).toBe(404);
  });
});
