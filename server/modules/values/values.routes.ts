import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { readUpload, sendDownload, type FileKind } from '../../platform/files.ts';
import { commonErrors, IdParams, typed } from '../../platform/http.ts';
import { ImportList, ImportView, TemplateQuery } from './values.contract.ts';
import * as imports from './imports.service.ts';

/** A template to download, with the same headers as every download (platform/files). */
const sendFile = (reply: FastifyReply, f: { fileName: string; bytes: Buffer; type: string }) =>
  sendDownload(reply, { fileName: f.fileName, mediaType: f.type, bytes: f.bytes });
/** A value file (tệp số liệu): IMPORT_FILE_* codes. */
const VALUE_FILE: FileKind = { code: 'IMPORT_FILE', noun: 'Tệp số liệu', fallbackName: 'so-lieu' };

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
      const file = await readUpload(req, VALUE_FILE, imports.MAX_IMPORT_BYTES);
      return reply.status(201).send(await imports.previewImport(req.ctx, file));
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
