import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { commonErrors, IdParams, typed } from '../../platform/http.ts';
import { ImportList, ImportView, TemplateQuery } from './values.contract.ts';
import * as imports from './imports.service.ts';

/** A template to download, with the same headers as the dashboards' workbooks. */
const sendFile = (reply: FastifyReply, f: { fileName: string; bytes: Buffer; type: string }) =>
  reply
    .header('content-type', f.type)
    .header(
      'content-disposition',
      `attachment; filename="${f.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
    )
    .header('cache-control', 'no-store')
    .send(f.bytes);

/**
 * Importing indicator values from a file. Registered under /api/v1/dashboards (app.ts): the
 * addresses the web app and the docs use stayed where they were when the dashboards owned them.
 */
export async function valueRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Bảng điều khiển'];
  const importView = { 200: ImportView, ...commonErrors };
  r.post('/imports', {
    schema: {
      tags,
      summary:
        'Tải lên tệp số liệu chỉ tiêu (.xlsx hoặc .csv; multipart, trường "file"): xem trước từng dòng, chưa nhập gì',
      response: { 201: ImportView, 413: commonErrors[400], 415: commonErrors[400], ...commonErrors },
    },
    handler: async (req, reply) => {
      const f = await req.file();
      if (!f) throw new AppError('IMPORT_FILE_MISSING', 'invalid', 'Chưa chọn tệp số liệu để tải lên.');
      const bytes = new Uint8Array(await f.toBuffer());
      return reply.status(201).send(await imports.previewImport(req.ctx, { fileName: f.filename || 'so-lieu', bytes }));
    },
  });
  r.get('/imports', {
    schema: {
      tags,
      summary: 'Các tệp số liệu tôi đã tải lên (mới nhất trước)',
      response: { 200: ImportList, ...commonErrors },
    },
    handler: (req) => imports.listImports(req.ctx),
  });
  r.get('/imports/template', {
    schema: {
      tags,
      summary: 'Tệp mẫu để nhập số liệu (.xlsx hoặc .csv); với communeId: điền sẵn các mục tiêu của kế hoạch của xã',
      querystring: TemplateQuery,
      response: { 200: z.any().describe('Tệp mẫu'), ...commonErrors },
    },
    handler: async (req, reply) =>
      sendFile(reply, await imports.template(req.ctx, req.query.communeId, req.query.format)),
  });
  r.get('/imports/:id', {
    schema: {
      tags,
      summary: 'Bản xem trước của tệp số liệu: từng dòng, dòng lỗi kèm lý do',
      params: IdParams,
      response: importView,
    },
    handler: (req) => imports.getImport(req.ctx, req.params.id),
  });
  r.post('/imports/:id/confirm', {
    schema: {
      tags,
      summary: 'Nhập các dòng hợp lệ (kiểm tra lại trước khi ghi; cập nhật bảng điều khiển ngay)',
      params: IdParams,
      response: importView,
    },
    handler: (req) => imports.confirmImport(req.ctx, req.params.id),
  });
  r.post('/imports/:id/discard', {
    schema: { tags, summary: 'Hủy bản nhập, không ghi gì', params: IdParams, response: importView },
    handler: (req) => imports.discardImport(req.ctx, req.params.id),
  });
}
