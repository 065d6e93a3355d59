import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { readUpload } from '../../platform/files.ts';
import { commonErrors, IdParams, typed } from '../../platform/http.ts';
import { MAX_PLAN_FILE_BYTES, PLAN_FILE } from './import/plan-file-errors.ts';
import {
  CommitImportBody,
  DraftList,
  ImportView,
  ItemParams,
  ListPlansQuery,
  PassageBody,
  PassageResult,
  PlanContentInput,
  PlanHeaderInput,
  PlanList,
  PlanView,
  ReportingRuleInput,
  TargetFields,
  TargetInput,
  TaskFields,
  TaskInput,
  VersionParams,
  VersionView,
} from './plans.contract.ts';
import * as imports from './plans.import.service.ts';
import * as service from './plans.service.ts';

const ImportQuery = z.object({
  communeId: z.string().uuid().describe('Xã của kế hoạch'),
  planId: z.string().uuid().optional().describe('Khi nhập lại văn bản sửa đổi của một kế hoạch đã có'),
});

export async function planRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Kế hoạch'];
  const plan = { 200: PlanView, ...commonErrors };
  const draft = { 200: ImportView, ...commonErrors };

  r.post('/imports', {
    schema: {
      tags,
      summary: 'Tải lên văn bản kế hoạch (.txt, .docx, .pdf, tối đa 20 MB; multipart, trường "file") để đọc và rà soát',
      querystring: ImportQuery,
      response: { 201: ImportView, 413: commonErrors[400], 415: commonErrors[400], ...commonErrors },
    },
    handler: async (req, reply) => {
      await imports.requireManageCommune(req.ctx, req.query.communeId);
      const file = await readUpload(req, PLAN_FILE, MAX_PLAN_FILE_BYTES);
      const view = await imports.startImport(req.ctx, { ...req.query, ...file });
      return reply.status(201).send(view);
    },
  });
  r.get('/imports/:id', {
    schema: {
      tags,
      summary: 'Bản nhập đang rà soát: văn bản nguồn, kết quả đọc, gợi ý',
      params: IdParams,
      response: draft,
    },
    handler: (req) => imports.getImport(req.ctx, req.params.id),
  });
  r.put('/imports/:id/review', {
    schema: {
      tags,
      summary: 'Lưu tạm phần rà soát (không mất khi đóng trang)',
      params: IdParams,
      body: PlanContentInput,
      response: draft,
    },
    handler: (req) => imports.saveReview(req.ctx, req.params.id, req.body),
  });
  r.post('/imports/:id/preview', {
    schema: {
      tags,
      summary: 'Khi nhập lại: xem trước những gì sẽ thay đổi (thêm, bớt, sửa)',
      params: IdParams,
      body: PlanContentInput,
      response: { 200: z.object({ changes: z.any().nullable() }), ...commonErrors },
    },
    handler: async (req) => {
      const d = await imports.previewChanges(req.ctx, req.params.id, req.body);
      return { changes: d ? imports.stripPairs(d) : null };
    },
  });
  r.post('/imports/:id/commit', {
    schema: {
      tags,
      summary: 'Lưu thành kế hoạch (hoặc phiên bản mới của kế hoạch)',
      params: IdParams,
      body: CommitImportBody,
      response: { 201: PlanView, ...commonErrors },
    },
    handler: async (req, reply) => {
      const planId = await imports.commitImport(req.ctx, req.params.id, req.body);
      return reply.status(201).send(await service.getPlan(req.ctx, planId));
    },
  });
  r.post('/imports/:id/discard', {
    schema: { tags, summary: 'Hủy bản nhập', params: IdParams, response: draft },
    handler: (req) => imports.discardImport(req.ctx, req.params.id),
  });
  r.get('/imports', {
    schema: {
      tags,
      summary: 'Các bản nhập đang rà soát dở ở các xã người dùng quản lý kế hoạch',
      response: { 200: DraftList, ...commonErrors },
    },
    handler: (req) => imports.listDrafts(req.ctx),
  });
  r.post('/passage', {
    schema: {
      tags,
      summary: 'Đọc chỉ tiêu hoặc nhiệm vụ từ đoạn văn bản người dùng chọn',
      body: PassageBody,
      response: { 200: PassageResult, ...commonErrors },
    },
    handler: async (req) => {
      requireSignedInForPassage(req.ctx.actor);
      const found = imports.parsePassage(req.body);
      return { ...found, suggestions: await imports.suggestForTargets(req.ctx, found.targets) };
    },
  });

  r.get('/', {
    schema: {
      tags,
      summary: 'Các kế hoạch trong phạm vi',
      querystring: ListPlansQuery,
      response: { 200: PlanList, ...commonErrors },
    },
    handler: (req) => service.listPlans(req.ctx, req.query.communeId),
  });
  r.get('/:id', {
    schema: {
      tags,
      summary: 'Kế hoạch: thông tin chung, chỉ tiêu, nhiệm vụ, chế độ báo cáo, các phiên bản',
      params: IdParams,
      response: plan,
    },
    handler: (req) => service.getPlan(req.ctx, req.params.id),
  });
  r.patch('/:id', {
    schema: { tags, summary: 'Sửa thông tin chung', params: IdParams, body: PlanHeaderInput.partial(), response: plan },
    handler: (req) => service.updateHeader(req.ctx, req.params.id, req.body),
  });
  r.get('/:id/versions/:versionNo', {
    schema: {
      tags,
      summary: 'Một phiên bản cũ (nội dung, thay đổi, văn bản nguồn)',
      params: VersionParams,
      response: { 200: VersionView, ...commonErrors },
    },
    handler: (req) => service.getVersion(req.ctx, req.params.id, req.params.versionNo),
  });

  const somethingToChange = (b: Record<string, unknown>) => Object.values(b).some((v) => v !== undefined);
  const items = [
    ['targets', TargetInput, TargetFields.partial().refine(somethingToChange, 'Không có gì để thay đổi'), 'chỉ tiêu'],
    ['tasks', TaskInput, TaskFields.partial().refine(somethingToChange, 'Không có gì để thay đổi'), 'nhiệm vụ'],
    [
      'reporting',
      ReportingRuleInput,
      ReportingRuleInput.partial().refine(somethingToChange, 'Không có gì để thay đổi'),
      'quy định báo cáo',
    ],
  ] as const;
  for (const [kind, schema, fields, label] of items) {
    r.post(`/:id/${kind}`, {
      schema: {
        tags,
        summary: `Thêm ${label}`,
        params: IdParams,
        body: schema,
        response: { 201: PlanView, ...commonErrors },
      },
      handler: async (req, reply) =>
        reply
          .status(201)
          .send(await service.addItem(req.ctx, req.params.id, kind, req.body as Record<string, unknown>)),
    });
    r.patch(`/:id/${kind}/:itemId`, {
      schema: {
        tags,
        summary: `Sửa ${label} (cả liên kết danh mục với chỉ tiêu)`,
        params: ItemParams,
        body: fields,
        response: plan,
      },
      handler: (req) =>
        service.updateItem(req.ctx, req.params.id, kind, req.params.itemId, req.body as Record<string, unknown>),
    });
    r.delete(`/:id/${kind}/:itemId`, {
      schema: { tags, summary: `Xóa ${label}`, params: ItemParams, response: plan },
      handler: (req) => service.deleteItem(req.ctx, req.params.id, kind, req.params.itemId),
    });
  }
}

function requireSignedInForPassage(actor: unknown) {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'unauthenticated', 'Bạn cần đăng nhập.');
}
