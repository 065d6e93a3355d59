/**
 * The plan extracted from a document — the zod twin of ../shared/contracts/plan-import.schema.json
 * (copied in docs/ as the contract of `xaso import-plan FILE --json`). Field names are fixed; the
 * JSON schema allows extra fields, so parsing accepts them (and drops them). The source text is not
 * part of it: callers keep the text from extractDocumentText beside the extraction.
 */
import { z } from 'zod';

const year = z.number().int();

export const PlanIndicator = z.object({
  text: z.string().describe('Điều được đo, theo lời văn của văn bản, không kèm con số'),
  group: z.string().nullable().optional().describe('Đề mục chứa chỉ tiêu'),
  kind: z.enum(['target', 'baseline']).describe('baseline: kết quả đã đạt được mà văn bản nêu lại'),
  comparator: z.enum(['>=', '>', '=', '<=', '<', 'range']),
  value: z.number(),
  valueMax: z.number().nullable().optional().describe("Cận trên khi comparator là 'range'"),
  unit: z.string().describe("'%', 'count', 'Mbit/s', 'Gbit/s' hoặc đơn vị như văn bản ghi"),
  year: year.nullable().describe('Năm phải đạt (năm cuối của giai đoạn); với baseline là năm đã đạt'),
  line: z.number().int().describe('Dòng (tính từ 1) của văn bản nơi con số đứng'),
});
export type PlanIndicator = z.infer<typeof PlanIndicator>;

export const PlanTask = z.object({
  title: z.string(),
  lead: z.string().nullable().describe('Cơ quan chủ trì như văn bản nêu cho nhiệm vụ này; null khi không nêu'),
  partners: z.array(z.string()).optional(),
  from: year.nullable().optional(),
  to: year.nullable().optional(),
  expected: z.string().nullable().optional().describe('Kết quả dự kiến / tiêu chí đánh giá'),
  group: z.string().nullable().optional().describe("Đề mục chứa nhiệm vụ, ví dụ '3. Hạ tầng số'"),
  line: z.number().int().describe('Dòng (tính từ 1) nơi nhiệm vụ bắt đầu'),
});
export type PlanTask = z.infer<typeof PlanTask>;

export const ReportingCycle = z.enum(['quarterly', 'half-year', 'nine-month', 'annual', 'ad-hoc']);
export type ReportingCycle = z.infer<typeof ReportingCycle>;

export const PlanReportingRule = z.object({
  cycle: ReportingCycle,
  reporter: z.string().nullable().optional(),
  recipient: z.string().nullable().optional(),
  deadline: z.string().nullable().optional().describe("Như văn bản ghi, ví dụ 'trước ngày 18 tháng cuối quý'"),
  day: z.number().int().nullable().optional(),
  month: z.number().int().nullable().optional().describe('null khi tính theo kỳ (ví dụ tháng cuối quý)'),
});
export type PlanReportingRule = z.infer<typeof PlanReportingRule>;

export const PlanExtraction = z.object({
  title: z.string().describe("Tên kế hoạch, ví dụ 'Kế hoạch Chuyển đổi số xã Vĩnh Bảo năm 2026'"),
  commune: z.string().nullable().describe("Tên xã ban hành, không kèm chữ 'xã'"),
  communeCode: z.string().nullable().optional().describe('Mã xã 5 chữ số khi xác định được'),
  number: z.string().nullable().optional().describe("Số văn bản, ví dụ '12/KH-UBND'; null khi để trống"),
  issuedOn: z.string().nullable().optional().describe('Ngày ban hành ISO, null khi để trống'),
  period: z.object({ from: year.nullable(), to: year.nullable() }),
  signer: z.object({ name: z.string().optional(), title: z.string().optional() }).nullable().optional(),
  indicators: z.array(PlanIndicator),
  tasks: z.array(PlanTask),
  reporting: z.array(PlanReportingRule),
});
export type PlanExtraction = z.infer<typeof PlanExtraction>;
