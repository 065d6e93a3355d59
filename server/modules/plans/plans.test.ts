import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { buildTestApp, latestAudit, type Session, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let plan: Session, unitOfficer: Session, tlPlan: Session, province: Session;
let vinhBao: string;
const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../demo/plans/vinhbao.txt'), 'utf8');

beforeAll(async () => {
  t = await buildTestApp();
  [plan, unitOfficer, tlPlan, province] = await Promise.all(
    ['vinhbao.vanhoa', 'vinhbao.kinhte', 'tuonglinh.vanhoa', 'haiphong.sokhcn'].map((u) => t.signIn(u)),
  );
  vinhBao = (await t.request(plan, { method: 'GET', url: '/api/v1/org/by-code/11824' })).json().id;
});
afterAll(() => t.close());

function upload(s: Session, query: string, name: string, content: Uint8Array | string, type = 'text/plain') {
  const form = new FormData();
  form.append('file', new Blob([content as BlobPart], { type }), name);
  return t.request(s, { method: 'POST', url: `/api/v1/plans/imports?${query}`, payload: form as never });
}

const contentOf = (view: {
  extraction: { header: object; targets: object[]; tasks: object[]; reporting: object[] };
}) => ({
  header: view.extraction.header,
  targets: view.extraction.targets,
  tasks: view.extraction.tasks,
  reporting: view.extraction.reporting,
});

describe('importing a plan', () => {
  let importId: string;
  let planId: string;

  it('reads an uploaded .txt into a draft with each item pointing at its source line', async () => {
    const res = await upload(plan, `communeId=${vinhBao}`, 'ke-hoach-2026.txt', seed);
    expect(res.statusCode).toBe(201);
    const view = res.json();
    importId = view.id;
    expect(view.status).toBe('draft');
    expect(view.extraction.targets.length).toBeGreaterThan(5);
    expect(view.extraction.tasks.length).toBeGreaterThan(5);
    for (const target of view.extraction.targets) {
      expect(view.lines[target.sourceLine - 1]).toContain(String(target.value).replace('.', ','));
    }
    // Catalogue suggestions line up with the targets, and some target finds its indicator.
    expect(view.suggestions).toHaveLength(view.extraction.targets.length);
    expect(view.suggestions.some((s: { indicatorName: string } | null) => s?.indicatorName)).toBe(true);
    expect((await latestAudit(t.database))[0].action).toBe('plan_import.started');
    const drafts = (await t.request(plan, { method: 'GET', url: '/api/v1/plans/imports' })).json().items;
    expect(drafts[0]).toMatchObject({ id: importId, fileName: 'ke-hoach-2026.txt', communeName: 'Xã Vĩnh Bảo' });
    expect(
      (await t.request(tlPlan, { method: 'GET', url: '/api/v1/plans/imports' }))
        .json()
        .items.map((d: { id: string }) => d.id),
    ).not.toContain(importId);
    const passage = await t.request(plan, {
      method: 'POST',
      url: '/api/v1/plans/passage',
      payload: {
        text: '- 100% hồ sơ, kết quả thủ tục hành chính được số hóa.',
        firstLine: 40,
        kind: 'target',
        year: 2027,
      },
    });
    expect(passage.json().targets[0]).toMatchObject({ value: 100, unit: '%', year: 2027, sourceLine: 40 });
    expect(passage.json().suggestions[0].indicatorName).toBe(
      'Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa',
    );
  });

  it('keeps the review as the officer works, then saves it as the commune’s plan', async () => {
    const draft = (await t.request(plan, { method: 'GET', url: `/api/v1/plans/imports/${importId}` })).json();
    const content = contentOf(draft);
    content.targets = content.targets.slice(1); // the officer deletes one item
    (content.header as { number: string }).number = '25/KH-UBND'; // and fills the number left blank
    const saved = await t.request(plan, {
      method: 'PUT',
      url: `/api/v1/plans/imports/${importId}/review`,
      payload: content,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().review.header.number).toBe('25/KH-UBND');
    const commit = await t.request(plan, {
      method: 'POST',
      url: `/api/v1/plans/imports/${importId}/commit`,
      payload: { ...content, note: 'Bản ban hành' },
    });
    expect(commit.statusCode).toBe(201);
    const p = commit.json();
    planId = p.id;
    expect(p).toMatchObject({
      number: '25/KH-UBND',
      communeName: 'Xã Vĩnh Bảo',
      currentVersion: 1,
      allowedActions: ['edit', 'reimport'],
    });
    expect(p.targets).toHaveLength(content.targets.length);
    expect(p.versions).toEqual([
      expect.objectContaining({ versionNo: 1, sourceFileName: 'ke-hoach-2026.txt', note: 'Bản ban hành' }),
    ]);
    const again = await t.request(plan, {
      method: 'POST',
      url: `/api/v1/plans/imports/${importId}/commit`,
      payload: { ...content, note: null },
    });
    expect(again.json().error.code).toBe('PLAN_IMPORT_CLOSED');
  });

  it('lets the plan officer edit by hand, each change audited and checked', async () => {
    const p = (await t.request(plan, { method: 'GET', url: `/api/v1/plans/${planId}` })).json();
    const target = p.targets[0];
    const edit = await t.request(plan, {
      method: 'PATCH',
      url: `/api/v1/plans/${planId}/targets/${target.id}`,
      payload: { value: 97, year: 2027 },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().targets[0]).toMatchObject({ value: 97, year: 2027 });
    expect((await latestAudit(t.database))[0]).toMatchObject({ action: 'plan.targets_updated', recordId: planId });
    const badRange = await t.request(plan, {
      method: 'PATCH',
      url: `/api/v1/plans/${planId}/targets/${target.id}`,
      payload: { comparator: 'range' },
    });
    expect(badRange.statusCode).toBe(400);
    expect(badRange.json().error.fields[0].path).toBe('body.valueMax');
    const over = await t.request(plan, {
      method: 'POST',
      url: `/api/v1/plans/${planId}/targets`,
      payload: { text: 'hồ sơ trực tuyến', comparator: '>=', value: 120, unit: '%' },
    });
    expect(over.statusCode).toBe(400);
    const added = await t.request(plan, {
      method: 'POST',
      url: `/api/v1/plans/${planId}/targets`,
      payload: {
        text: 'lớp Bình dân học vụ số',
        comparator: '>=',
        value: 2,
        unit: 'count',
        year: 2026,
        groupName: 'Xã hội số',
      },
    });
    expect(added.statusCode).toBe(201);
    const indicator = (
      await t.request(plan, { method: 'GET', url: '/api/v1/catalogue/indicators?q=ky%20nang%20so' })
    ).json().items[0];
    const link = await t.request(plan, {
      method: 'PATCH',
      url: `/api/v1/plans/${planId}/targets/${target.id}`,
      payload: { indicatorId: indicator.id, indicatorLink: 'confirmed' },
    });
    expect(link.json().targets[0]).toMatchObject({
      indicatorId: indicator.id,
      indicatorLink: 'confirmed',
      indicatorName: indicator.name,
    });
    const task = p.tasks[0];
    const del = await t.request(plan, { method: 'DELETE', url: `/api/v1/plans/${planId}/tasks/${task.id}` });
    expect(del.json().tasks.map((x: { id: string }) => x.id)).not.toContain(task.id);
  });

  it('re-imports a revised document as version 2, showing what changed first', async () => {
    const revised =
      seed.replace(/100%/, '98%') + '\n\n- Xây dựng cổng thông tin điện tử của thôn, Phòng Văn hóa - Xã hội chủ trì.\n';
    const res = await upload(plan, `communeId=${vinhBao}&planId=${planId}`, 'ke-hoach-sua-doi.txt', revised);
    expect(res.statusCode).toBe(201);
    const draft = res.json();
    expect(draft.planId).toBe(planId);
    const preview = await t.request(plan, {
      method: 'POST',
      url: `/api/v1/plans/imports/${draft.id}/preview`,
      payload: contentOf(draft),
    });
    const changes = preview.json().changes;
    expect(changes.targets.added.length + changes.targets.changed.length).toBeGreaterThan(0);
    const before = (await t.request(plan, { method: 'GET', url: `/api/v1/plans/${planId}` })).json();
    const commit = await t.request(plan, {
      method: 'POST',
      url: `/api/v1/plans/imports/${draft.id}/commit`,
      payload: { ...contentOf(draft), note: 'Sửa đổi' },
    });
    const after = commit.json();
    expect(after.currentVersion).toBe(2);
    expect(after.versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([2, 1]);
    expect(after.versions[0].summary).toMatch(/^chỉ tiêu: \+\d+ −\d+ ~\d+; nhiệm vụ/);
    // Items that stayed keep their ids across versions.
    const keptIds = after.tasks
      .map((x: { id: string }) => x.id)
      .filter((id: string) => before.tasks.some((b: { id: string }) => b.id === id));
    expect(keptIds.length).toBeGreaterThan(10);
    const v1 = (await t.request(plan, { method: 'GET', url: `/api/v1/plans/${planId}/versions/1` })).json();
    expect(v1.snapshot.header.number).toBe('25/KH-UBND');
    expect(v1.sourceText).toContain('KẾ HOẠCH');
  });
});

describe('uploads that are not plans', () => {
  const countImports = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('planImports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.each([
    ['an empty file', 'trong.txt', new Uint8Array(), 'PLAN_FILE_EMPTY'],
    ['a corrupt .docx', 'hong.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'PLAN_FILE_CORRUPT'],
    [
      'a text that is not a plan',
      'thu-moi.txt',
      'Kính mời các đồng chí dự họp lúc 8 giờ sáng thứ Hai.',
      'PLAN_NOT_A_PLAN',
    ],
    [
      'an image',
      'anh.png',
      new Uint8Array([
        0x89,
        0x50,
        0x4e,
        0x47,
        0x0d,
        0x0a,
        0x1a,
        0x0a,
        ...Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256),
      ]),
      'PLAN_FILE_UNSUPPORTED',
    ],
  ])('%s → a clear message, nothing saved', async (_name, file, content, code) => {
    const before = await countImports();
    const res = await upload(plan, `communeId=${vinhBao}`, file, content as never);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    expect(await countImports()).toBe(before);
  });

  it('keeps only a safe file name (no folders, no control characters: the platform rule, as for evidence)', async () => {
    const res = await upload(plan, `communeId=${vinhBao}`, '../../ke\u0000hoach.txt', seed);
    expect(res.statusCode).toBe(201);
    expect(res.json().fileName).toBe('ke_hoach.txt');
  });

  it('a request without a file, or as JSON, is refused', async () => {
    const noFile = await t.request(plan, {
      method: 'POST',
      url: `/api/v1/plans/imports?communeId=${vinhBao}`,
      payload: new FormData() as never,
    });
    expect(noFile.statusCode).toBe(400);
    const json = await t.request(plan, {
      method: 'POST',
      url: `/api/v1/plans/imports?communeId=${vinhBao}`,
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
  });

  it('reads a .docx with a table of targets, made with the docx library', async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: 'KẾ HOẠCH', bold: true })] }),
            new Paragraph('Chuyển đổi số xã Vĩnh Bảo năm 2027'),
            new Paragraph('I. MỤC TIÊU'),
            new Table({
              rows: [
                new TableRow({ children: [cell('STT'), cell('Chỉ tiêu'), cell('Năm 2027')] }),
                new TableRow({
                  children: [cell('1'), cell('Tỷ lệ hồ sơ thủ tục hành chính được số hóa'), cell('100%')],
                }),
                new TableRow({
                  children: [cell('2'), cell('Tỷ lệ người dân trưởng thành có kỹ năng số'), cell('80%')],
                }),
              ],
            }),
            new Paragraph('II. NHIỆM VỤ'),
            new Paragraph(
              '1. Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công.',
            ),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const res = await upload(
      plan,
      `communeId=${vinhBao}`,
      'ke-hoach.docx',
      bytes,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.statusCode).toBe(201);
    const values = res
      .json()
      .extraction.targets.map((x: { value: number }) => x.value)
      .sort();
    expect(values).toEqual([100, 80]);
  });
});

