/**
 * Use cases of one task: read, create ad hoc, edit, milestones, and the actions of the log
 * (progress, evidence, submit, verify, return, comment). Each write: policy first, then one
 * transaction that locks the task row, appends to the log, copies the folded state onto the
 * row, writes the audit row and queues notifications — all or nothing.
 */
import { sql } from 'kysely';
import type { Actor } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { vietnamToday } from '../calendar/index.ts';
import { notify } from '../notifications/index.ts';
import { publish } from '../../platform/events.ts';
import type {
  CommentBody,
  CreateTaskBody,
  MilestonesBody,
  ProgressBody,
  ReturnBody,
  SubmitBody,
  UpdateTaskBody,
  VerifyBody,
} from './tasks.contract.ts';
import { findOwnedFile, storeFile } from '../../platform/files.ts';
import { checkEvidenceFile } from './tasks.files.ts';
import { canAssignIn, relationsOf } from './tasks.policy.ts';
import * as q from './tasks.queries.ts';
import { applyAction, availableActions, STATUS_LABELS, type TaskActionKind, type TaskButton } from './tasks.rules.ts';
import { insertTask, validateTaskFields, type TaskFields } from './tasks.write.ts';
import { toDetail } from './tasks.views.ts';
import type { z } from 'zod';
import { requireActor } from '../../platform/access.ts';

export const taskNotFound = () => notFound('TASK_NOT_FOUND', 'nhiệm vụ');
export const todayOf = (_ctx: Ctx) => vietnamToday();
const placeOf = (t: { provinceId: string; communeId: string }) => ({
  provinceId: t.provinceId,
  communeId: t.communeId,
});
const partnerIds = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);

/** The task if the person may see it at all; otherwise 404, exactly like a task that does not exist. */
async function getVisible(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const row = await q.findTask(ctx.db, id);
  const relations = row ? relationsOf(actor, { ...row, partnerUnitIds: partnerIds(row.partnerUnitIds) }) : [];
  if (!row || relations.length === 0) throw taskNotFound();
  return { actor, row, relations };
}

export async function getTask(ctx: Ctx, id: string) {
  const { actor, row } = await getVisible(ctx, id);
  return toDetail(ctx.db, row, actor, todayOf(ctx));
}

const forbidden = (what: string) =>
  new AppError('TASK_FORBIDDEN', 'forbidden', `Bạn không có quyền ${what} nhiệm vụ này.`);

export async function createTask(ctx: Ctx, body: CreateTaskBody) {
  const actor = requireActor(ctx);
  const commune = await q.findCommune(ctx.db, body.communeId);
  if (
    !commune ||
    !commune.provinceId ||
    !canAssignIn(actor, { provinceId: commune.provinceId, communeId: commune.id })
  ) {
    if (
      commune &&
      commune.provinceId &&
      relationsOf(actor, {
        provinceId: commune.provinceId,
        communeId: commune.id,
        leadUnitId: '',
        assigneeId: '',
        approverId: '',
        partnerUnitIds: [],
      }).length
    ) {
      throw forbidden('giao');
    }
    throw notFound('COMMUNE_NOT_FOUND', 'xã');
  }
  const place = { provinceId: commune.provinceId, communeId: commune.id };
  const fields = await validateTaskFields(ctx.db, place, body);
  if (body.planId) {
    const plan = await ctx.db
      .selectFrom('plans')
      .select('id')
      .where('id', '=', body.planId)
      .where('communeId', '=', commune.id)
      .executeTakeFirst();
    if (!plan) throw notFound('PLAN_NOT_FOUND', 'kế hoạch');
  }
  const id = await inTransaction(ctx, (tx) =>
    insertTask(
      tx,
      actor,
      place,
      {
        ...fields,
        planId: body.planId ?? null,
        planTaskId: null,
        source: body.source,
        sourceRef: body.sourceRef,
        milestones: body.milestones,
      },
      todayOf(ctx),
    ),
  );
  return getTask(ctx, id);
}

