import type { FastifyInstance } from 'fastify';
import { commonErrors, IdParams, typed } from '../../platform/http.ts';
import { CommuneDashboard, NationalTile, ProvinceQuery, ProvinceTile } from './dashboards.contract.ts';
import * as service from './dashboards.service.ts';

export async function dashboardRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Bảng điều khiển'];
  r.get('/communes/:id', { schema: { tags, summary: 'Bảng điều khiển của xã: mọi chỉ tiêu với giá trị mới nhất, mức đạt, xu hướng, dự báo', params: IdParams, response: { 200: CommuneDashboard, ...commonErrors } }, handler: (req) => service.communeDashboard(req.ctx, req.params.id) });
  r.get('/provinces/:id', { schema: { tags, summary: 'Các xã của tỉnh cạnh nhau theo một chỉ tiêu danh mục, xếp hạng', params: IdParams, querystring: ProvinceQuery, response: { 200: ProvinceTile, ...commonErrors } }, handler: (req) => service.provinceTile(req.ctx, req.params.id, req.query.indicatorId) });
  r.get('/national', { schema: { tags, summary: 'Toàn quốc: các tỉnh theo một chỉ tiêu danh mục', querystring: ProvinceQuery, response: { 200: NationalTile, ...commonErrors } }, handler: (req) => service.nationalTile(req.ctx, req.query.indicatorId) });
}
