/**
 * The values module's HTTP contract: importing indicator values from a file (upload → preview
 * → confirm or discard). The routes keep their addresses under /api/v1/dashboards/imports.
 */
import { z } from 'zod';

// ——— Import of values from a file ———
export const ImportRowView = z.object({
  row: z.number().describe('Dòng trong tệp (dòng tiêu đề là dòng 1)'),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  indicatorCode: z.string().nullable(),
  targetText: z.string().nullable(),
  targetCount: z.number().describe('Số mục tiêu của kế hoạch nhận giá trị này'),
  periodCode: z.string().nullable(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  unit: z.string().nullable(),
  errors: z.array(z.string()).describe('Lý do dòng bị loại; rỗng = dòng hợp lệ'),
});
export const ImportView = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  status: z.enum(['preview', 'imported', 'discarded']),
  createdAt: z.string(),
  createdByName: z.string(),
  decidedAt: z.string().nullable(),
  counts: z.object({ total: z.number(), good: z.number(), bad: z.number(), imported: z.number().nullable() }),
  unknownColumns: z.array(z.string()).describe('Cột không nhận ra (bỏ qua)'),
  rows: z.array(ImportRowView),
  allowedActions: z.array(z.enum(['confirm', 'discard'])),
});
export const ImportList = z.object({
  items: z.array(
    z.object({
      id: z.string().uuid(),
      fileName: z.string(),
      status: z.enum(['preview', 'imported', 'discarded']),
      createdAt: z.string(),
      counts: ImportView.shape.counts,
    }),
  ),
});
export const TemplateQuery = z.object({
  communeId: z.string().uuid().optional().describe('Điền sẵn các mục tiêu của kế hoạch của xã'),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
