/**
 * THE access table: every endpoint of the API, who may use it where. The access test runs
 * each row for nine demo roles in three places (own commune "in", a sibling commune of the
 * same province "sib", another province "oth") and checks the answer: allowed actors get
 * past authorisation (not 401/403/404), everyone else is refused — with 404 whenever the
 * place is outside what they may see. A new endpoint without a row fails the suite.
 *
 * Roles: SA system admin, PA province admin, PO province officer (Hải Phòng); CA commune
 * admin, CL leader, PL plan officer, UO unit officer (Phòng Kinh tế), OS one-stop officer,
 * CZ citizen (Vĩnh Bảo).
 */
import type { Place } from './access-fixtures.ts';

export interface Req {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
}
export interface Row {
  /** Where the record the endpoint acts on lives; 'none' = no place in the request. */
  place: 'commune' | 'province' | 'none';
  /** Roles allowed, per place ("SA PA PO") — or one list for place 'none'. */
  allow: { in: string; sib: string; oth: string } | string;
  req: (f: Place, n: number) => Req;
}

const READ_IN = 'SA PA PO CA CL PL UO OS';
const reads = (inside = READ_IN) => ({ in: inside, sib: 'SA PA PO', oth: 'SA' });
const planManage = { in: 'SA CL PL', sib: 'SA', oth: 'SA' };
const orgManage = { in: 'SA PA CA', sib: 'SA PA', oth: 'SA' };
const usersManage = { in: 'SA PA CA', sib: 'SA PA', oth: 'SA' };
const review = { in: 'SA PL', sib: 'SA', oth: 'SA' };
const target = { text: 'hồ sơ trực tuyến', comparator: '>=', value: 50, unit: '%', year: 2027 };
const content = {
  header: { title: 'Kế hoạch chuyển đổi số' },
  targets: [target],
  tasks: [{ title: 'Số hóa hồ sơ' }],
  reporting: [],
};