/** Edits by the assigner (leader, plan officer); each edit is an 'edit' action in the log. */
export async function updateTask(ctx: Ctx, id: string, body: UpdateTaskBody) {
  const { actor, row, relations } = await getVisible(ctx, id);
  if (!relations.includes('assigner')) throw forbidden('sửa');
  const parts = await q.loadDetailParts(ctx.db, row);
  const merged: TaskFields = {
    title: body.title ?? row.title,
    description: body.description !== undefined ? body.description : row.description,
    groupName: body.groupName !== undefined ? body.groupName : row.groupName,
    leadUnitId: body.leadUnitId ?? row.leadUnitId,
    assigneeId: body.assigneeId ?? row.assigneeId,
    partnerUnitIds: body.partnerUnitIds ?? parts.partners.map((p) => p.id),
    approverId: body.approverId ?? row.approverId,
    approvingAuthority: body.approvingAuthority ?? row.approvingAuthority,
    expectedProduct: body.expectedProduct ?? row.expectedProduct,
    startDate: body.startDate ?? row.startDate,
    dueDate: body.dueDate ?? row.dueDate,
    targetIds: body.targetIds ?? parts.targets.map((t) => t.id),
    milestones: parts.milestones,
  } as never;
  const fields = await validateTaskFields(ctx.db, placeOf(row), merged);
  const before: Record<string, unknown> = {
    title: row.title,
    description: row.description,
    groupName: row.groupName,
    leadUnitId: row.leadUnitId,
    assigneeId: row.assigneeId,
    partnerUnitIds: parts.partners.map((p) => p.id).sort(),
    approverId: row.approverId,
    approvingAuthority: row.approvingAuthority,
    expectedProduct: row.expectedProduct,
    startDate: row.startDate,
    dueDate: row.dueDate,
    targetIds: parts.targets.map((t) => t.id).sort(),
    sourceRef: row.sourceRef,
  };
  const after: Record<string, unknown> = {
    ...fields,
    partnerUnitIds: [...fields.partnerUnitIds].sort(),
    targetIds: [...fields.targetIds].sort(),
    sourceRef: body.sourceRef !== undefined ? body.sourceRef : row.sourceRef,
  };
  const changes = Object.fromEntries(
    Object.keys(before)
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => [k, [before[k], after[k]]]),
  );
  if (!Object.keys(changes).length) return getTask(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await appendLocked(tx, actor, row, 'edit', body.expectedSeq, { note: null, details: { changes } });
    const { partnerUnitIds, targetIds, ...columns } = fields;
    await tx.db
      .updateTable('tasks')
      .set({ ...columns, sourceRef: after.sourceRef as string | null, updatedAt: sql`now()` })
      .where('id', '=', id)
      .execute();
    if ('partnerUnitIds' in changes) {
      await tx.db.deleteFrom('taskPartners').where('taskId', '=', id).execute();
      if (partnerUnitIds.length)
        await tx.db
          .insertInto('taskPartners')
          .values(partnerUnitIds.map((u) => ({ taskId: id, orgUnitId: u, ...placeOf(row) })))
          .execute();
    }
    if ('targetIds' in changes) {
      await tx.db.deleteFrom('taskTargets').where('taskId', '=', id).execute();
      if (targetIds.length)
        await tx.db
          .insertInto('taskTargets')
          .values(targetIds.map((t) => ({ taskId: id, planTargetId: t, ...placeOf(row) })))
          .execute();
    }
    await audit(tx, {
      action: 'task.updated',
      recordType: 'task',
      recordId: id,
      summary: `Sửa nhiệm vụ: ${row.title.slice(0, 120)}`,
      changes,
      ...placeOf(row),
    });
    if ('assigneeId' in changes) {
      await notify(tx.db, [
        {
          userId: fields.assigneeId,
          ...placeOf(row),
          kind: 'task.assigned',
          title: `Bạn được giao nhiệm vụ: ${fields.title.slice(0, 150)}`,
          body: `Hạn hoàn thành: ${fields.dueDate}. Sản phẩm: ${fields.expectedProduct}`,
          recordType: 'task',
          recordId: id,
        },
      ]);
    }
    publish(tx, { type: 'task.changed', ...placeOf(row), taskId: id, action: 'edit' }); // a new due date can make a task overdue
  });
  return getTask(ctx, id);
}

