import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { readUpload, sendDownload, XLSX_TYPE, type FileKind } from '../../platform/files.ts';
import { commonErrors, IdParams, typed } from '../../platform/http.ts';
import {
  CommuneDashboard,
  CommuneTargetParams,
  ExportQuery,
  ImportList,
  ImportView,
  NationalTile,
  ProvinceQuery,
  ProvinceTile,
  TargetHistory,
  TemplateQuery,
} from './dashboards.contract.ts';
import { communeWorkbook, provinceWorkbook } from './dashboards.export.ts';
import * as service from './dashboards.service.ts';
import * as imports from './imports.service.ts';

const sendFile = (reply: FastifyReply, f: { fileName: string; bytes: Buffer; type?: string }) =>
  sendDownload(reply, { fileName: f.fileName, mediaType: f.type ?? XLSX_TYPE, bytes: f.bytes });
/** A value file (tệp số liệu): IMPORT_FILE_* codes. */
const VALUE_FILE: FileKind = { code: 'IMPORT_FILE', noun: 'Tệp số liệu', fallbackName: 'so-lieu' };

export async function dashboardRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Bảng điều khiển'];
  const file = { 200: z.any().describe('Tệp .xlsx'), ...commonErrors };
  r.get('/communes/:id', {
    schema: {
      tags,
      summary: 'Bảng điều khiển của xã: mọi chỉ tiêu với giá trị mới nhất, mức đạt, xu hướng, dự báo',
      params: IdParams,
      response: { 200: CommuneDashboard, ...commonErrors },
    },
    handler: (req) => service.communeDashboard(req.ctx, req.params.id),
  });
  r.get('/communes/:id/targets/:targetId/values', {
    schema: {
      tags,
      summary:
        'Toàn bộ giá trị của một chỉ tiêu của xã, với nguồn gốc, và biểu đồ một điểm mỗi kỳ (tải khi mở chỉ tiêu)',
      params: CommuneTargetParams,
      response: { 200: TargetHistory, ...commonErrors },
    },
    handler: (req) => service.targetHistory(req.ctx, req.params.id, req.params.targetId),
  });
  r.get('/communes/:id/export.xlsx', {
    schema: {
      tags,
      summary: 'Bảng điều khiển của xã ra Excel: chỉ tiêu, mức đạt, dự báo, mọi giá trị với nguồn gốc',
      params: IdParams,
      response: file,
    },
    handler: async (req, reply) => sendFile(reply, await communeWorkbook(req.ctx, req.params.id)),
  });
  r.get('/provinces/:id', {
    schema: {
      tags,
      summary: 'Các xã của tỉnh cạnh nhau theo một chỉ tiêu danh mục, xếp hạng',
      params: IdParams,
      querystring: ProvinceQuery,
      response: { 200: ProvinceTile, ...commonErrors },
    },
    handler: (req) => service.provinceTile(req.ctx, req.params.id, req.query.indicatorId),
  });
  r.get('/provinces/:id/export.xlsx', {
    schema: {
      tags,
      summary: 'Bảng xếp hạng các xã của tỉnh theo một chỉ tiêu ra Excel',
      params: IdParams,
      querystring: ExportQuery,
      response: file,
    },
    handler: async (req, reply) =>
      sendFile(reply, await provinceWorkbook(req.ctx, req.params.id, req.query.indicatorId)),
  });
  r.get('/national', {
    schema: {
      tags,
      summary: 'Toàn quốc: các tỉnh theo một chỉ tiêu danh mục',
      querystring: ProvinceQuery,
      response: { 200: NationalTile, ...commonErrors },
    },
    handler: (req) => service.nationalTile(req.ctx, req.query.indicatorId),
  });

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
