import { z } from 'zod';

const Status = z.enum(['reached', 'on_track', 'at_risk', 'off_track', 'no_data']);
/** One value of a target for a period, with where it came from. */
export const ValueView = z.object({
  periodCode: z.string(),
  date: z.string(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  source: z
    .string()
    .describe('report: báo cáo đơn vị đã duyệt; computed: tính từ dữ liệu của Xã Số; import: nhập từ tệp'),
  sourceRef: z.string().nullable().describe('Bản ghi gốc: mã báo cáo đã duyệt, phép tính, tệp nhập và dòng'),
  producer: z.string().nullable().describe('Cái gì tạo ra giá trị: mô-đun nhiệm vụ, hệ thống báo cáo, tệp và dòng'),
  producedByName: z.string().nullable().describe('Người duyệt hoặc nhập (không có với giá trị hệ thống tự tính)'),
  producedAt: z.string(),
  sourceLink: z.string().nullable().describe('Truy vấn API tới các bản ghi phía sau giá trị tính toán'),
});
/** One point of a target's chart: the value of a period (the one written last, whatever its source). */
export const TrendPoint = z.object({ periodCode: z.string(), date: z.string(), value: z.number() });
/** How many of the latest periods the dashboard sends per target (its small chart); the rest on request. */
export const RECENT_PERIODS = 12;
export const CommuneDashboard = z.object({
  communeId: z.string().uuid(),
  communeName: z.string(),
  planId: z.string().uuid().nullable(),
  planTitle: z.string().nullable(),
  counts: z.object({
    reached: z.number(),
    on_track: z.number(),
    at_risk: z.number(),
    off_track: z.number(),
    no_data: z.number(),
  }),
  targets: z.array(
    z.object({
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
      latest: z
        .object({ value: z.number(), periodCode: z.string(), source: z.string(), attainment: z.number().nullable() })
        .nullable(),
      status: Status,
      periods: z.number().describe('Số kỳ đã có giá trị (dự báo dựa trên tất cả các kỳ này)'),
      recent: z
        .array(TrendPoint)
        .describe(
          `Giá trị của tối đa ${RECENT_PERIODS} kỳ gần nhất, cũ trước mới sau, cho biểu đồ nhỏ; toàn bộ lịch sử và nguồn gốc ở …/targets/:targetId/values`,
        ),
      forecast: z
        .object({
          value: z.number(),
          atDate: z.string(),
          slopePerYear: z.number(),
          points: z.number(),
          method: z.string(),
          sentence: z.string(),
        })
        .nullable(),
    }),
  ),
  tasks: z.object({ total: z.number(), overdue: z.number(), done: z.number() }),
  reportsWaiting: z.number().describe('Báo cáo đơn vị đã nộp, chờ duyệt'),
});
export const CommuneTargetParams = z.object({
  id: z.string().uuid('Mã định danh không hợp lệ'),
  targetId: z.string().uuid('Mã định danh không hợp lệ'),
});
/** A target's whole history, asked for when a person opens the target. */
export const TargetHistory = z.object({
  targetId: z.string().uuid(),
  trend: z.array(TrendPoint).describe('Một giá trị mỗi kỳ (giá trị ghi sau cùng), cũ trước mới sau: biểu đồ và dự báo'),
  values: z.array(ValueView).describe('Mọi giá trị, mọi nguồn, với nguồn gốc, cũ trước mới sau'),
});
export const ProvinceQuery = z.object({ indicatorId: z.string().uuid() });
export const ProvinceTile = z.object({
  provinceId: z.string().uuid(),
  provinceName: z.string(),
  indicator: z.object({ id: z.string().uuid(), code: z.string(), name: z.string(), unit: z.string() }),
  communes: z.array(
    z.object({
      rank: z.number(),
      communeId: z.string().uuid(),
      communeCode: z.string(),
      communeName: z.string(),
      value: z.number(),
      periodCode: z.string(),
      attainment: z.number().nullable(),
      status: Status,
    }),
  ),
  summary: z.object({ communesReporting: z.number(), reached: z.number(), average: z.number().nullable() }),
});
export const NationalTile = z.object({
  indicator: z.object({ id: z.string().uuid(), code: z.string(), name: z.string(), unit: z.string() }),
  provinces: z.array(
    z.object({
      provinceId: z.string().uuid(),
      provinceName: z.string(),
      communesReporting: z.number(),
      reached: z.number(),
      average: z.number().nullable(),
    }),
  ),
});

export const ExportQuery = z.object({ indicatorId: z.string().uuid() });