export async function replaceMilestones(ctx: Ctx, id: string, body: z.infer<typeof MilestonesBody>) {
  const { actor, row, relations } = await getVisible(ctx, id);
  if (!relations.includes('assigner')) throw forbidden('sửa mốc của');
  const outside = body.milestones.findIndex((m) => m.dueDate < row.startDate || m.dueDate > row.dueDate);
  if (outside >= 0)
    throw new AppError(
      'TASK_MILESTONE_OUTSIDE',
      'invalid',
      `Mốc "${body.milestones[outside].title}" phải nằm trong thời gian thực hiện (${row.startDate} – ${row.dueDate}).`,
      { fields: [{ path: `body.milestones.${outside}.dueDate`, message: 'Ngoài thời gian thực hiện' }] },
    );
  await inTransaction(ctx, async (tx) => {
    const old = await q.listMilestones(tx.db, [id]);
    const keep = new Map(old.map((m) => [m.id, m]));
    await appendLocked(tx, actor, row, 'edit', body.expectedSeq, {
      note: null,
      details: {
        milestones: [
          old.map((m) => ({ title: m.title, dueDate: m.dueDate })),
          body.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate })),
        ],
      },
    });
    await tx.db.deleteFrom('taskMilestones').where('taskId', '=', id).execute();
    if (body.milestones.length) {
      await tx.db
        .insertInto('taskMilestones')
        .values(
          body.milestones.map((m, i) => ({
            ...(m.id && keep.has(m.id) ? { id: m.id } : {}),
            taskId: id,
            ...placeOf(row),
            title: m.title,
            dueDate: m.dueDate,
            reachedOn: (m.id && keep.get(m.id)?.reachedOn) || null,
            sortOrder: i,
          })),
        )
        .execute();
    }
    await audit(tx, {
      action: 'task.milestones_updated',
      recordType: 'task',
      recordId: id,
      summary: `Sửa các mốc của nhiệm vụ: ${row.title.slice(0, 120)}`,
      changes: { count: [old.length, body.milestones.length] },
      ...placeOf(row),
    });
  });
  return getTask(ctx, id);
}

/**
 * Appends one action under the task's row lock: checks the person saw the latest state
 * (expectedSeq), that the action may happen now, and copies the new state onto the row.
 */
async function appendLocked(
  tx: Ctx,
  actor: Actor,
  row: q.TaskRow,
  kind: TaskActionKind,
  expectedSeq: number | undefined,
  extra: { note: string | null; percent?: number | null; details?: Record<string, unknown> },
) {
  const locked = await q.lockTask(tx.db, row.id);
  if (expectedSeq !== undefined && expectedSeq !== locked.lastSeq) {
    throw new AppError('TASK_CHANGED', 'conflict', 'Nhiệm vụ vừa được người khác cập nhật; hãy tải lại rồi thử lại.', {
      details: { lastSeq: locked.lastSeq },
    });
  }
  let submittedBy: string | null = null;
  if (kind === 'verify' || kind === 'return') {
    submittedBy =
      (
        await tx.db
          .selectFrom('taskActions')
          .select('actorId')
          .where('communeId', '=', row.communeId)
          .where('taskId', '=', row.id)
          .where('kind', '=', 'submit')
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst()
      )?.actorId ?? null;
    if (submittedBy === actor.userId)
      throw new AppError(
        'TASK_SELF_APPROVAL',
        'forbidden',
        'Người trình kết quả không tự phê duyệt hoặc trả lại kết quả của mình.',
      );
  }
  const entry = {
    seq: locked.lastSeq + 1,
    kind,
    actorId: actor.userId,
    onDate: todayOf(tx),
    percent: extra.percent ?? null,
  };
  const next = applyAction({ ...locked, submittedBy }, entry);
  await q.appendAction(
    tx.db,
    {
      ...entry,
      taskId: row.id,
      ...placeOf(row),
      actorName: actor.fullName,
      note: extra.note,
      details: extra.details ?? {},
    },
    next,
  );
  return next;
}

