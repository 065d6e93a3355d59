/**
 * Request and response schemas of tracked tasks (nhiệm vụ). Response schemas carry no
 * .transform(): the serializer encodes with zod, and a transform cannot run backwards.
 */
import { z } from 'zod';

const Uuid = z.string().uuid('Mã định danh không hợp lệ');
/** Dates the working-day calendar covers (2021–2100). */
export const TaskDate = z
  .string()
  .regex(
    /^(20[2-9]\d|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
    'Ngày phải có dạng YYYY-MM-DD, từ năm 2021 đến 2100',
  )
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Ngày không tồn tại');
const Text = (max: number) => z.string().trim().min(1, 'Không được để trống').max(max);
const OptText = (max: number) => z.string().trim().max(max).nullable().optional();

export const TaskStatus = z
  .enum(['assigned', 'in_progress', 'submitted', 'verified', 'returned'])
  .describe('Trạng thái theo nhật ký: đã giao → đang thực hiện → chờ phê duyệt → hoàn thành | bị trả lại');
export const TaskTiming = z
  .enum(['not_started', 'on_track', 'at_risk', 'overdue', 'done', 'done_late'])
  .describe('Suy ra từ ngày và tiến độ: đúng tiến độ, có nguy cơ chậm, quá hạn, hoàn thành (đúng/trễ hạn)');
export const TaskButton = z.enum(['edit', 'progress', 'evidence', 'submit', 'verify', 'return', 'comment']);
export const TaskSource = z
  .enum(['plan', 'meeting', 'letter', 'other'])
  .describe('Nguồn: kế hoạch, kết luận cuộc họp, văn bản chỉ đạo, khác');

/**
 * "Exactly one" is checked by the service so that a list answers a stable code
 * (TASK_SECOND_LEAD / TASK_SECOND_ASSIGNEE) rather than a generic validation error.
 */
const OneId = z.union([Uuid, z.array(Uuid).max(20)]);

const MilestoneInput = z.object({ title: Text(200), dueDate: TaskDate });

/** Without defaults, so a partial edit leaves unsent lists alone. */
const TaskFieldsBase = z.object({
  title: Text(2000).describe('Rõ việc'),
  description: OptText(5000),
  groupName: OptText(300).describe('Nhóm nhiệm vụ của kế hoạch'),
  leadUnitId: OneId.describe('Đơn vị chủ trì — đúng một'),
  assigneeId: OneId.describe('Người chịu trách nhiệm — đúng một (rõ người)'),
  partnerUnitIds: z.array(Uuid).max(30).describe('Đơn vị phối hợp'),
  approverId: Uuid.describe('Người phê duyệt kết quả'),
  approvingAuthority: Text(300).describe('Thẩm quyền phê duyệt, ví dụ "Chủ tịch UBND xã" (rõ thẩm quyền)'),
  expectedProduct: Text(2000).describe('Sản phẩm, kết quả phải có (rõ kết quả)'),
  startDate: TaskDate,
  dueDate: TaskDate.describe('Hạn hoàn thành (rõ thời gian)'),
  targetIds: z.array(Uuid).max(50).describe('Chỉ tiêu kế hoạch mà nhiệm vụ phục vụ'),
});
const TaskFieldsInput = TaskFieldsBase.extend({
  partnerUnitIds: TaskFieldsBase.shape.partnerUnitIds.default([]),
  targetIds: TaskFieldsBase.shape.targetIds.default([]),
  milestones: z.array(MilestoneInput).max(60).default([]),
});

export const CreateTaskBody = TaskFieldsInput.extend({
  communeId: Uuid,
  source: z.enum(['meeting', 'letter', 'other']).describe('Nhiệm vụ phát sinh: kết luận cuộc họp, văn bản'),
  sourceRef: Text(500).describe('Số, ngày của thông báo kết luận hoặc văn bản'),
  planId: Uuid.nullable().optional(),
});
export type CreateTaskBody = z.infer<typeof CreateTaskBody>;

export const UpdateTaskBody = TaskFieldsBase.extend({
  sourceRef: OptText(500),
  expectedSeq: z.number().int().optional(),
})
  .partial()
  .refine((b) => Object.entries(b).some(([k, v]) => k !== 'expectedSeq' && v !== undefined), 'Không có gì để thay đổi');
export type UpdateTaskBody = z.infer<typeof UpdateTaskBody>;

export const MilestonesBody = z.object({
  milestones: z.array(MilestoneInput.extend({ id: Uuid.optional() })).max(60),
  expectedSeq: z.number().int().optional(),
});

const Seq = z
  .number()
  .int()
  .optional()
  .describe('Số thứ tự hành động cuối cùng người dùng đã thấy; khác thì trả 409 TASK_CHANGED');
export const ProgressBody = z.object({
  percent: z.number().int().min(0).max(100),
  note: Text(5000),
  fileIds: z.array(Uuid).max(20).default([]).describe('Minh chứng đã tải lên của nhiệm vụ này'),
  milestoneId: Uuid.optional().describe('Mốc đạt được với lần cập nhật này'),
  expectedSeq: Seq,
});
export const SubmitBody = z.object({ note: Text(5000), fileIds: z.array(Uuid).max(20).default([]), expectedSeq: Seq });
export const VerifyBody = z.object({ note: OptText(5000), expectedSeq: Seq });
export const ReturnBody = z.object({ reason: Text(5000).describe('Lý do trả lại'), expectedSeq: Seq });
export const CommentBody = z.object({ text: Text(5000).describe('Nhắc tên người khác bằng @tên_đăng_nhập') });

export const FromPlanPreviewBody = z.object({
  planId: Uuid,
  planTaskIds: z.array(Uuid).max(5000).optional().describe('Bỏ trống = mọi nhiệm vụ của kế hoạch'),
  milestones: z.enum(['yearly', 'quarterly', 'none']).default('yearly'),
});
export const FromPlanBody = z.object({
  planId: Uuid,
  approverId: Uuid,
  approvingAuthority: Text(300),
  items: z
    .array(TaskFieldsInput.omit({ approverId: true, approvingAuthority: true }).extend({ planTaskId: Uuid }))
    .min(1)
    .max(2000),
});
export type FromPlanBody = z.infer<typeof FromPlanBody>;

export const ListQuery = z.object({
  communeId: Uuid.optional().describe('Bắt buộc khi phạm vi có nhiều xã'),
  planId: Uuid.optional(),
  groupName: z.string().max(300).optional(),
  unitId: Uuid.optional().describe('Đơn vị chủ trì'),
  assigneeId: Uuid.optional(),
  year: z.coerce
    .number()
    .int()
    .min(2021)
    .max(2100)
    .optional()
    .describe('Nhiệm vụ có thời gian thực hiện giao với năm này'),
  status: TaskStatus.optional(),
  timing: TaskTiming.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: z.string().max(100).optional().describe('Con trỏ trang kế tiếp (nextCursor)'),
});
export type ListQuery = z.infer<typeof ListQuery>;
/** "Show more" of board columns: `assigned:75,submitted:50` — those columns show that many cards. */
const columnLimit = `(${TaskStatus.options.join('|')}):\\d{1,3}`;
const BoardMore = z
  .string()
  .max(200)
  .regex(
    new RegExp(`^${columnLimit}(,${columnLimit})*$`),
    'Dạng đúng: trạng thái:số thẻ, cách nhau bởi dấu phẩy (vd. assigned:75)',
  )
  .transform(
    (v) =>
      Object.fromEntries(
        v
          .split(',')
          .map((part) => part.split(':'))
          .map(([status, n]) => [status, Math.min(200, Math.max(1, Number(n)))]),
      ) as Partial<Record<z.infer<typeof TaskStatus>, number>>,
  );
export const BoardQuery = ListQuery.omit({ status: true, timing: true, after: true }).extend({
  limit: z.coerce.number().int().min(1).max(200).default(25).describe('Số thẻ tối đa mỗi cột'),
  more: BoardMore.optional().describe('Cột được xem thêm và số thẻ của nó (tối đa 200), vd. assigned:75,submitted:50'),
});
export const ScopeQuery = ListQuery.pick({
  communeId: true,
  planId: true,
  groupName: true,
  unitId: true,
  assigneeId: true,
  year: true,
});

// ——— Views ———

const Ref = z.object({ id: z.string(), name: z.string() });
export const TaskCard = z.object({
  id: z.string().uuid(),
  communeId: z.string().uuid(),
  planId: z.string().uuid().nullable(),
  groupName: z.string().nullable(),
  title: z.string(),
  source: TaskSource,
  leadUnit: Ref,
  assignee: Ref,
  startDate: z.string(),
  dueDate: z.string(),
  status: TaskStatus,
  statusLabel: z.string(),
  percent: z.number().int(),
  timing: TaskTiming,
  timingLabel: z.string(),
  overdueWorkingDays: z.number().int(),
  remainingWorkingDays: z.number().int(),
  expectedPercent: z.number().int(),
  lastSeq: z.number().int(),
  allowedActions: z.array(TaskButton).describe('Nút được phép; kéo thẻ sang cột khác = gọi đúng hành động này'),
});
export type TaskCard = z.infer<typeof TaskCard>;

export const FileView = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export const ActionView = z.object({
  seq: z.number().int(),
  kind: z.enum(['assign', 'edit', 'progress', 'evidence', 'submit', 'verify', 'return', 'comment']),
  actorId: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
  onDate: z.string(),
  percent: z.number().int().nullable(),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const MilestoneView = z.object({
  id: z.string().uuid(),
  title: z.string(),
  dueDate: z.string(),
  reachedOn: z.string().nullable(),
});

export const TaskDetail = TaskCard.extend({
  provinceId: z.string().uuid(),
  planTaskId: z.string().uuid().nullable(),
  sourceRef: z.string().nullable(),
  description: z.string().nullable(),
  approver: Ref,
  approvingAuthority: z.string(),
  expectedProduct: z.string(),
  partners: z.array(Ref),
  targets: z.array(z.object({ id: z.string(), text: z.string() })),
  milestones: z.array(MilestoneView),
  submittedOn: z.string().nullable(),
  verifiedOn: z.string().nullable(),
  files: z.array(FileView),
  actions: z.array(ActionView).describe('Nhật ký chỉ ghi thêm, cũ trước mới sau'),
  relations: z.array(z.enum(['assigner', 'approver', 'lead', 'partner', 'reader'])),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

export const TaskPage = z.object({ items: z.array(TaskCard), nextCursor: z.string().nullable() });
export const MyTasks = z.object({
  responsible: z.array(TaskCard).describe('Nhiệm vụ tôi chịu trách nhiệm, chưa hoàn thành'),
  toApprove: z.array(TaskCard).describe('Kết quả chờ tôi phê duyệt'),
  partnering: z.array(TaskCard).describe('Nhiệm vụ đơn vị tôi phối hợp, chưa hoàn thành'),
  counts: z
    .object({ responsible: z.number().int(), toApprove: z.number().int(), partnering: z.number().int() })
    .describe('Tổng số của từng phần (mỗi phần trả về tối đa `limit` việc gấp nhất)'),
});
export const MyTasksQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Số việc tối đa mỗi phần'),
});
export const Board = z.object({
  columns: z.array(
    z.object({ status: TaskStatus, label: z.string(), count: z.number().int(), items: z.array(TaskCard) }),
  ),
});
export const Timeline = z.object({
  groups: z.array(
    z.object({
      groupName: z.string().nullable(),
      tasks: z.array(TaskCard.extend({ milestones: z.array(MilestoneView) })),
    }),
  ),
});
export const OverdueList = z.object({ today: z.string(), overdue: z.array(TaskCard), atRisk: z.array(TaskCard) });

const Share = z.object({ numerator: z.number().int(), denominator: z.number().int(), percent: z.number().nullable() });
const StatRow = z.object({
  planTasks: z.number().int(),
  tasks: z.number().int(),
  tracked: Share.describe('Nhiệm vụ kế hoạch được theo dõi điện tử / nhiệm vụ kế hoạch'),
  doneOnTime: Share.describe('Hoàn thành đúng hạn / nhiệm vụ đã đến hạn hoặc đã hoàn thành'),
  overdue: Share.describe('Quá hạn / nhiệm vụ được giao'),
});
export const TaskStats = z.object({
  communeId: z.string().uuid(),
  today: z.string(),
  commune: StatRow,
  units: z.array(StatRow.extend({ unitId: z.string().uuid(), unitName: z.string() })),
});

export const PlanDraftItem = z.object({
  planTaskId: z.string().uuid(),
  title: z.string(),
  groupName: z.string().nullable(),
  leadText: z.string().nullable(),
  leadUnitId: z.string().uuid().nullable(),
  assigneeId: z.string().uuid().nullable().describe('Gợi ý: cán bộ của đơn vị chủ trì'),
  partnerUnitIds: z.array(z.string().uuid()),
  unmatchedPartners: z.array(z.string()).describe('Tên đơn vị phối hợp chưa khớp đơn vị nào của xã'),
  startDate: z.string(),
  dueDate: z.string(),
  expectedProduct: z.string(),
  milestones: z.array(z.object({ title: z.string(), dueDate: z.string() })),
  alreadyTracked: z.boolean(),
});
export const PlanDraft = z.object({
  planId: z.string().uuid(),
  approverId: z.string().uuid().nullable(),
  approvingAuthority: z.string(),
  items: z.array(PlanDraftItem),
});
export const CreatedTasks = z.object({ created: z.number().int(), items: z.array(TaskCard) });

export const TaskFileParams = z.object({ id: Uuid, fileId: Uuid });
