import type { FastifyInstance } from 'fastify';
import { commonErrors, IdParams, typed } from '../../platform/http.ts';
import { MarkedAllRead, MarkedRead, NotificationList, NotificationQuery } from './notifications.contract.ts';
import * as service from './notifications.service.ts';

export async function notificationRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Thông báo'];
  r.get('/', {
    schema: {
      tags,
      summary: 'Thông báo của tôi, mới nhất trước, kèm số chưa đọc',
      querystring: NotificationQuery,
      response: { 200: NotificationList, ...commonErrors },
    },
    handler: (req) =>
      service.listMine(req.ctx, {
        unreadOnly: req.query.unreadOnly === 'true' || req.query.unreadOnly === '1',
        limit: req.query.limit,
        before: req.query.before,
      }),
  });
  r.post('/:id/read', {
    schema: { tags, summary: 'Đánh dấu đã đọc', params: IdParams, response: { 200: MarkedRead, ...commonErrors } },
    handler: (req) => service.markRead(req.ctx, req.params.id),
  });
  r.post('/read-all', {
    schema: { tags, summary: 'Đánh dấu tất cả đã đọc', response: { 200: MarkedAllRead, ...commonErrors } },
    handler: (req) => service.markAllRead(req.ctx),
  });
}
