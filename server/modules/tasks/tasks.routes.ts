import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commonErrors, IdParams, typed } from '../../platform/http.ts';
import {
  Board,
  BoardQuery,
  CommentBody,
  CreatedTasks,
  CreateTaskBody,
  FileView,
  FromPlanBody,
  FromPlanPreviewBody,
  ListQuery,
  MilestonesBody,
  MyTasks,
  MyTasksQuery,
  OverdueList,
  PlanDraft,
  ProgressBody,
  ReturnBody,
  ScopeQuery,
  SubmitBody,
  TaskDetail,
  TaskFileParams,
  TaskPage,
  TaskStats,
  Timeline,
  UpdateTaskBody,
  VerifyBody,
} from './tasks.contract.ts';
import { readUpload, sendDownload, sendFile, XLSX_TYPE } from '../../platform/files.ts';
import { EVIDENCE } from './tasks.files.ts';
import * as lists from './tasks.lists.service.ts';
import * as fromPlan from './tasks.plan.service.ts';
import * as service from './tasks.service.ts';

export async function taskRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Nhiệm vụ'];
  const detail = { 200: TaskDetail, ...commonErrors };

  r.get('/', {
    schema: {
      tags,
      summary: 'Danh sách nhiệm vụ của xã, lọc theo nhóm, đơn vị, người, năm, trạng thái, tình hình; phân trang',
      querystring: ListQuery,
      response: { 200: TaskPage, ...commonErrors },
    },
    handler: (req) => lists.listTasks(req.ctx, req.query),
  });
  r.get('/mine', {
    schema: {
      tags,
      summary: 'Nhiệm vụ của tôi: tôi chịu trách nhiệm, chờ tôi phê duyệt, đơn vị tôi phối hợp',
      querystring: MyTasksQuery,
      response: { 200: MyTasks, ...commonErrors },
    },
    handler: (req) => lists.myTasks(req.ctx, req.query.limit),
  });
  r.get('/board', {
    schema: {
      tags,
      summary: 'Bảng theo trạng thái (cột), cho một đơn vị hoặc cả xã; kéo thẻ = gọi hành động trong allowedActions',
      querystring: BoardQuery,
      response: { 200: Board, ...commonErrors },
    },
    handler: (req) => lists.board(req.ctx, req.query),
  });
  r.get('/timeline', {
    schema: {
      tags,
      summary: 'Dữ liệu biểu đồ thời gian: nhiệm vụ và mốc theo nhóm của kế hoạch',
      querystring: ScopeQuery,
      response: { 200: Timeline, ...commonErrors },
    },
    handler: (req) => lists.timeline(req.ctx, req.query),
  });
  r.get('/overdue', {
    schema: {
      tags,
      summary: 'Cho lãnh đạo: nhiệm vụ quá hạn và có nguy cơ chậm',
      querystring: ScopeQuery,
      response: { 200: OverdueList, ...commonErrors },
    },
    handler: (req) => lists.overdueList(req.ctx, req.query),
  });
  r.get('/stats', {
    schema: {
      tags,
      summary: 'Tỷ lệ nhiệm vụ theo dõi điện tử, hoàn thành đúng hạn, quá hạn — theo đơn vị và toàn xã',
      querystring: ScopeQuery.pick({ communeId: true, year: true }),
      response: { 200: TaskStats, ...commonErrors },
    },
    handler: (req) => lists.stats(req.ctx, req.query),
  });
  r.get('/export.xlsx', {
    schema: {
      tags,
      summary: 'Xuất danh sách (theo bộ lọc) ra Excel',
      querystring: ScopeQuery,
      response: { 200: z.any().describe('Tệp .xlsx'), ...commonErrors },
    },
    handler: async (req, reply) => {
      const { fileName, bytes } = await lists.exportXlsx(req.ctx, req.query);
      return sendDownload(reply, { fileName, mediaType: XLSX_TYPE, bytes, asciiName: 'nhiem-vu.xlsx' });
    },
  });

  r.post('/from-plan/preview', {
    schema: {
      tags,
      summary: 'Giao từ kế hoạch, bước 1: đề xuất đơn vị chủ trì, người phụ trách, thời hạn, mốc (không ghi gì)',
      body: FromPlanPreviewBody,
      response: { 200: PlanDraft, ...commonErrors },
    },
    handler: (req) => fromPlan.previewFromPlan(req.ctx, req.body),
  });
  r.post('/from-plan', {
    schema: {
      tags,
      summary: 'Giao từ kế hoạch, bước 2: tạo các nhiệm vụ đã điều chỉnh (tất cả hoặc không gì cả)',
      body: FromPlanBody,
      response: { 201: CreatedTasks, ...commonErrors },
    },
    handler: async (req, reply) => reply.status(201).send(await fromPlan.createFromPlan(req.ctx, req.body)),
  });
  r.post('/', {
    schema: {
      tags,
      summary: 'Giao nhiệm vụ phát sinh (kết luận cuộc họp, văn bản chỉ đạo)',
      body: CreateTaskBody,
      response: { 201: TaskDetail, ...commonErrors },
    },
    handler: async (req, reply) => reply.status(201).send(await service.createTask(req.ctx, req.body)),
  });

  r.get('/:id', {
    schema: {
      tags,
      summary: 'Nhiệm vụ: "6 rõ", mốc, minh chứng, nhật ký, nút được phép',
      params: IdParams,
      response: detail,
    },
    handler: (req) => service.getTask(req.ctx, req.params.id),
  });
  r.patch('/:id', {
    schema: {
      tags,
      summary: 'Sửa nhiệm vụ (người giao); ghi vào nhật ký',
      params: IdParams,
      body: UpdateTaskBody,
      response: detail,
    },
    handler: (req) => service.updateTask(req.ctx, req.params.id, req.body),
  });
  r.put('/:id/milestones', {
    schema: {
      tags,
      summary: 'Điều chỉnh các mốc (người giao)',
      params: IdParams,
      body: MilestonesBody,
      response: detail,
    },
    handler: (req) => service.replaceMilestones(req.ctx, req.params.id, req.body),
  });

  r.post('/:id/actions/progress', {
    schema: {
      tags,
      summary: 'Cập nhật tiến độ (%, nội dung, minh chứng)',
      params: IdParams,
      body: ProgressBody,
      response: detail,
    },
    handler: (req) => service.act(req.ctx, req.params.id, { kind: 'progress', body: req.body }),
  });
  r.post('/:id/actions/submit', {
    schema: { tags, summary: 'Trình kết quả để phê duyệt', params: IdParams, body: SubmitBody, response: detail },
    handler: (req) => service.act(req.ctx, req.params.id, { kind: 'submit', body: req.body }),
  });
  r.post('/:id/actions/verify', {
    schema: { tags, summary: 'Phê duyệt: xác nhận hoàn thành', params: IdParams, body: VerifyBody, response: detail },
    handler: (req) => service.act(req.ctx, req.params.id, { kind: 'verify', body: req.body }),
  });
  r.post('/:id/actions/return', {
    schema: { tags, summary: 'Trả lại, kèm lý do', params: IdParams, body: ReturnBody, response: detail },
    handler: (req) => service.act(req.ctx, req.params.id, { kind: 'return', body: req.body }),
  });
  r.post('/:id/comments', {
    schema: {
      tags,
      summary: 'Bình luận; @tên_đăng_nhập để nhắc người khác',
      params: IdParams,
      body: CommentBody,
      response: { 201: TaskDetail, ...commonErrors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await service.act(req.ctx, req.params.id, { kind: 'comment', body: req.body })),
  });

  r.post('/:id/files', {
    schema: {
      tags,
      summary: 'Tải minh chứng (PDF, ảnh, .docx, .xlsx; multipart, trường "file"; nhận dạng theo nội dung)',
      params: IdParams,
      response: { 201: FileView, 413: commonErrors[400], 415: commonErrors[400], ...commonErrors },
    },
    handler: async (req, reply) => {
      await service.assertCanUploadEvidence(req.ctx, req.params.id);
      const file = await readUpload(req, EVIDENCE, req.ctx.config.evidenceMaxBytes);
      return reply.status(201).send(await service.uploadEvidence(req.ctx, req.params.id, file));
    },
  });
  r.get('/:id/files/:fileId', {
    schema: {
      tags,
      summary: 'Tải về minh chứng',
      params: TaskFileParams,
      response: { 200: z.any().describe('Nội dung tệp'), ...commonErrors },
    },
    handler: async (req, reply) =>
      sendFile(reply, await service.downloadEvidence(req.ctx, req.params.id, req.params.fileId), 'minh-chung'),
  });
}
