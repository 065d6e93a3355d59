import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commonErrors, IdParams, typed } from '../../platform/http.ts';
import {
  AddUnitBody,
  ChildrenQuery,
  CloseUnitBody,
  OrgNodeDetail,
  RenameUnitBody,
  SearchQuery,
  SearchResult,
} from './org.contract.ts';
import * as service from './org.service.ts';

export async function orgRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Tổ chức'];
  const detail = { 200: OrgNodeDetail, ...commonErrors };

  r.get('/root', {
    schema: {
      tags,
      summary: 'Gốc cây tổ chức (Việt Nam) và các tỉnh người dùng được xem',
      querystring: ChildrenQuery,
      response: detail,
    },
    handler: (req) => service.getRoot(req.ctx, req.query),
  });
  r.get('/units/:id', {
    schema: {
      tags,
      summary: 'Một nút của cây: cấp trên, cấp dưới, thao tác được phép',
      params: IdParams,
      querystring: ChildrenQuery,
      response: detail,
    },
    handler: (req) => service.getNodeDetail(req.ctx, req.params.id, req.query),
  });
  r.get('/by-code/:code', {
    schema: {
      tags,
      summary: 'Tìm nút theo mã chính thức (ví dụ 16363)',
      params: z.object({ code: z.string().trim().min(1).max(40) }),
      response: detail,
    },
    handler: (req) => service.getNodeByCode(req.ctx, req.params.code),
  });
  r.get('/search', {
    schema: {
      tags,
      summary: 'Tìm tỉnh, xã, đơn vị — gõ không dấu cũng được',
      querystring: SearchQuery,
      response: { 200: SearchResult, ...commonErrors },
    },
    handler: (req) => service.searchOrg(req.ctx, req.query),
  });
  r.post('/units/:id/units', {
    schema: {
      tags,
      summary: 'Thêm đơn vị trực thuộc xã',
      params: IdParams,
      body: AddUnitBody,
      response: { 201: OrgNodeDetail, ...commonErrors },
    },
    handler: async (req, reply) => reply.status(201).send(await service.addUnit(req.ctx, req.params.id, req.body)),
  });
  r.patch('/units/:id', {
    schema: { tags, summary: 'Đổi tên (và loại) đơn vị', params: IdParams, body: RenameUnitBody, response: detail },
    handler: (req) => service.renameUnit(req.ctx, req.params.id, req.body),
  });
  r.post('/units/:id/close', {
    schema: {
      tags,
      summary: 'Đóng đơn vị từ một ngày (giữ lại lịch sử)',
      params: IdParams,
      body: CloseUnitBody,
      response: detail,
    },
    handler: (req) => service.closeUnit(req.ctx, req.params.id, req.body),
  });
}
