import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, latestAudit, type Session, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: Session, leader: Session, unitOfficer: Session, provinceOfficer: Session, communeAdmin: Session;
beforeAll(async () => {
  t = await buildTestApp();
  [admin, leader, unitOfficer, provinceOfficer, communeAdmin] = await Promise.all(
    ['admin', 'vinhbao.chutich', 'vinhbao.kinhte', 'haiphong.sokhcn', 'vinhbao.quantri'].map((u) => t.signIn(u)),
  );
});
afterAll(() => t.close());

const get = (s: Session | null, url: string) => t.request(s, { method: 'GET', url });
const codeId = async (code: string) => (await get(admin, `/api/v1/org/by-code/${code}`)).json().id as string;

describe('organisation tree', () => {
  it('holds 34 provinces in Vietnamese order for the system administrator', async () => {
    const root = (await get(admin, '/api/v1/org/root')).json();
    expect(root.kind).toBe('nation');
    expect(root.children).toHaveLength(34);
    const names = root.children.map((c: { name: string }) => c.name);
    expect(names.slice(0, 3)).toEqual(['An Giang', 'Bắc Ninh', 'Cà Mau']);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    // Đ is a letter after D: Đà Nẵng comes after every name in D (none) and after Cần Thơ.
    expect(names.indexOf('Đà Nẵng')).toBeGreaterThan(names.indexOf('Cần Thơ'));
  });

  it('lists a province’s communes with official codes, and a commune’s units', async () => {
    const thanhHoa = (await get(admin, `/api/v1/org/by-code/38`)).json();
    expect(thanhHoa.children.length).toBeGreaterThan(150);
    const tuongLinh = thanhHoa.children.find((c: { code: string }) => c.code === '16363');
    expect(tuongLinh).toMatchObject({ name: 'Tượng Lĩnh', fullName: 'Xã Tượng Lĩnh', kind: 'commune' });
    const detail = (await get(admin, `/api/v1/org/units/${tuongLinh.id}`)).json();
    expect(detail.ancestors.map((a: { name: string }) => a.name)).toEqual(['Việt Nam', 'Thanh Hoá']);
    const units = detail.children.map((c: { name: string }) => c.name);
    expect(units.slice(0, 5)).toEqual([
      'Văn phòng HĐND và UBND',
      'Phòng Kinh tế',
      'Phòng Văn hóa - Xã hội',
      'Trung tâm Phục vụ hành chính công',
      'Công an xã',
    ]);
    expect(units).toEqual(expect.arrayContaining(['Trạm Y tế', 'Tổ công nghệ số cộng đồng', 'Thôn 1']));
  });

  it('finds Tượng Lĩnh when typed without accents', async () => {
    const res = await get(admin, '/api/v1/org/search?q=tuong%20linh');
    expect(res.json().items[0]).toMatchObject({ name: 'Tượng Lĩnh', code: '16363', path: ['Thanh Hoá'] });
  });

  it('shows each person only their own part of the tree', async () => {
    const leaderRoot = (await get(leader, '/api/v1/org/root')).json();
    expect(leaderRoot.children.map((c: { name: string }) => c.name)).toEqual(['Hải Phòng']);
    const hp = (await get(leader, `/api/v1/org/units/${leaderRoot.children[0].id}`)).json();
    expect(hp.children.map((c: { name: string }) => c.name)).toEqual(['Vĩnh Bảo']);
    expect(leaderRoot.children[0].childCount).toBe(1); // not the 114 communes the leader cannot see
    expect((await get(leader, '/api/v1/org/search?q=tuong%20linh')).json().items).toEqual([]);
    const provinceRoot = (await get(provinceOfficer, '/api/v1/org/root')).json();
    expect(provinceRoot.children.map((c: { name: string }) => c.name)).toEqual(['Hải Phòng']);
    const hpForProvince = (await get(provinceOfficer, `/api/v1/org/units/${provinceRoot.children[0].id}`)).json();
    expect(hpForProvince.children.length).toBeGreaterThan(100);
  });

  it('answers 404 for a node outside the person’s scope, exactly as for a missing one', async () => {
    const tuongLinh = await codeId('16363');
    const outside = await get(leader, `/api/v1/org/units/${tuongLinh}`);
    const missing = await get(leader, '/api/v1/org/units/00000000-0000-4000-8000-000000000000');
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toEqual(missing.json());
    expect((await get(null, `/api/v1/org/units/${tuongLinh}`)).statusCode).toBe(401);
    expect((await get(leader, '/api/v1/org/units/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('managing units', () => {
  it('lets the commune administrator add, rename and close a unit, each audited', async () => {
    const vinhBao = await codeId('11824');
    expect((await get(communeAdmin, `/api/v1/org/units/${vinhBao}`)).json().allowedActions).toEqual(['add_unit']);
    const add = await t.request(communeAdmin, {
      method: 'POST',
      url: `/api/v1/org/units/${vinhBao}/units`,
      payload: { name: 'Thôn Đông Tạ', unitType: 'village', openedOn: '2025-07-01' },
    });
    expect(add.statusCode).toBe(201);
    const unit = add.json();
    expect(unit).toMatchObject({
      fullName: 'Thôn Đông Tạ xã Vĩnh Bảo',
      code: '11824-U001',
      allowedActions: ['rename', 'close'],
    });
    expect((await latestAudit(t.database))[0]).toMatchObject({ action: 'org.unit_added', recordId: unit.id });

    const dup = await t.request(communeAdmin, {
      method: 'POST',
      url: `/api/v1/org/units/${vinhBao}/units`,
      payload: { name: 'thôn đông tạ', unitType: 'village' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('ORG_UNIT_NAME_TAKEN');

    const rename = await t.request(communeAdmin, {
      method: 'PATCH',
      url: `/api/v1/org/units/${unit.id}`,
      payload: { name: 'Thôn Đông' },
    });
    expect(rename.json().name).toBe('Thôn Đông');
    expect((await latestAudit(t.database))[0].changes).toEqual({ name: ['Thôn Đông Tạ', 'Thôn Đông'] });

    const early = await t.request(communeAdmin, {
      method: 'POST',
      url: `/api/v1/org/units/${unit.id}/close`,
      payload: { closedOn: '2025-01-01' },
    });
    expect(early.json().error.code).toBe('ORG_CLOSE_BEFORE_OPEN');
    const close = await t.request(communeAdmin, {
      method: 'POST',
      url: `/api/v1/org/units/${unit.id}/close`,
      payload: { closedOn: '2026-06-30' },
    });
    expect(close.json()).toMatchObject({ closedOn: '2026-06-30', allowedActions: [] });
    const list = (await get(communeAdmin, `/api/v1/org/units/${vinhBao}`))
      .json()
      .children.map((c: { name: string }) => c.name);
    expect(list).not.toContain('Thôn Đông');
    const withClosed = (await get(communeAdmin, `/api/v1/org/units/${vinhBao}?includeClosed=true`))
      .json()
      .children.map((c: { name: string }) => c.name);
    expect(withClosed).toContain('Thôn Đông');
  });

  it('refuses people without the right, and bad input, changing nothing', async () => {
    const vinhBao = await codeId('11824');
    const before = (await get(admin, `/api/v1/org/units/${vinhBao}`)).json().children.length;
    const byOfficer = await t.request(unitOfficer, {
      method: 'POST',
      url: `/api/v1/org/units/${vinhBao}/units`,
      payload: { name: 'Thôn Mới', unitType: 'village' },
    });
    expect(byOfficer.statusCode).toBe(403);
    const tuongLinh = await codeId('16363');
    const otherCommune = await t.request(communeAdmin, {
      method: 'POST',
      url: `/api/v1/org/units/${tuongLinh}/units`,
      payload: { name: 'Thôn Mới', unitType: 'village' },
    });
    expect(otherCommune.statusCode).toBe(404);
    const badType = await t.request(communeAdmin, {
      method: 'POST',
      url: `/api/v1/org/units/${vinhBao}/units`,
      payload: { name: 'Thôn Mới', unitType: 'castle' },
    });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.fields[0].path).toBe('body.unitType');
    const badDate = await t.request(communeAdmin, {
      method: 'POST',
      url: `/api/v1/org/units/${vinhBao}/units`,
      payload: { name: 'Thôn Mới', unitType: 'village', openedOn: '2025-02-30' },
    });
    expect(badDate.statusCode).toBe(400);
    const renameCommune = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/org/units/${vinhBao}`,
      payload: { name: 'Xã Khác' },
    });
    expect(renameCommune.json().error.code).toBe('ORG_NOT_A_UNIT');
    expect((await get(admin, `/api/v1/org/units/${vinhBao}`)).json().children.length).toBe(before);
  });
});
