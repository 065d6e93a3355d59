import { z } from 'zod';
import { IsoDate } from '../org/index.ts';

const Year = z.number().int().min(1990).max(2100);
const Text = (max: number) => z.string().trim().min(1).max(max);
const OptText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const Comparator = z.enum(['>=', '>', '=', '<=', '<', 'range']);
export const Cycle = z.enum(['quarterly', 'half-year', 'nine-month', 'annual', 'ad-hoc']);

export const PlanHeaderInput = z.object({
  title: Text(500),
  number: OptText(60),
  issuedOn: IsoDate.nullable()
    .optional()
    .transform((v) => v ?? null),
  periodFrom: Year.nullable()
    .optional()
    .transform((v) => v ?? null),
  periodTo: Year.nullable()
    .optional()
    .transform((v) => v ?? null),
  signerName: OptText(120),
  signerTitle: OptText(120),
});

export const TargetFields = z.object({
  groupName: OptText(300),
  text: Text(1000).describe('Điều được đo, không kèm con số'),
  kind: z.enum(['target', 'baseline']).default('target'),
  comparator: Comparator,
  value: z.number().finite(),
  valueMax: z
    .number()
    .finite()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  unit: Text(30),
  year: Year.nullable()
    .optional()
    .transform((v) => v ?? null),
  sourceLine: z
    .number()
    .int()
    .min(1)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  indicatorId: z
    .string()
    .uuid()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  indicatorLink: z
    .enum(['suggested', 'confirmed'])
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export const TargetInput = TargetFields.refine((t) => (t.comparator === 'range') === (t.valueMax !== null), {
  message: "Khoảng giá trị cần cả giá trị nhỏ và lớn; chỉ dùng valueMax với comparator 'range'",
  path: ['valueMax'],
})
  .refine((t) => t.valueMax === null || t.valueMax >= t.value, {
    message: 'Giá trị lớn phải không nhỏ hơn giá trị nhỏ',
    path: ['valueMax'],
  })
  .refine((t) => t.unit !== '%' || (t.value >= 0 && t.value <= 100 && (t.valueMax ?? 0) <= 100), {
    message: 'Tỷ lệ phần trăm phải trong khoảng 0–100',
    path: ['value'],
  })
  .refine((t) => t.indicatorLink === null || t.indicatorId !== null, {
    message: 'Cần chọn chỉ tiêu trong danh mục',
    path: ['indicatorId'],
  });

export const TaskFields = z.object({
  groupName: OptText(300),
  title: Text(2000),
  leadText: OptText(300),
  leadUnitId: z
    .string()
    .uuid()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  partners: z.array(Text(300)).max(30).default([]),
  fromYear: Year.nullable()
    .optional()
    .transform((v) => v ?? null),
  toYear: Year.nullable()
    .optional()
    .transform((v) => v ?? null),
  expected: OptText(2000),
  sourceLine: z
    .number()
    .int()
    .min(1)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export const TaskInput = TaskFields.refine((t) => t.fromYear === null || t.toYear === null || t.fromYear <= t.toYear, {
  message: 'Năm bắt đầu phải trước năm kết thúc',
  path: ['toYear'],
});

export const ReportingRuleInput = z.object({
  cycle: Cycle,
  reporter: OptText(300),
  recipient: OptText(300),
  deadlineText: OptText(300),
  day: z
    .number()
    .int()
    .min(1)
    .max(31)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  month: z
    .number()
    .int()
    .min(1)
    .max(12)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});

export const PlanContentInput = z
  .object({
    header: PlanHeaderInput,
    targets: z.array(TargetInput).max(2000),
    tasks: z.array(TaskInput).max(5000),
    reporting: z.array(ReportingRuleInput).max(100),
  })
  .refine(
    (c) => c.header.periodFrom === null || c.header.periodTo === null || c.header.periodFrom <= c.header.periodTo,
    { message: 'Giai đoạn: năm đầu phải trước năm cuối', path: ['header', 'periodTo'] },
  );
export type PlanContentInput = z.infer<typeof PlanContentInput>;

export const CommitImportBody = PlanContentInput.and(z.object({ note: OptText(500) }));

// ——— Views ———

export const TargetView = z.object({
  id: z.string().uuid(),
  groupName: z.string().nullable(),
  text: z.string(),
  kind: z.enum(['target', 'baseline']),
  comparator: Comparator,
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string(),
  year: z.number().nullable(),
  sourceLine: z.number().nullable(),
  indicatorId: z.string().uuid().nullable(),
  indicatorName: z.string().nullable(),
  indicatorLink: z.enum(['suggested', 'confirmed']).nullable(),
});
export const TaskView = z.object({
  id: z.string().uuid(),
  groupName: z.string().nullable(),
  title: z.string(),
  leadText: z.string().nullable(),
  leadUnitId: z.string().uuid().nullable(),
  leadUnitName: z.string().nullable(),
  partners: z.array(z.string()),
  fromYear: z.number().nullable(),
  toYear: z.number().nullable(),
  expected: z.string().nullable(),
  sourceLine: z.number().nullable(),
});
export const ReportingRuleView = ReportingRuleInput.extend({
  id: z.string().uuid(),
  reporter: z.string().nullable(),
  recipient: z.string().nullable(),
  deadlineText: z.string().nullable(),
  day: z.number().nullable(),
  month: z.number().nullable(),
});

export const PlanAction = z.enum(['edit', 'reimport']);
export const VersionSummary = z.object({
  versionNo: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  sourceFileName: z.string().nullable(),
  note: z.string().nullable(),
  summary: z.string().nullable().describe('Thay đổi so với phiên bản trước'),
});
export const PlanView = z.object({
  id: z.string().uuid(),
  communeId: z.string().uuid(),
  communeName: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  periodFrom: z.number().nullable(),
  periodTo: z.number().nullable(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  currentVersion: z.number().int(),
  updatedAt: z.string(),
  targets: z.array(TargetView),
  tasks: z.array(TaskView),
  reporting: z.array(ReportingRuleView),
  versions: z.array(VersionSummary),
  allowedActions: z.array(PlanAction),
});
export type PlanView = z.infer<typeof PlanView>;

export const PlanSummary = z.object({
  id: z.string().uuid(),
  communeId: z.string().uuid(),
  communeName: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  periodFrom: z.number().nullable(),
  periodTo: z.number().nullable(),
  currentVersion: z.number().int(),
  targetCount: z.number().int(),
  taskCount: z.number().int(),
  updatedAt: z.string(),
});
export const PlanList = z.object({ items: z.array(PlanSummary) });
export const ListPlansQuery = z.object({ communeId: z.string().uuid().optional() });

/** Response schemas carry no transforms: the serializer encodes with zod, and a transform cannot run backwards. */
export const PlanHeaderView = z.object({
  title: z.string(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  periodFrom: z.number().nullable(),
  periodTo: z.number().nullable(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
});
const Suggestion = z
  .object({ indicatorId: z.string().uuid(), indicatorName: z.string(), score: z.number() })
  .nullable();
export const ImportView = z.object({
  id: z.string().uuid(),
  communeId: z.string().uuid(),
  communeName: z.string(),
  planId: z.string().uuid().nullable().describe('Kế hoạch được nhập lại (phiên bản mới), nếu có'),
  fileName: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  warnings: z.array(z.string()),
  status: z.enum(['draft', 'committed', 'discarded']),
  lines: z.array(z.string()).describe('Văn bản nguồn, từng dòng; số dòng của mỗi mục trỏ vào đây'),
  extraction: z
    .object({
      header: PlanHeaderView,
      targets: z.array(z.any()),
      tasks: z.array(z.any()),
      reporting: z.array(z.any()),
    })
    .describe('Kết quả đọc tự động, kèm gợi ý liên kết danh mục (suggestion) và đơn vị chủ trì'),
  suggestions: z.array(Suggestion).describe('Gợi ý chỉ tiêu danh mục cho từng chỉ tiêu của extraction.targets'),
  review: z.any().nullable().describe('Bản rà soát đang làm dở (tự lưu)'),
  createdAt: z.string(),
});
export type ImportView = z.infer<typeof ImportView>;

export const PassageBody = z.object({
  text: Text(20_000),
  firstLine: z.number().int().min(1),
  kind: z.enum(['target', 'task']),
  groupName: OptText(300),
  year: Year.nullable()
    .optional()
    .transform((v) => v ?? null),
});
export const PassageResult = z.object({
  targets: z.array(z.any()),
  tasks: z.array(z.any()),
  suggestions: z.array(Suggestion).describe('Gợi ý chỉ tiêu danh mục cho từng chỉ tiêu tìm được'),
});
export const DraftList = z.object({
  items: z.array(
    z.object({
      id: z.string().uuid(),
      communeId: z.string().uuid(),
      communeName: z.string(),
      planId: z.string().uuid().nullable(),
      fileName: z.string(),
      createdAt: z.string(),
      updatedAt: z.string(),
      createdByName: z.string().nullable(),
    }),
  ),
});

export const ItemParams = z.object({ id: z.string().uuid(), itemId: z.string().uuid() });
export const VersionParams = z.object({ id: z.string().uuid(), versionNo: z.coerce.number().int().min(1) });
export const VersionView = VersionSummary.extend({
  snapshot: z.any(),
  changes: z.any().nullable(),
  sourceText: z.string().nullable(),
});
