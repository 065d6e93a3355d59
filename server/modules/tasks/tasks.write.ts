/**
 * Checking and inserting a task's "6 rõ" fields — shared by ad-hoc tasks and tasks created
 * from a plan. Checks that need the database (units and people of the commune, targets of
 * its plans) live here; the messages are Vietnamese with stable codes.
 */
import type { Actor } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/index.ts';
import { publish } from '../../platform/events.ts';
import * as q from './tasks.queries.ts';
import { applyAction } from './tasks.rules.ts';
import type { TaskSource } from './tasks.tables.ts';

export interface TaskFieldsInput {
  title: string;
  description?: string | null;
  groupName?: string | null;
  leadUnitId: string | string[];
  assigneeId: string | string[];
  partnerUnitIds: string[];
  approverId: string;
  approvingAuthority: string;
  expectedProduct: string;
  startDate: string;
  dueDate: string;
  targetIds: string[];
  milestones?: { title: string; dueDate: string }[];
}
export interface TaskFields extends Omit<
  TaskFieldsInput,
  'leadUnitId' | 'assigneeId' | 'milestones' | 'description' | 'groupName'
> {
  leadUnitId: string;
  assigneeId: string;
  description: string | null;
  groupName: string | null;
}

const invalid = (code: string, message: string, path: string) =>
  new AppError(code, 'invalid', message, { fields: [{ path: `body.${path}`, message }] });

function exactlyOne(v: string | string[], code: string, message: string, path: string): string {
  if (typeof v === 'string') return v;
  if (v.length === 1) return v[0];
  throw invalid(code, message, path);
}

/** Pure checks of one task's fields; `at` prefixes field paths (items.3.dueDate). */
export function checkShape(f: TaskFieldsInput, at = ''): { leadUnitId: string; assigneeId: string } {
  const leadUnitId = exactlyOne(
    f.leadUnitId,
    'TASK_SECOND_LEAD',
    'Mỗi nhiệm vụ có đúng một đơn vị chủ trì; các đơn vị khác là đơn vị phối hợp.',
    `${at}leadUnitId`,
  );
  const assigneeId = exactlyOne(
    f.assigneeId,
    'TASK_SECOND_ASSIGNEE',
    'Mỗi nhiệm vụ có đúng một người chịu trách nhiệm chính (rõ người).',
    `${at}assigneeId`,
  );
  if (f.dueDate < f.startDate)
    throw invalid(
      'TASK_DUE_BEFORE_START',
      `Hạn hoàn thành (${f.dueDate}) không được trước ngày bắt đầu (${f.startDate}).`,
      `${at}dueDate`,
    );
  if (f.partnerUnitIds.includes(leadUnitId))
    throw invalid('TASK_LEAD_IS_PARTNER', 'Đơn vị chủ trì không đồng thời là đơn vị phối hợp.', `${at}partnerUnitIds`);
  if (new Set(f.partnerUnitIds).size !== f.partnerUnitIds.length)
    throw invalid('TASK_PARTNER_REPEATED', 'Một đơn vị phối hợp được chọn hai lần.', `${at}partnerUnitIds`);
  const i = (f.milestones ?? []).findIndex((m) => m.dueDate < f.startDate || m.dueDate > f.dueDate);
  if (i >= 0)
    throw invalid(
      'TASK_MILESTONE_OUTSIDE',
      `Mốc "${f.milestones![i].title}" phải nằm trong thời gian thực hiện (${f.startDate} – ${f.dueDate}).`,
      `${at}milestones.${i}.dueDate`,
    );
  return { leadUnitId, assigneeId };
}

/** What the database must confirm for a batch: units, people and targets belong to the commune. */
export async function loadCommuneFacts(db: Db, communeId: string) {
  const units = await q.listCommuneUnits(db, communeId);
  return { units: new Map(units.map((u) => [u.id, u])) };
}

