import { z } from 'zod';
import { StoredFileView } from '../../platform/files.ts';
import { IsoDate } from '../org/index.ts';

const OptText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
const Num = z.number({ error: 'Giá trị phải là một số' }).finite('Giá trị phải là một số');

export const GenerateCalendarBody = z.object({ year: z.number().int().min(2019).max(2100) });
export const CalendarQuery = z.object({
  communeId: z.string().uuid(),
  year: z.coerce.number().int().min(2019).max(2100).optional(),
});

export const SubmissionStatus = z.enum(['none', 'draft', 'submitted', 'returned', 'approved']);
export const PeriodView = z.object({
  id: z.string().uuid(),
  planId: z.string().uuid(),
  level: z
    .enum(['unit', 'commune'])
    .describe('unit: các đơn vị báo cáo bộ phận thường trực; commune: xã báo cáo lên tỉnh'),
  code: z.string().describe('2026-Q1, 2026-H1, 2026-9M, 2026 …'),
  kind: z.string(),
  label: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  closingStart: z.string().describe('Thời gian chốt số liệu: từ ngày (NĐ 09/2019, Điều 12)'),
  closingEnd: z.string(),
  dueOn: z.string().describe('Ngày cuối cùng nộp đúng hạn'),
  deadlineText: z.string().nullable(),
  recipient: z.string().nullable(),
  legalBasis: z.string(),
  units: z
    .array(
      z.object({
        unitId: z.string().uuid(),
        unitName: z.string(),
        status: SubmissionStatus,
        submissionId: z.string().uuid().nullable(),
        isLate: z.boolean().nullable(),
        submittedAt: z.string().nullable(),
        reviewable: z
          .boolean()
          .describe('Người xem được duyệt hoặc trả lại báo cáo này (người đã nộp thì không: tách bạch nhiệm vụ)'),
      }),
    )
    .describe('Với kỳ cấp đơn vị: tình trạng từng đơn vị'),
  communeReport: z
    .object({
      id: z.string().uuid(),
      status: z.enum(['draft', 'signed', 'sent', 'received']),
      isLate: z.boolean().nullable(),
    })
    .nullable(),
});
export const CalendarView = z.object({ periods: z.array(PeriodView) });
export const UpdatePeriodBody = z
  .object({ dueOn: IsoDate.optional(), deadlineText: OptText(300) })
  .refine((b) => b.dueOn !== undefined || b.deadlineText !== undefined, 'Không có gì để thay đổi');
export const PeriodUnitParams = z.object({ id: z.string().uuid(), unitId: z.string().uuid() });

