import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { sendDownload, XLSX_TYPE } from '../../platform/files.ts';
import { commonErrors, IdParams, typed } from '../../platform/http.ts';
import {
  CommuneDashboard,
  CommuneTargetParams,
  ExportQuery,
  NationalTile,
  ProvinceQuery,
  ProvinceTile,
  TargetHistory,
} from './dashboards.contract.ts';
import { communeWorkbook, provinceWorkbook } from './dashboards.export.ts';
import * as service from './dashboards.service.ts';

const sendFile = (reply: FastifyReply, f: { fileName: string; bytes: Buffer; type?: string }) =>
  sendDownload(reply, { fileName: f.fileName, mediaType: f.type ?? XLSX_TYPE, bytes: f.bytes });

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
}