export async function validateTaskFields(
  db: Db,
  place: { provinceId: string; communeId: string },
  f: TaskFieldsInput,
  at = '',
  facts?: Awaited<ReturnType<typeof loadCommuneFacts>>,
): Promise<TaskFields> {
  const { leadUnitId, assigneeId } = checkShape(f, at);
  const { units } = facts ?? (await loadCommuneFacts(db, place.communeId));
  if (!units.has(leadUnitId))
    throw invalid(
      'TASK_UNIT_NOT_IN_COMMUNE',
      'Đơn vị chủ trì không phải đơn vị đang hoạt động của xã.',
      `${at}leadUnitId`,
    );
  const p = f.partnerUnitIds.findIndex((u) => !units.has(u));
  if (p >= 0)
    throw invalid(
      'TASK_UNIT_NOT_IN_COMMUNE',
      'Đơn vị phối hợp không phải đơn vị đang hoạt động của xã.',
      `${at}partnerUnitIds.${p}`,
    );
  const staff = new Set(
    (await q.listCommuneStaff(db, place.communeId, [...new Set([assigneeId, f.approverId])])).map((u) => u.id),
  );
  if (!staff.has(assigneeId))
    throw invalid(
      'TASK_PERSON_NOT_IN_COMMUNE',
      'Người chịu trách nhiệm phải là cán bộ của xã, tài khoản đang hoạt động.',
      `${at}assigneeId`,
    );
  if (!staff.has(f.approverId))
    throw invalid(
      'TASK_PERSON_NOT_IN_COMMUNE',
      'Người phê duyệt phải là cán bộ của xã, tài khoản đang hoạt động.',
      `${at}approverId`,
    );
  if (f.targetIds.length) {
    const found = await db
      .selectFrom('planTargets as pt')
      .innerJoin('plans as p', 'p.id', 'pt.planId')
      .select('pt.id')
      .where('pt.communeId', '=', place.communeId)
      .where('p.archivedAt', 'is', null)
      .where('pt.id', 'in', f.targetIds)
      .execute();
    if (found.length !== new Set(f.targetIds).size)
      throw invalid('TASK_TARGET_NOT_FOUND', 'Có chỉ tiêu không thuộc kế hoạch của xã.', `${at}targetIds`);
  }
  return {
    title: f.title,
    description: f.description ?? null,
    groupName: f.groupName ?? null,
    leadUnitId,
    assigneeId,
    partnerUnitIds: f.partnerUnitIds,
    approverId: f.approverId,
    approvingAuthority: f.approvingAuthority,
    expectedProduct: f.expectedProduct,
    startDate: f.startDate,
    dueDate: f.dueDate,
    targetIds: [...new Set(f.targetIds)],
  };
}

/** Inserts a checked task with its partners, targets, milestones and the first action of its log. */
export async function insertTask(
  tx: Ctx,
  actor: Actor,
  place: { provinceId: string; communeId: string },
  f: TaskFields & {
    planId: string | null;
    planTaskId: string | null;
    source: TaskSource;
    sourceRef: string | null;
    milestones: { title: string; dueDate: string }[];
  },
  today: string,
): Promise<string> {
  const { partnerUnitIds, targetIds, milestones, ...columns } = f;
  const state = applyAction(null, { seq: 1, kind: 'assign', actorId: actor.userId, onDate: today, percent: null });
  const { id } = await tx.db
    .insertInto('tasks')
    .values({ ...place, ...columns, status: state.status, percent: 0, lastSeq: 0, createdBy: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (partnerUnitIds.length)
    await tx.db
      .insertInto('taskPartners')
      .values(partnerUnitIds.map((u) => ({ taskId: id, orgUnitId: u, ...place })))
      .execute();
  if (targetIds.length)
    await tx.db
      .insertInto('taskTargets')
      .values(targetIds.map((t) => ({ taskId: id, planTargetId: t, ...place })))
      .execute();
  if (milestones.length)
    await tx.db
      .insertInto('taskMilestones')
      .values(
        milestones.map((m, i) => ({
          taskId: id,
          ...place,
          title: m.title,
          dueDate: m.dueDate,
          reachedOn: null,
          sortOrder: i,
        })),
      )
      .execute();
  await q.appendAction(
    tx.db,
    {
      seq: 1,
      kind: 'assign',
      actorId: actor.userId,
      onDate: today,
      percent: null,
      taskId: id,
      ...place,
      actorName: actor.fullName,
      note: null,
      details: { source: f.source, sourceRef: f.sourceRef, planTaskId: f.planTaskId },
    },
    state,
  );
  await audit(tx, {
    action: 'task.created',
    recordType: 'task',
    recordId: id,
    summary: `Giao nhiệm vụ: ${f.title.slice(0, 150)}`,
    changes: { ...columns, partnerUnitIds, targetIds, milestones: milestones.length },
    ...place,
  });
  await notify(tx.db, [
    {
      userId: f.assigneeId,
      ...place,
      kind: 'task.assigned',
      title: `Bạn được giao nhiệm vụ: ${f.title.slice(0, 150)}`,
      body: `Hạn hoàn thành: ${f.dueDate}. Sản phẩm: ${f.expectedProduct}. Thẩm quyền phê duyệt: ${f.approvingAuthority}.`,
      recordType: 'task',
      recordId: id,
    },
  ]);
  publish(tx, { type: 'task.created', ...place, taskId: id });
  return id;
}