export const ValueInput = z.object({
  targetId: z.string().uuid(),
  value: Num.nullable().optional(),
  numerator: Num.nullable().optional(),
  denominator: Num.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export const NarrativeInput = z.object({
  planTaskId: z.string().uuid().nullable(),
  taskTitle: z.string().trim().min(1).max(2000),
  done: OptText(5000),
  difficulties: OptText(5000),
  proposals: OptText(5000),
});
export const SaveSubmissionBody = z.object({
  values: z.array(ValueInput).max(500),
  narratives: z.array(NarrativeInput).max(500),
  generalNote: OptText(5000),
});
export type SaveSubmissionBody = z.infer<typeof SaveSubmissionBody>;
/**
 * Submit what is saved (no body, or `{}`), or save these values and narratives and submit them
 * in one step — one request from a phone instead of two, and one transaction.
 */
export const SubmitSubmissionBody = SaveSubmissionBody.partial({ values: true, narratives: true })
  .refine((b) => (b.values === undefined) === (b.narratives === undefined), {
    message: 'Gửi cả values và narratives để lưu rồi nộp, hoặc không gửi cả hai để nộp bản đã lưu',
    path: ['narratives'],
  })
  .nullish(); // a POST with no body arrives as null

export const SubmissionView = z.object({
  id: z.string().uuid().nullable().describe('null khi đơn vị chưa lưu gì cho kỳ này'),
  periodId: z.string().uuid(),
  periodLabel: z.string(),
  dueOn: z.string(),
  unitId: z.string().uuid(),
  unitName: z.string(),
  status: SubmissionStatus,
  isLate: z.boolean().nullable(),
  submittedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  generalNote: z.string().nullable(),
  values: z.array(
    z.object({
      targetId: z.string().uuid(),
      groupName: z.string().nullable(),
      text: z.string(),
      targetText: z.string(),
      unit: z.string(),
      hasFormula: z.boolean().describe('Chỉ tiêu có tử số/mẫu số trong danh mục'),
      numeratorLabel: z.string().nullable(),
      denominatorLabel: z.string().nullable(),
      previousValue: z.number().nullable().describe('Giá trị đã duyệt của kỳ trước, để so sánh'),
      value: z.number().nullable(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      note: z.string().nullable(),
      warning: z.string().nullable(),
      prefilled: z.boolean().describe('Điền sẵn từ dữ liệu nền tảng đã có'),
    }),
  ),
  narratives: z.array(
    z.object({
      planTaskId: z.string().uuid().nullable(),
      taskTitle: z.string(),
      groupName: z.string().nullable(),
      done: z.string().nullable(),
      difficulties: z.string().nullable(),
      proposals: z.string().nullable(),
      prefilled: z
        .boolean()
        .describe(
          '"done" được điền sẵn từ tiến độ các nhiệm vụ đang theo dõi (chưa lưu); người nhập sửa lại trước khi nộp',
        ),
    }),
  ),
  history: z.array(
    z.object({ kind: z.string(), at: z.string(), actorName: z.string().nullable(), comment: z.string().nullable() }),
  ),
  allowedActions: z.array(z.enum(['save', 'submit', 'return', 'approve'])),
});
export type SubmissionView = z.infer<typeof SubmissionView>;

/**
 * What a save or submit answers to `Prefer: return=minimal` (RFC 7240): the state of the report
 * and what was stored, without the report's 300-row view (≈ 110 KB) — a system sending its
 * units' reports has their content already; the report page asks for the whole view.
 */
export const SubmissionReceipt = z.object({
  id: z.string().uuid(),
  periodId: z.string().uuid(),
  unitId: z.string().uuid(),
  status: SubmissionStatus,
  isLate: z.boolean().nullable(),
  submittedAt: z.string().nullable(),
  valueCount: z.number().int().describe('Số chỉ tiêu đã lưu giá trị hoặc lý do'),
  warnings: z
    .array(z.object({ targetId: z.string().uuid(), warning: z.string() }))
    .describe('Cảnh báo trên các giá trị đã lưu (vd. chênh lệch lớn so với kỳ trước); báo cáo vẫn được lưu'),
});
export type SubmissionReceipt = z.infer<typeof SubmissionReceipt>;

export const AttachmentParams = z.object({
  id: z.string().uuid(),
  unitId: z.string().uuid(),
  attachmentId: z.string().uuid(),
});
export const AttachmentView = StoredFileView.extend({
  id: z.string().uuid().describe('Mã tệp đính kèm (dùng trong địa chỉ tải về, xóa)'),
  createdByName: z.string().nullable(),
});
export type AttachmentView = z.infer<typeof AttachmentView>;
export const AttachmentList = z.object({
  items: z.array(AttachmentView),
  canChange: z.boolean().describe('Người đang xem được thêm, xóa tệp (đơn vị chưa nộp, hoặc bị trả lại)'),
  maxBytes: z.number().int().describe('Dung lượng tối đa mỗi tệp (EVIDENCE_MAX_BYTES)'),
  maxCount: z.number().int(),
});
export type AttachmentList = z.infer<typeof AttachmentList>;

export const ReturnBody = z.object({ comment: z.string().trim().min(3, 'Cần ghi lý do trả lại').max(2000) });
export const ApproveBody = z.object({ comment: OptText(2000) });

export const CommuneReportBody = z.object({
  number: z
    .string()
    .trim()
    .regex(/^(0[1-9]|[1-9]\d+)\/BC-[A-ZĐ][A-ZĐ0-9-]*$/, 'Số văn bản có dạng 05/BC-UBND (NĐ 30/2020)')
    .nullable()
    .optional(),
  difficulties: OptText(10_000),
  proposals: OptText(10_000),
});
export const CommuneReportView = z.object({
  id: z.string().uuid().nullable(),
  periodId: z.string().uuid(),
  communeId: z.string().uuid(),
  communeName: z.string(),
  periodCode: z.string(),
  periodLabel: z.string(),
  dueOn: z.string(),
  status: z.enum(['none', 'draft', 'signed', 'sent', 'received']),
  number: z.string().nullable(),
  difficulties: z.string().nullable(),
  proposals: z.string().nullable(),
  isLate: z.boolean().nullable(),
  signedByName: z.string().nullable(),
  signedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  document: z.any().describe('Nội dung báo cáo đã tổng hợp (CommuneReportDocument)'),
  history: z.array(
    z.object({ kind: z.string(), at: z.string(), actorName: z.string().nullable(), comment: z.string().nullable() }),
  ),
  allowedActions: z.array(z.enum(['edit', 'sign', 'send', 'receive', 'download'])),
});
export const DocumentQuery = z.object({ format: z.enum(['docx', 'xlsx']).default('docx') });

export const ProvinceReportsQuery = z.object({
  provinceId: z.string().uuid(),
  period: z.string().trim().min(4).max(10),
});
export const ProvinceReportsView = z.object({
  period: z.string(),
  items: z.array(
    z.object({
      communeId: z.string().uuid(),
      communeCode: z.string(),
      communeName: z.string(),
      periodId: z
        .string()
        .uuid()
        .nullable()
        .describe('Kỳ báo cáo của xã (mở báo cáo bằng /reporting/periods/{periodId}/commune-report)'),
      reportId: z.string().uuid().nullable(),
      status: z.enum(['none', 'draft', 'signed', 'sent', 'received']),
      dueOn: z.string().nullable(),
      sentAt: z.string().nullable(),
      isLate: z.boolean().nullable(),
      receivedAt: z.string().nullable(),
    }),
  ),
});

export const CompletenessQuery = z
  .object({
    communeId: z.string().uuid().optional(),
    provinceId: z.string().uuid().optional(),
    year: z.coerce.number().int().min(2019).max(2100),
    asOf: IsoDate.optional().describe('Ngày tính (mặc định hôm nay): chỉ các kỳ đã đến hạn được tính'),
  })
  .refine((q) => !!q.communeId !== !!q.provinceId, 'Chọn một xã hoặc một tỉnh');
const Figures = z.object({
  expected: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  completeness: z.number().nullable(),
  timeliness: z.number().nullable(),
});
export const CompletenessView = z.object({
  total: Figures,
  rows: z.array(Figures.extend({ id: z.string().uuid(), name: z.string(), kind: z.enum(['unit', 'commune']) })),
});
