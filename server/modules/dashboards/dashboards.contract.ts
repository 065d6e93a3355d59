import { z } from 'zod';

const Status = z.enum(['reached', 'on_track', 'at_risk', 'off_track', 'no_data']);
export const CommuneDashboard = z.object({
  communeId: z.string().uuid(),
  communeName: z.string(),
  planId: z.string().uuid().nullable(),
  planTitle: z.string().nullable(),
  counts: z.object({ reached: z.number(), on_track: z.number(), at_risk: z.number(), off_track: z.number(), no_data: z.number() }),
  targets: z.array(z.object({
    targetId: z.string().uuid(),
    groupName: z.string().nullable(),
    text: z.string(),
    targetText: z.string(),
    comparator: z.enum(['>=', '>', '=', '<=', '<', 'range']),
    targetValue: z.number(),
    targetValueMax: z.number().nullable(),
    unit: z.string(),
    deadlineYear: z.number().nullable(),
    indicatorId: z.string().uuid().nullable(),
    latest: z.object({ value: z.number(), periodCode: z.string(), source: z.string(), attainment: z.number().nullable() }).nullable(),
    status: Status,
    trend: z.array(z.object({ periodCode: z.string(), date: z.string(), value: z.number(), source: z.string(), sourceRef: z.string().nullable().describe('Bản ghi gốc: mã báo cáo đã duyệt, phép tính, tệp nhập') })),
    forecast: z.object({ value: z.number(), atDate: z.string(), slopePerYear: z.number(), points: z.number(), method: z.string(), sentence: z.string() }).nullable(),
  })),
  tasks: z.object({ total: z.number(), overdue: z.number(), done: z.number() }),
  reportsWaiting: z.number().describe('Báo cáo đơn vị đã nộp, chờ duyệt'),
});
export const ProvinceQuery = z.object({ indicatorId: z.string().uuid() });
export const ProvinceTile = z.object({
  provinceId: z.string().uuid(),
  provinceName: z.string(),
  indicator: z.object({ id: z.string().uuid(), code: z.string(), name: z.string(), unit: z.string() }),
  communes: z.array(z.object({ rank: z.number(), communeId: z.string().uuid(), communeCode: z.string(), communeName: z.string(), value: z.number(), periodCode: z.string(), attainment: z.number().nullable(), status: Status })),
  summary: z.object({ communesReporting: z.number(), reached: z.number(), average: z.number().nullable() }),
});
export const NationalTile = z.object({
  indicator: z.object({ id: z.string().uuid(), code: z.string(), name: z.string(), unit: z.string() }),
  provinces: z.array(z.object({ provinceId: z.string().uuid(), provinceName: z.string(), communesReporting: z.number(), reached: z.number(), average: z.number().nullable() })),
});
