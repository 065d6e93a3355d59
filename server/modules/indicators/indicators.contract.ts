import { z } from 'zod';

export const IndicatorDomain = z.enum([
  'digital_government',
  'digital_economy',
  'digital_society',
  'infrastructure',
  'other',
]);

export const IndicatorView = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  domain: IndicatorDomain,
  description: z.string().nullable(),
  numerator: z.string().nullable().describe('Tử số của công thức, khi biết'),
  denominator: z.string().nullable().describe('Mẫu số của công thức, khi biết'),
  source: z.string().nullable().describe('Căn cứ (văn bản quy định chỉ tiêu)'),
  aliases: z.array(z.string()).describe('Các cách gọi khác trong kế hoạch, dùng để gợi ý liên kết'),
  provinceId: z.string().uuid().nullable(),
  mergedIntoId: z.string().uuid().nullable(),
  targetCount: z.number().int().describe('Số chỉ tiêu kế hoạch đang liên kết'),
  editable: z
    .boolean()
    .describe('Người xem được sửa, gộp mục này (chỉ tiêu dùng chung: cấp quốc gia; chỉ tiêu riêng: tỉnh đó)'),
});
export type IndicatorView = z.infer<typeof IndicatorView>;

export const ListIndicatorsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  domain: IndicatorDomain.optional(),
  includeMerged: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export const IndicatorList = z.object({ items: z.array(IndicatorView) });

const Text = (max: number) => z.string().trim().min(1).max(max);
export const CreateIndicatorBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9._-]{1,30}$/, 'Mã gồm chữ in hoa, số, dấu chấm, gạch'),
  name: Text(300),
  unit: Text(30),
  domain: IndicatorDomain.default('other'),
  description: Text(2000).nullable().optional(),
  numerator: Text(300).nullable().optional(),
  denominator: Text(300).nullable().optional(),
  source: Text(300).nullable().optional(),
  aliases: z.array(Text(300)).max(50).default([]),
});
export const UpdateIndicatorBody = CreateIndicatorBody.omit({ code: true })
  .partial()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'Không có gì để thay đổi');
export const MergeIndicatorBody = z.object({
  intoId: z.string().uuid().describe('Chỉ tiêu giữ lại; các liên kết chuyển sang chỉ tiêu này'),
});

export const ScoringRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ratio'), threshold: z.number().positive().max(100) }),
  z.object({
    kind: z.literal('steps'),
    steps: z
      .array(z.object({ min: z.number(), points: z.number().min(0) }))
      .min(1)
      .max(20),
  }),
]);
export const CriterionInput = z.object({
  groupName: Text(200),
  code: Text(30),
  name: Text(500),
  maxPoints: z.number().min(0).max(1000),
  scoring: ScoringRuleSchema,
  evidence: Text(1000).nullable().optional(),
  indicatorId: z.string().uuid().nullable().optional(),
});
export const CreateCriteriaSetBody = z.object({
  provinceId: z.string().uuid(),
  name: Text(300),
  year: z.number().int().min(2020).max(2100).nullable().optional(),
  legalBasis: Text(500).nullable().optional(),
  criteria: z.array(CriterionInput).min(1).max(500),
});
export const CriteriaSetView = z.object({
  id: z.string().uuid(),
  provinceId: z.string().uuid(),
  name: z.string(),
  year: z.number().int().nullable(),
  legalBasis: z.string().nullable(),
  maxPoints: z.number(),
  criteria: z.array(
    CriterionInput.extend({
      id: z.string().uuid(),
      evidence: z.string().nullable(),
      indicatorId: z.string().nullable(),
    }),
  ),
});
export const CriteriaSetList = z.object({
  items: z.array(CriteriaSetView.omit({ criteria: true }).extend({ criterionCount: z.number().int() })),
});