const BUTTON_OF: Record<'progress' | 'submit' | 'verify' | 'return' | 'comment', TaskButton> = {
  progress: 'progress',
  submit: 'submit',
  verify: 'verify',
  return: 'return',
  comment: 'comment',
};
const AUDIT_ACTION: Record<keyof typeof BUTTON_OF, string> = {
  progress: 'task.progress',
  submit: 'task.submitted',
  verify: 'task.verified',
  return: 'task.returned',
  comment: 'task.commented',
};
const WHAT: Record<keyof typeof BUTTON_OF, string> = {
  progress: 'cập nhật tiến độ',
  submit: 'trình kết quả',
  verify: 'phê duyệt',
  return: 'trả lại',
  comment: 'bình luận',
};

type ActionBody =
  | { kind: 'progress'; body: z.infer<typeof ProgressBody> }
  | { kind: 'submit'; body: z.infer<typeof SubmitBody> }
  | { kind: 'verify'; body: z.infer<typeof VerifyBody> }
  | { kind: 'return'; body: z.infer<typeof ReturnBody> }
  | { kind: 'comment'; body: z.infer<typeof CommentBody> };

/** progress · submit · verify · return · comment: the buttons of a task, one use case. */
export async function act(ctx: Ctx, id: string, a: ActionBody) {
  const { actor, row, relations } = await getVisible(ctx, id);
  // Who may press the button at all (any state): otherwise 403. Whether now: 409 below.
  const anyState = (['assigned', 'in_progress', 'submitted', 'verified', 'returned'] as const).some((status) =>
    availableActions({ status }, relations).includes(BUTTON_OF[a.kind]),
  );
  if (!anyState) throw forbidden(WHAT[a.kind]);
  const fileIds = 'fileIds' in a.body ? a.body.fileIds : [];
  const files = fileIds.length
    ? await ctx.db
        .selectFrom('files')
        .select(['id', 'fileName'])
        .where('communeId', '=', row.communeId)
        .where('ownerType', '=', 'task')
        .where('ownerId', '=', id)
        .where('id', 'in', fileIds)
        .execute()
    : [];
  if (files.length !== new Set(fileIds).size)
    throw new AppError(
      'TASK_FILE_NOT_FOUND',
      'invalid',
      'Có minh chứng không thuộc nhiệm vụ này; hãy tải tệp lên nhiệm vụ trước.',
    );
  const milestoneId = a.kind === 'progress' ? a.body.milestoneId : undefined;
  if (
    milestoneId &&
    !(await ctx.db
      .selectFrom('taskMilestones')
      .select('id')
      .where('id', '=', milestoneId)
      .where('taskId', '=', id)
      .executeTakeFirst())
  ) {
    throw notFound('TASK_MILESTONE_NOT_FOUND', 'mốc của nhiệm vụ');
  }
  const mentions = a.kind === 'comment' ? await mentionedStaff(ctx, row.communeId, a.body.text) : [];
  const note = a.kind === 'comment' ? a.body.text : a.kind === 'return' ? a.body.reason : (a.body.note ?? null);
  const expectedSeq = a.kind === 'comment' ? undefined : a.body.expectedSeq;
  await inTransaction(ctx, async (tx) => {
    const next = await appendLocked(tx, actor, row, a.kind, expectedSeq, {
      note,
      percent: a.kind === 'progress' ? a.body.percent : null,
      details: {
        ...(files.length ? { files } : {}),
        ...(milestoneId ? { milestoneId } : {}),
        ...(mentions.length ? { mentions: mentions.map((m) => m.username) } : {}),
      },
    });
    if (milestoneId)
      await tx.db
        .updateTable('taskMilestones')
        .set({ reachedOn: todayOf(tx) })
        .where('id', '=', milestoneId)
        .where('reachedOn', 'is', null)
        .execute();
    const summary = `${WHAT[a.kind][0].toUpperCase()}${WHAT[a.kind].slice(1)}: ${row.title.slice(0, 120)}${a.kind === 'progress' ? ` (${a.body.percent}%)` : ''}`;
    await audit(tx, {
      action: AUDIT_ACTION[a.kind],
      recordType: 'task',
      recordId: id,
      summary,
      changes: { status: [row.status, next.status], note },
      ...placeOf(row),
    });
    const to = (userId: string, kind: string, title: string, body: string) => ({
      userId,
      ...placeOf(row),
      kind,
      title,
      body,
      recordType: 'task',
      recordId: id,
    });
    const t = row.title.slice(0, 150);
    if (a.kind === 'submit')
      await notify(tx.db, [
        to(
          row.approverId,
          'task.submitted',
          `Chờ phê duyệt: ${t}`,
          `${actor.fullName} đã trình kết quả. ${note ?? ''}`,
        ),
      ]);
    if (a.kind === 'verify')
      await notify(tx.db, [
        to(row.assigneeId, 'task.verified', `Đã phê duyệt: ${t}`, `${actor.fullName} đã xác nhận hoàn thành.`),
      ]);
    if (a.kind === 'return')
      await notify(tx.db, [
        to(row.assigneeId, 'task.returned', `Bị trả lại: ${t}`, `${actor.fullName} trả lại với lý do: ${note}`),
      ]);
    if (a.kind === 'comment') {
      const people = new Map(mentions.map((m) => [m.id, true]));
      if (row.assigneeId !== actor.userId) people.set(row.assigneeId, true);
      people.delete(actor.userId);
      await notify(
        tx.db,
        [...people.keys()].map((u) => to(u, 'task.comment', `Bình luận mới: ${t}`, `${actor.fullName}: ${note}`)),
      );
    }
    publish(
      tx,
      a.kind === 'comment'
        ? { type: 'task.commented', ...placeOf(row), taskId: id }
        : { type: 'task.changed', ...placeOf(row), taskId: id, action: a.kind },
    );
  });
  return getTask(ctx, id);
}

