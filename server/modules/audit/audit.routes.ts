import type { FastifyInstance } from 'fastify';
import { commonErrors, typed } from '../../platform/http.ts';
import { AuditPage, AuditQuery } from './audit.contract.ts';
import { listAudit } from './audit.service.ts';

export async function auditRoutes(app: FastifyInstance) {
  typed(app).get('/', {
    schema: {
      tags: ['Nhật ký'],
      summary: 'Nhật ký thao tác trong phạm vi, lọc theo người, bản ghi, ngày',
      querystring: AuditQuery,
      response: { 200: AuditPage, ...commonErrors },
    },
    handler: (req) => listAudit(req.ctx, req.query),
  });
}
