import { z } from 'zod';
import { IsoDate } from '../org/index.ts';

export const AuditQuery = z
  .object({
    actorId: z.string().uuid().optional().describe('Người thực hiện'),
    recordType: z.string().trim().max(50).optional(),
    recordId: z.string().trim().max(100).optional(),
    action: z.string().trim().max(80).optional(),
    from: IsoDate.optional().describe('Từ ngày (YYYY-MM-DD, giờ Việt Nam)'),
    to: IsoDate.optional().describe('Đến hết ngày (YYYY-MM-DD, giờ Việt Nam)'),
    before: z.coerce.number().int().positive().optional().describe('Mã dòng cuối của trang trước'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'Từ ngày phải trước đến ngày', path: ['from'] });

export const AuditEntryView = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  summary: z.string(),
  changes: z.unknown().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export const AuditPage = z.object({ items: z.array(AuditEntryView), next: z.number().int().nullable() });
