/**
 * Fixtures of the access matrix: three places — the demo commune Vĩnh Bảo ("in"), its
 * sibling Vĩnh Thuận in the same province ("sib"), and Tượng Lĩnh in another province
 * ("oth") — each with the records an endpoint needs, created by the system administrator.
 */
import type { Session, TestApp } from './test-app.ts';

export const ACTORS = {
  SA: 'admin',
  PA: 'haiphong.quantri',
  PO: 'haiphong.sokhcn',
  CA: 'vinhbao.quantri',
  CL: 'vinhbao.chutich',
  PL: 'vinhbao.vanhoa',
  UO: 'vinhbao.kinhte',
  OS: 'vinhbao.motcua',
  CZ: 'vinhbao.congdan',
} as const;
export type ActorKey = keyof typeof ACTORS;
export type PlaceKey = 'in' | 'sib' | 'oth';

export interface Place {
  communeId: string;
  provinceId: string;
  unitId: string;
  spareUnitId: string;
  planId: string;
  targetId: string;
  planTaskId: string;
  ruleId: string;
  userId: string;
  importId: string;
  periodId: string;
  submissionId: string;
  criteriaSetId: string;
}

const CODES: Record<PlaceKey, string> = { in: '11824', sib: '11842', oth: '16363' };
/**
 * Who sends each place's unit report: not an actor that reviews it in the matrix (whoever sends a
 * report does not review it — REPORT_SEPARATION_OF_DUTIES): Phòng Kinh tế's own officer in Vĩnh
 * Bảo, the plan officers of the other two communes.
 */
const SUBMITTERS: Record<PlaceKey, string> = { in: 'vinhbao.kinhte', sib: 'vinhthuan.vanhoa', oth: 'tuonglinh.vanhoa' };

export async function buildFixtures(t: TestApp, admin: Session): Promise<Record<PlaceKey, Place>> {
  const call = async (method: string, url: string, payload?: unknown) => {
    const res = await t.request(admin, {
      method: method as 'GET',
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    if (res.statusCode >= 300) throw new Error(`fixture ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const out = {} as Record<PlaceKey, Place>;
  for (const [key, code] of Object.entries(CODES) as [PlaceKey, string][]) {
    const commune = await call('GET', `/api/v1/org/by-code/${code}`);
    const unitId = (await call('GET', `/api/v1/org/by-code/${code}-KT`)).id;
    const spare = await call('POST', `/api/v1/org/units/${commune.id}/units`, {
      name: 'Thôn Ma Trận',
      unitType: 'village',
    });
    const planId = (await call('GET', `/api/v1/plans?communeId=${commune.id}`)).items[0].id;
    // A dated quarterly rule, so every place has reporting periods.
    const plan = await call('POST', `/api/v1/plans/${planId}/reporting`, {
      cycle: 'quarterly',
      reporter: 'Các phòng, ban',
      recipient: 'Phòng Văn hóa - Xã hội',
      deadlineText: 'trước ngày 18 tháng cuối quý',
      day: 18,
      month: null,
    });
    const ruleId = plan.reporting.at(-1).id;
    // A target reported by Phòng Kinh tế, so the unit's form has something to fill in.
    await t.database.db
      .updateTable('planTargets')
      .set({ reportingUnitId: unitId })
      .where('id', '=', plan.targets[0].id)
      .execute();
    const cal = await call('POST', `/api/v1/reporting/plans/${planId}/calendar`, { year: 2026 });
    const period = cal.periods.find(
      (p: { level: string; code: string; planId: string }) =>
        p.level === 'unit' && p.code === '2026-Q1' && p.planId === planId,
    );
    const submitter = await t.signIn(SUBMITTERS[key]);
    const send = async (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) => {
      const res = await t.request(submitter, { method, url, ...(payload === undefined ? {} : { payload }) });
      if (res.statusCode >= 300) throw new Error(`fixture ${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const form = await send('GET', `/api/v1/reporting/periods/${period.id}/units/${unitId}`);
    await send('PUT', `/api/v1/reporting/periods/${period.id}/units/${unitId}`, {
      values: form.values.map((v: { targetId: string; unit: string }) => ({
        targetId: v.targetId,
        value: v.unit === '%' ? 50 : 1,
      })),
      narratives: [],
      generalNote: null,
    });
    const submission = await send('POST', `/api/v1/reporting/periods/${period.id}/units/${unitId}/submit`);
    const user = await call('POST', '/api/v1/users', {
      username: `matran.${key}`,
      fullName: 'Người Ma Trận',
      orgUnitId: commune.id,
      grants: [{ role: 'citizen', orgUnitId: commune.id }],
    });
    const form2 = new FormData();
    form2.append(
      'file',
      new Blob([
        'KẾ HOẠCH\nChuyển đổi số năm 2027\nI. MỤC TIÊU\n- 100% hồ sơ trực tuyến.\nII. NHIỆM VỤ\n- Số hóa hồ sơ tại bộ phận một cửa.\n',
      ]),
      'ke-hoach.txt',
    );
    const draft = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/plans/imports?communeId=${commune.id}`,
      payload: form2 as never,
    });
    const criteria = await call('POST', '/api/v1/catalogue/criteria-sets', {
      provinceId: commune.provinceId,
      name: `Bộ tiêu chí ${key}`,
      criteria: [
        { groupName: 'A', code: '1', name: 'Tiêu chí', maxPoints: 10, scoring: { kind: 'ratio', threshold: 80 } },
      ],
    });
    out[key] = {
      communeId: commune.id,
      provinceId: commune.provinceId,
      unitId,
      spareUnitId: spare.id,
      planId,
      targetId: plan.targets[0].id,
      planTaskId: plan.tasks[0].id,
      ruleId,
      userId: user.user.id,
      importId: draft.json().id,
      periodId: period.id,
      submissionId: submission.id,
      criteriaSetId: criteria.id,
    };
  }
  return out;
}
