import { z } from 'zod';

export const NotificationView = z.object({
  id: z.string().uuid(),
  kind: z
    .string()
    .describe(
      'task.assigned, task.due_soon, task.overdue, task.escalated, task.digest, task.submitted, task.verified, task.returned, task.comment',
    ),
  title: z.string(),
  body: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable().describe('Bản ghi liên quan (ví dụ mã nhiệm vụ) để mở'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const NotificationList = z.object({
  items: z.array(NotificationView),
  unreadCount: z.number().int(),
  nextBefore: z.string().nullable().describe('Truyền vào before để lấy trang sau'),
});
export const NotificationQuery = z.object({
  unreadOnly: z.enum(['true', 'false', '1', '0']).optional().describe('Chỉ thông báo chưa đọc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().datetime({ offset: true }).optional(),
});
export const MarkedRead = z.object({ id: z.string().uuid(), read: z.boolean() });
export const MarkedAllRead = z.object({ count: z.number().int() });
