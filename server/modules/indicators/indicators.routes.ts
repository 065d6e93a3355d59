import type { FastifyInstance } from 'fastify';
import { commonErrors, IdParams, typed } from '../../platform/http.ts';
import { z } from 'zod';
import {
  CreateCriteriaSetBody,
  CreateIndicatorBody,
  CriteriaSetList,
  CriteriaSetView,
  IndicatorList,
  IndicatorView,
  ListIndicatorsQuery,
  MergeIndicatorBody,
  UpdateIndicatorBody,
} from './indicators.contract.ts';
import * as service from './indicators.service.ts';

export async function indicatorRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Danh mục chỉ tiêu'];
  const one = { 200: IndicatorView, ...commonErrors };
  r.get('/indicators', {
    schema: {
      tags,
      summary: 'Danh mục chỉ tiêu dùng chung (tìm không dấu được)',
      querystring: ListIndicatorsQuery,
      response: { 200: IndicatorList, ...commonErrors },
    },
    handler: (req) => service.listIndicators(req.ctx, req.query),
  });
  r.get('/indicators/:id', {
    schema: { tags, summary: 'Một chỉ tiêu của danh mục', params: IdParams, response: one },
    handler: (req) => service.getIndicator(req.ctx, req.params.id),
  });
  r.post('/indicators', {
    schema: {
      tags,
      summary: 'Thêm chỉ tiêu vào danh mục (cán bộ cấp tỉnh)',
      body: CreateIndicatorBody,
      response: { 201: IndicatorView, ...commonErrors },
    },
    handler: async (req, reply) => reply.status(201).send(await service.createIndicator(req.ctx, req.body)),
  });
  r.patch('/indicators/:id', {
    schema: {
      tags,
      summary: 'Sửa tên, đơn vị, công thức, cách gọi khác',
      params: IdParams,
      body: UpdateIndicatorBody,
      response: one,
    },
    handler: (req) => service.updateIndicator(req.ctx, req.params.id, req.body),
  });
  r.post('/indicators/:id/merge', {
    schema: {
      tags,
      summary: 'Gộp chỉ tiêu trùng vào chỉ tiêu giữ lại',
      params: IdParams,
      body: MergeIndicatorBody,
      response: one,
    },
    handler: (req) => service.mergeIndicator(req.ctx, req.params.id, req.body.intoId),
  });
  r.get('/criteria-sets', {
    schema: {
      tags,
      summary: 'Các bộ tiêu chí đánh giá xã của tỉnh',
      querystring: z.object({ provinceId: z.string().uuid().optional() }),
      response: { 200: CriteriaSetList, ...commonErrors },
    },
    handler: (req) => service.listCriteriaSets(req.ctx, req.query.provinceId),
  });
  r.get('/criteria-sets/:id', {
    schema: {
      tags,
      summary: 'Một bộ tiêu chí: nhóm, tiêu chí, điểm tối đa, cách chấm, minh chứng',
      params: IdParams,
      response: { 200: CriteriaSetView, ...commonErrors },
    },
    handler: (req) => service.getCriteriaSet(req.ctx, req.params.id),
  });
  r.post('/criteria-sets', {
    schema: {
      tags,
      summary: 'Tạo bộ tiêu chí đánh giá xã của tỉnh',
      body: CreateCriteriaSetBody,
      response: { 201: CriteriaSetView, ...commonErrors },
    },
    handler: async (req, reply) => reply.status(201).send(await service.createCriteriaSet(req.ctx, req.body)),
  });
}