export const MATRIX: Record<string, Row | { coveredBy: string }> = {
  'GET /api/health': {
    place: 'none',
    allow: 'SA PA PO CA CL PL UO OS CZ',
    req: () => ({ method: 'GET', url: '/api/health' }),
  },
  // Sign-in and the person's own session: tested with every failure in auth.test.ts / oidc.test.ts.
  'POST /api/v1/auth/sign-in': { coveredBy: 'server/modules/auth/auth.test.ts' },
  'GET /api/v1/auth/me': {
    place: 'none',
    allow: 'SA PA PO CA CL PL UO OS CZ',
    req: () => ({ method: 'GET', url: '/api/v1/auth/me' }),
  },
  'POST /api/v1/auth/sign-out': { coveredBy: 'server/modules/auth/auth.test.ts' },
  'POST /api/v1/auth/sign-out-everywhere': { coveredBy: 'server/modules/auth/auth.test.ts' },
  'POST /api/v1/auth/change-password': { coveredBy: 'server/modules/auth/auth.test.ts' },
  'POST /api/v1/auth/unlock-code': { coveredBy: 'server/modules/auth/unlock.test.ts' },
  'POST /api/v1/auth/unlock': { coveredBy: 'server/modules/auth/unlock.test.ts' },
  'GET /api/v1/auth/oidc/config': { coveredBy: 'server/modules/auth/oidc.test.ts' },
  'GET /api/v1/auth/oidc/start': { coveredBy: 'server/modules/auth/oidc.test.ts' },
  'GET /api/v1/auth/oidc/callback': { coveredBy: 'server/modules/auth/oidc.test.ts' },

  'GET /api/v1/org/root': {
    place: 'none',
    allow: 'SA PA PO CA CL PL UO OS CZ',
    req: () => ({ method: 'GET', url: '/api/v1/org/root' }),
  },
  'GET /api/v1/org/search': {
    place: 'none',
    allow: 'SA PA PO CA CL PL UO OS CZ',
    req: () => ({ method: 'GET', url: '/api/v1/org/search?q=vinh' }),
  },
  'GET /api/v1/org/units/{id}': {
    place: 'commune',
    allow: reads('SA PA PO CA CL PL UO OS CZ'),
    req: (f) => ({ method: 'GET', url: `/api/v1/org/units/${f.communeId}` }),
  },
  'GET /api/v1/org/by-code/{code}': {
    coveredBy: 'server/modules/org/org.test.ts (same service as GET /org/units/{id})',
  },
  'POST /api/v1/org/units/{id}/units': {
    place: 'commune',
    allow: orgManage,
    req: (f, n) => ({
      method: 'POST',
      url: `/api/v1/org/units/${f.communeId}/units`,
      payload: { name: `Thôn Thử ${n}`, unitType: 'village' },
    }),
  },
  'PATCH /api/v1/org/units/{id}': {
    place: 'commune',
    allow: orgManage,
    req: (f, n) => ({
      method: 'PATCH',
      url: `/api/v1/org/units/${f.spareUnitId}`,
      payload: { name: `Thôn Ma Trận ${n}` },
    }),
  },
  'POST /api/v1/org/units/{id}/close': {
    place: 'commune',
    allow: orgManage,
    req: (f) => ({
      method: 'POST',
      url: `/api/v1/org/units/${f.spareUnitId}/close`,
      payload: { closedOn: '2099-12-31' },
    }),
  },

  'GET /api/v1/users/': {
    place: 'none',
    allow: 'SA PA PO CA CL PL UO OS CZ',
    req: () => ({ method: 'GET', url: '/api/v1/users/' }),
  },
  'POST /api/v1/users/': {
    place: 'commune',
    allow: usersManage,
    req: (f, n) => ({
      method: 'POST',
      url: '/api/v1/users/',
      payload: {
        username: `thu.${n}`,
        fullName: 'Người Thử',
        orgUnitId: f.communeId,
        grants: [{ role: 'citizen', orgUnitId: f.communeId }],
      },
    }),
  },
  'GET /api/v1/users/{id}': {
    place: 'commune',
    allow: reads('SA PA PO CA CL PL'),
    req: (f) => ({ method: 'GET', url: `/api/v1/users/${f.userId}` }),
  },
  'PATCH /api/v1/users/{id}': {
    place: 'commune',
    allow: usersManage,
    req: (f) => ({ method: 'PATCH', url: `/api/v1/users/${f.userId}`, payload: { fullName: 'Người Ma Trận' } }),
  },
  'POST /api/v1/users/{id}/reset-password': {
    place: 'commune',
    allow: usersManage,
    req: (f) => ({ method: 'POST', url: `/api/v1/users/${f.userId}/reset-password` }),
  },
  'POST /api/v1/users/{id}/unlock': {
    place: 'commune',
    allow: usersManage,
    req: (f) => ({ method: 'POST', url: `/api/v1/users/${f.userId}/unlock` }),
  },
  'POST /api/v1/users/{id}/grants': {
    place: 'commune',
    allow: usersManage,
    req: (f) => ({
      method: 'POST',
      url: `/api/v1/users/${f.userId}/grants`,
      payload: { role: 'citizen', orgUnitId: f.communeId },
    }),
  },
  'DELETE /api/v1/users/{id}/grants/{grantId}': {
    coveredBy: 'server/modules/users/users.test.ts (a grant can be removed once; the matrix cannot repeat it)',
  },

  'GET /api/v1/audit/': { place: 'none', allow: 'SA PA CA CL', req: () => ({ method: 'GET', url: '/api/v1/audit/' }) },

  'GET /api/v1/catalogue/indicators': {
    place: 'none',
    allow: READ_IN,
    req: () => ({ method: 'GET', url: '/api/v1/catalogue/indicators' }),
  },
  'GET /api/v1/catalogue/indicators/{id}': {
    coveredBy: 'server/modules/indicators/indicators.test.ts (same rule as the list)',
  },
  'POST /api/v1/catalogue/indicators': {
    place: 'none',
    allow: 'SA PA PO',
    req: (_f, n) => ({
      method: 'POST',
      url: '/api/v1/catalogue/indicators',
      payload: { code: `TEST-${n}`, name: `Chỉ tiêu thử ${n}`, unit: '%' },
    }),
  },
  'PATCH /api/v1/catalogue/indicators/{id}': { coveredBy: 'server/modules/indicators/indicators.test.ts' },
  'POST /api/v1/catalogue/indicators/{id}/merge': { coveredBy: 'server/modules/indicators/indicators.test.ts' },
  'GET /api/v1/catalogue/criteria-sets': {
    place: 'none',
    allow: READ_IN,
    req: () => ({ method: 'GET', url: '/api/v1/catalogue/criteria-sets' }),
  },
  'GET /api/v1/catalogue/criteria-sets/{id}': {
    place: 'province',
    allow: { in: READ_IN, sib: READ_IN, oth: 'SA' },
    req: (f) => ({ method: 'GET', url: `/api/v1/catalogue/criteria-sets/${f.criteriaSetId}` }),
  },
  'POST /api/v1/catalogue/criteria-sets': {
    place: 'province',
    allow: { in: 'SA PA PO', sib: 'SA PA PO', oth: 'SA' },
    req: (f, n) => ({
      method: 'POST',
      url: '/api/v1/catalogue/criteria-sets',
      payload: {
        provinceId: f.provinceId,
        name: `Bộ ${n}`,
        criteria: [{ groupName: 'A', code: '1', name: 'x', maxPoints: 1, scoring: { kind: 'ratio', threshold: 80 } }],
      },
    }),
  },

  'POST /api/v1/plans/imports': {
    coveredBy: 'server/modules/plans/plans.test.ts and server/test/bad-files.test.ts (multipart uploads)',
  },
  'GET /api/v1/plans/imports': {
    place: 'none',
    allow: 'SA PA PO CA CL PL UO OS CZ',
    req: () => ({ method: 'GET', url: '/api/v1/plans/imports' }),
  },
  'GET /api/v1/plans/imports/{id}': {
    place: 'commune',
    allow: planManage,
    req: (f) => ({ method: 'GET', url: `/api/v1/plans/imports/${f.importId}` }),
  },
  'PUT /api/v1/plans/imports/{id}/review': {
    place: 'commune',
    allow: planManage,
    req: (f) => ({ method: 'PUT', url: `/api/v1/plans/imports/${f.importId}/review`, payload: content }),
  },
  'POST /api/v1/plans/imports/{id}/preview': {
    place: 'commune',
    allow: planManage,
    req: (f) => ({ method: 'POST', url: `/api/v1/plans/imports/${f.importId}/preview`, payload: content }),
  },
  'POST /api/v1/plans/imports/{id}/commit': {
    coveredBy: 'server/modules/plans/plans.test.ts (a draft is committed once)',
  },
  'POST /api/v1/plans/imports/{id}/discard': { coveredBy: 'server/modules/plans/plans.test.ts' },
  'POST /api/v1/plans/passage': {
    place: 'none',
    allow: 'SA PA PO CA CL PL UO OS CZ',
    req: () => ({
      method: 'POST',
      url: '/api/v1/plans/passage',
      payload: { text: '- 100% hồ sơ trực tuyến.', firstLine: 1, kind: 'target' },
    }),
  },
  'GET /api/v1/plans/': {
    place: 'none',
    allow: 'SA PA PO CA CL PL UO OS CZ',
    req: () => ({ method: 'GET', url: '/api/v1/plans/' }),
  },
  'GET /api/v1/plans/{id}': {
    place: 'commune',
    allow: reads(),
    req: (f) => ({ method: 'GET', url: `/api/v1/plans/${f.planId}` }),
  },
  'PATCH /api/v1/plans/{id}': {
    place: 'commune',
    allow: planManage,
    req: (f) => ({ method: 'PATCH', url: `/api/v1/plans/${f.planId}`, payload: { signerTitle: 'Chủ tịch' } }),
  },
  'GET /api/v1/plans/{id}/versions/{versionNo}': {
    place: 'commune',
    allow: reads(),
    req: (f) => ({ method: 'GET', url: `/api/v1/plans/${f.planId}/versions/1` }),
  },
  'POST /api/v1/plans/{id}/targets': {
    place: 'commune',
    allow: planManage,
    req: (f) => ({ method: 'POST', url: `/api/v1/plans/${f.planId}/targets`, payload: target }),
  },
  'PATCH /api/v1/plans/{id}/targets/{itemId}': {
    place: 'commune',
    allow: planManage,
    req: (f) => ({ method: 'PATCH', url: `/api/v1/plans/${f.planId}/targets/${f.targetId}`, payload: { year: 2030 } }),
  },
  'DELETE /api/v1/plans/{id}/targets/{itemId}': {
    coveredBy: 'server/modules/plans/plans.test.ts (an item is deleted once)',
  },
  'POST /api/v1/plans/{id}/tasks': {
    place: 'commune',
    allow: planManage,
    req: (f) => ({ method: 'POST', url: `/api/v1/plans/${f.planId}/tasks`, payload: { title: 'Nhiệm vụ thử' } }),
  },
  'PATCH /api/v1/plans/{id}/tasks/{itemId}': {
    place: 'commune',
    allow: planManage,
    req: (f) => ({
      method: 'PATCH',
      url: `/api/v1/plans/${f.planId}/tasks/${f.planTaskId}`,
      payload: { toYear: 2030 },
    }),
  },
  'DELETE /api/v1/plans/{id}/tasks/{itemId}': {
    coveredBy: 'server/modules/plans/plans.test.ts (an item is deleted once)',
  },
  'POST /api/v1/plans/{id}/reporting': {
    place: 'commune',
    allow: planManage,
    req: (f) => ({ method: 'POST', url: `/api/v1/plans/${f.planId}/reporting`, payload: { cycle: 'ad-hoc' } }),
  },
  'PATCH /api/v1/plans/{id}/reporting/{itemId}': {
    place: 'commune',
    allow: planManage,
    req: (f) => ({
      method: 'PATCH',
      url: `/api/v1/plans/${f.planId}/reporting/${f.ruleId}`,
      payload: { deadlineText: 'trước ngày 18 tháng cuối quý' },
    }),
  },
  'DELETE /api/v1/plans/{id}/reporting/{itemId}': {
    coveredBy: 'server/modules/plans/plans.test.ts (an item is deleted once)',
  },

  'POST /api/v1/reporting/plans/{id}/calendar': {
    place: 'commune',
    allow: review,
    req: (f) => ({ method: 'POST', url: `/api/v1/reporting/plans/${f.planId}/calendar`, payload: { year: 2026 } }),
  },
  'GET /api/v1/reporting/calendar': {
    place: 'commune',
    allow: reads(),
    req: (f) => ({ method: 'GET', url: `/api/v1/reporting/calendar?communeId=${f.communeId}&year=2026` }),
  },
  'PATCH /api/v1/reporting/periods/{id}': {
    place: 'commune',
    allow: review,
    req: (f) => ({
      method: 'PATCH',
      url: `/api/v1/reporting/periods/${f.periodId}`,
      payload: { deadlineText: 'trước ngày 18/3/2026' },
    }),
  },
  'GET /api/v1/reporting/periods/{id}/units/{unitId}': {
    place: 'commune',
    allow: reads(),
    req: (f) => ({ method: 'GET', url: `/api/v1/reporting/periods/${f.periodId}/units/${f.unitId}` }),
  },
  // Saving is refused once submitted (409) — authorised people still get past the checks.
  'PUT /api/v1/reporting/periods/{id}/units/{unitId}': {
    place: 'commune',
    allow: { in: 'SA PL UO', sib: 'SA', oth: 'SA' },
    req: (f) => ({
      method: 'PUT',
      url: `/api/v1/reporting/periods/${f.periodId}/units/${f.unitId}`,
      payload: { values: [], narratives: [], generalNote: null },
    }),
  },
  'POST /api/v1/reporting/periods/{id}/units/{unitId}/submit': {
    place: 'commune',
    allow: { in: 'SA PL UO', sib: 'SA', oth: 'SA' },
    req: (f) => ({ method: 'POST', url: `/api/v1/reporting/periods/${f.periodId}/units/${f.unitId}/submit` }),
  },
  'GET /api/v1/reporting/periods/{id}/units/{unitId}/attachments': {
    place: 'commune',
    allow: reads(),
    req: (f) => ({ method: 'GET', url: `/api/v1/reporting/periods/${f.periodId}/units/${f.unitId}/attachments` }),
  },
  'POST /api/v1/reporting/periods/{id}/units/{unitId}/attachments': {
    coveredBy:
      'server/modules/reporting/reporting.attachments.test.ts and server/test/bad-files.test.ts (multipart uploads)',
  },
  'GET /api/v1/reporting/periods/{id}/units/{unitId}/attachments/{attachmentId}': {
    coveredBy:
      'server/modules/reporting/reporting.attachments.test.ts (needs an attachment: 401, other commune 404, other unit 404, reviewer 200)',
  },
  'DELETE /api/v1/reporting/periods/{id}/units/{unitId}/attachments/{attachmentId}': {
    coveredBy:
      'server/modules/reporting/reporting.attachments.test.ts (a file is removed once; other commune 404, other unit 403)',
  },
  'POST /api/v1/reporting/submissions/{id}/return': {
    place: 'commune',
    allow: review,
    req: (f) => ({
      method: 'POST',
      url: `/api/v1/reporting/submissions/${f.submissionId}/return`,
      payload: { comment: 'Bổ sung số liệu.' },
    }),
  },
  'POST /api/v1/reporting/submissions/{id}/approve': {
    place: 'commune',
    allow: review,
    req: (f) => ({ method: 'POST', url: `/api/v1/reporting/submissions/${f.submissionId}/approve`, payload: {} }),
  },
  'GET /api/v1/reporting/periods/{id}/commune-report': {
    place: 'commune',
    allow: reads(),
    req: (f) => ({ method: 'GET', url: `/api/v1/reporting/periods/${f.periodId}/commune-report` }),
  },
  'PATCH /api/v1/reporting/periods/{id}/commune-report': {
    place: 'commune',
    allow: review,
    req: (f) => ({
      method: 'PATCH',
      url: `/api/v1/reporting/periods/${f.periodId}/commune-report`,
      payload: { proposals: 'Đề xuất' },
    }),
  },
  'POST /api/v1/reporting/periods/{id}/commune-report/sign': {
    place: 'commune',
    allow: { in: 'SA CL', sib: 'SA', oth: 'SA' },
    req: (f) => ({ method: 'POST', url: `/api/v1/reporting/periods/${f.periodId}/commune-report/sign` }),
  },
  'POST /api/v1/reporting/periods/{id}/commune-report/send': {
    coveredBy: 'server/modules/reporting/reporting.test.ts (only after signing; state-dependent)',
  },
  'POST /api/v1/reporting/periods/{id}/commune-report/receive': {
    coveredBy: 'server/modules/reporting/reporting.test.ts (only after sending; state-dependent)',
  },
  'GET /api/v1/reporting/periods/{id}/commune-report/document': {
    place: 'commune',
    allow: reads(),
    req: (f) => ({ method: 'GET', url: `/api/v1/reporting/periods/${f.periodId}/commune-report/document?format=xlsx` }),
  },
  'GET /api/v1/reporting/province-reports': {
    place: 'province',
    allow: { in: 'SA PA PO', sib: 'SA PA PO', oth: 'SA' },
    req: (f) => ({
      method: 'GET',
      url: `/api/v1/reporting/province-reports?provinceId=${f.provinceId}&period=2026-Q1`,
    }),
  },
  'GET /api/v1/reporting/completeness': {
    place: 'commune',
    allow: reads(),
    req: (f) => ({ method: 'GET', url: `/api/v1/reporting/completeness?communeId=${f.communeId}&year=2026` }),
  },

  'GET /api/v1/dashboards/communes/{id}': {
    place: 'commune',
    allow: reads(),
    req: (f) => ({ method: 'GET', url: `/api/v1/dashboards/communes/${f.communeId}` }),
  },
  'GET /api/v1/dashboards/communes/{id}/targets/{targetId}/values': {
    place: 'commune',
    allow: reads(),
    req: (f) => ({ method: 'GET', url: `/api/v1/dashboards/communes/${f.communeId}/targets/${f.targetId}/values` }),
  },
  'GET /api/v1/dashboards/provinces/{id}': {
    coveredBy: 'server/modules/dashboards/dashboards.test.ts (needs an indicator with values)',
  },
  'GET /api/v1/dashboards/national': { coveredBy: 'server/modules/dashboards/dashboards.test.ts' },
  'GET /api/v1/dashboards/communes/{id}/export.xlsx': {
    place: 'commune',
    allow: reads(),
    req: (f) => ({ method: 'GET', url: `/api/v1/dashboards/communes/${f.communeId}/export.xlsx` }),
  },
  'GET /api/v1/dashboards/provinces/{id}/export.xlsx': {
    coveredBy:
      'server/modules/dashboards/dashboards.test.ts (needs an indicator; same rule as GET /dashboards/provinces/{id})',
  },
  'GET /api/v1/dashboards/imports/template': {
    place: 'commune',
    allow: reads(),
    req: (f) => ({ method: 'GET', url: `/api/v1/dashboards/imports/template?communeId=${f.communeId}` }),
  },
  'GET /api/v1/dashboards/imports': {
    place: 'none',
    allow: 'SA PA PO CA CL PL UO OS CZ',
    req: () => ({ method: 'GET', url: '/api/v1/dashboards/imports' }),
  },
  'POST /api/v1/dashboards/imports': {
    coveredBy:
      'server/modules/values/imports.test.ts and server/test/bad-files.test.ts (multipart uploads: 401, unit officer 403, province officer for the province only)',
  },
  'GET /api/v1/dashboards/imports/{id}': {
    coveredBy:
      'server/modules/values/imports.test.ts (needs an upload: uploader and leader 200, unit officer and other province 404)',
  },
  'POST /api/v1/dashboards/imports/{id}/confirm': {
    coveredBy: 'server/modules/values/imports.test.ts (a preview is confirmed once; other province 404)',
  },
  'POST /api/v1/dashboards/imports/{id}/discard': { coveredBy: 'server/modules/values/imports.test.ts' },
};

/** Endpoints of other modules that carry their own role × place access test. */
export const MODULE_ACCESS_TESTS: { prefix: string; file: string }[] = [
  { prefix: '/api/v1/tasks', file: 'server/modules/tasks/tasks.access.test.ts' },
  { prefix: '/api/v1/notifications', file: 'server/modules/notifications/notifications.test.ts' },
];