/** @username mentions that name staff of the commune; others are ignored. */
async function mentionedStaff(ctx: Ctx, communeId: string, text: string) {
  const names = [
    ...new Set(
      [...text.matchAll(/(?:^|[^\w.])@([a-z0-9][a-z0-9._-]{1,60})/gi)].map((m) =>
        m[1].replace(/[.]+$/, '').toLowerCase(),
      ),
    ),
  ].slice(0, 20);
  if (!names.length) return [];
  const users = await ctx.db
    .selectFrom('users')
    .select(['id'])
    .where(sql`lower(username::text)`, 'in', names)
    .execute();
  return q.listCommuneStaff(
    ctx.db,
    communeId,
    users.map((u) => u.id),
  );
}

// ——— Evidence files (minh chứng) ———

/** Who may add evidence (the task's lead), checked before the upload is read. */
export async function assertCanUploadEvidence(ctx: Ctx, id: string) {
  const { relations } = await getVisible(ctx, id);
  if (!relations.includes('lead')) throw forbidden('tải minh chứng cho');
}

export async function uploadEvidence(ctx: Ctx, id: string, file: { fileName: string; bytes: Uint8Array }) {
  const { actor, row, relations } = await getVisible(ctx, id);
  if (!relations.includes('lead')) throw forbidden('tải minh chứng cho');
  const checked = await checkEvidenceFile(file.fileName, file.bytes, ctx.config.evidenceMaxBytes);
  return inTransaction(ctx, async (tx) => {
    const f = await storeFile(
      tx.db,
      { ...placeOf(row), ownerType: 'task', ownerId: id },
      checked,
      file.bytes,
      actor.userId,
    );
    await appendLocked(tx, actor, row, 'evidence', undefined, {
      note: null,
      details: {
        files: [{ id: f.id, fileName: checked.fileName }],
        mediaType: checked.mediaType,
        byteSize: checked.byteSize,
        sha256: checked.sha256,
      },
    });
    await audit(tx, {
      action: 'task.evidence_added',
      recordType: 'task',
      recordId: id,
      summary: `Tải minh chứng "${checked.fileName}" cho nhiệm vụ: ${row.title.slice(0, 100)}`,
      changes: { fileId: f.id, ...checked },
      ...placeOf(row),
    });
    return f;
  });
}

export async function downloadEvidence(ctx: Ctx, id: string, fileId: string) {
  const { row } = await getVisible(ctx, id);
  const f = await findOwnedFile(ctx.db, { communeId: row.communeId, ownerType: 'task', ownerId: id }, fileId);
  if (!f) throw notFound('TASK_FILE_NOT_FOUND', 'tệp minh chứng');
  return f;
}

export { STATUS_LABELS };