describe('who may do what with plans', () => {
  it('a unit officer reads the plan but cannot change it; another commune and the province', async () => {
    const list = (await t.request(unitOfficer, { method: 'GET', url: '/api/v1/plans' })).json().items;
    expect(list.map((p: { communeName: string }) => p.communeName)).toEqual(expect.arrayContaining(['Xã Vĩnh Bảo']));
    expect(list.every((p: { communeName: string }) => p.communeName === 'Xã Vĩnh Bảo')).toBe(true);
    const planId = list[0].id;
    const viewAsOfficer = (await t.request(unitOfficer, { method: 'GET', url: `/api/v1/plans/${planId}` })).json();
    expect(viewAsOfficer.allowedActions).toEqual([]);
    expect(
      (await t.request(unitOfficer, { method: 'PATCH', url: `/api/v1/plans/${planId}`, payload: { title: 'Đổi' } }))
        .statusCode,
    ).toBe(403);
    expect((await upload(unitOfficer, `communeId=${vinhBao}`, 'x.txt', seed)).statusCode).toBe(403);
    expect((await t.request(tlPlan, { method: 'GET', url: `/api/v1/plans/${planId}` })).statusCode).toBe(404);
    expect((await upload(tlPlan, `communeId=${vinhBao}`, 'x.txt', seed)).statusCode).toBe(404);
    const provinceList = (await t.request(province, { method: 'GET', url: '/api/v1/plans' }))
      .json()
      .items.map((p: { communeName: string }) => p.communeName);
    expect(provinceList).toEqual(expect.arrayContaining(['Xã Vĩnh Bảo', 'Xã Phú Thái', 'Xã Vĩnh Thuận']));
    expect(provinceList).not.toContain('Xã Tượng Lĩnh');
  });
});

describe('the demo plans', () => {
  it('were imported through the importer into each demo commune', async () => {
    const admin = await t.signIn('admin');
    const items = (await t.request(admin, { method: 'GET', url: '/api/v1/plans' })).json().items;
    const names = items.map((p: { communeName: string }) => p.communeName);
    expect(names).toEqual(
      expect.arrayContaining(['Xã Phú Thái', 'Xã Phú Thịnh', 'Xã Tượng Lĩnh', 'Xã Vĩnh Bảo', 'Xã Vĩnh Thuận']),
    );
    const tl = items.find((p: { communeName: string }) => p.communeName === 'Xã Tượng Lĩnh');
    const detail = (await t.request(admin, { method: 'GET', url: `/api/v1/plans/${tl.id}` })).json();
    expect(detail.targets.some((x: { kind: string }) => x.kind === 'baseline')).toBe(true);
    expect(detail.reporting.length).toBeGreaterThan(0);
    expect(detail.versions[0].note).toMatch(/Dữ liệu mẫu/);
  });
});
