import { sql } from 'kysely';
import { type Actor, can, requireActor, scopeOf } from '../../platform/access.ts';
import { audit, diff } from '../../platform/audit.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { publish } from '../../platform/events.ts';
import { ReportingRuleInput, TargetInput, TaskInput, type PlanView } from './plans.contract.ts';
import { describeTarget } from './plans.content.ts';
import * as q from './plans.queries.ts';
import { assertPlanReferences } from './plans.references.ts';

const planNotFound = () => notFound('PLAN_NOT_FOUND', 'kế hoạch');
const placeOf = (p: { provinceId: string; communeId: string }) => ({
  provinceId: p.provinceId,
  communeId: p.communeId,
});

async function getReadablePlan(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const plan = await q.findPlan(ctx.db, id);
  if (!plan || !can(actor, 'plans.read', placeOf(plan))) throw planNotFound();
  return { actor, plan };
}

async function getManageablePlan(ctx: Ctx, id: string) {
  const { actor, plan } = await getReadablePlan(ctx, id);
  if (!can(actor, 'plans.manage', placeOf(plan)))
    throw new AppError('FORBIDDEN', 'forbidden', 'Bạn không có quyền sửa kế hoạch này.');
  return { actor, plan };
}

export async function listPlans(ctx: Ctx, communeId?: string) {
  const actor = requireActor(ctx);
  const rows = await q.listPlans(ctx.db, scopeOf(actor, 'plans.read'), communeId);
  return {
    items: rows.map((r) => ({
      ...r,
      targetCount: Number(r.targetCount ?? 0),
      taskCount: Number(r.taskCount ?? 0),
      updatedAt: new Date(r.updatedAt).toISOString(),
    })),
  };
}

async function view(ctx: Ctx, actor: Actor, plan: q.PlanRow): Promise<PlanView> {
  const [content, versions] = await Promise.all([q.loadContent(ctx.db, plan), q.listVersions(ctx.db, plan.id)]);
  const manage = can(actor, 'plans.manage', placeOf(plan));
  return {
    id: plan.id,
    communeId: plan.communeId,
    communeName: plan.communeName,
    ...content.header,
    currentVersion: plan.currentVersion,
    updatedAt: new Date(plan.updatedAt).toISOString(),
    targets: content.targets,
    tasks: content.tasks,
    reporting: content.reporting,
    versions: versions.map((v) => ({
      versionNo: v.versionNo,
      createdAt: new Date(v.createdAt).toISOString(),
      createdByName: v.createdByName,
      sourceFileName: v.sourceFileName,
      note: v.note,
      summary: (v.changes as { summary?: string } | null)?.summary ?? null,
    })),
    allowedActions: manage ? ['edit', 'reimport'] : [],
  };
}

export async function getPlan(ctx: Ctx, id: string) {
  const { actor, plan } = await getReadablePlan(ctx, id);
  return view(ctx, actor, plan);
}

export async function getVersion(ctx: Ctx, id: string, versionNo: number) {
  const { plan } = await getReadablePlan(ctx, id);
  const v = await ctx.db
    .selectFrom('planVersions as v')
    .leftJoin('users as u', 'u.id', 'v.createdBy')
    .select([
      'v.versionNo',
      'v.createdAt',
      'u.fullName as createdByName',
      'v.sourceFileName',
      'v.note',
      'v.snapshot',
      'v.changes',
      'v.sourceText',
    ])
    .where('v.planId', '=', plan.id)
    .where('v.versionNo', '=', versionNo)
    .executeTakeFirst();
  if (!v) throw notFound('PLAN_VERSION_NOT_FOUND', 'phiên bản kế hoạch');
  return {
    ...v,
    createdAt: new Date(v.createdAt).toISOString(),
    summary: (v.changes as { summary?: string } | null)?.summary ?? null,
  };
}

export async function updateHeader(ctx: Ctx, id: string, header: Record<string, unknown>) {
  const { actor, plan } = await getManageablePlan(ctx, id);
  return inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('plans')
      .set({ ...header, updatedAt: sql`now()` })
      .where('id', '=', id)
      .execute();
    await audit(tx, {
      action: 'plan.updated',
      recordType: 'plan',
      recordId: id,
      summary: `Sửa thông tin chung của kế hoạch "${plan.title}"`,
      changes: diff(plan as unknown as Record<string, unknown>, header),
      ...placeOf(plan),
    });
    return view(tx, actor, (await q.findPlan(tx.db, id))!);
  });
}

/** The three item lists of a plan, edited the same way. */
const ITEMS = {
  targets: {
    table: 'planTargets',
    schema: TargetInput,
    label: 'chỉ tiêu',
    describe: (x: Record<string, unknown>) => describeTarget(x as never),
  },
  tasks: {
    table: 'planTasks',
    schema: TaskInput,
    label: 'nhiệm vụ',
    describe: (x: Record<string, unknown>) => String(x.title).slice(0, 120),
  },
  reporting: {
    table: 'planReportingRules',
    schema: ReportingRuleInput,
    label: 'quy định báo cáo',
    describe: (x: Record<string, unknown>) => `${x.cycle} ${x.deadlineText ?? ''}`.trim(),
  },
} as const;
export type ItemKind = keyof typeof ITEMS;

const toRow = (kind: ItemKind, body: Record<string, unknown>) =>
  kind === 'tasks' && body.partners !== undefined ? { ...body, partners: JSON.stringify(body.partners) } : body;

/** The ids one item names (its indicator, its lead unit), for assertPlanReferences. */
const namedInItem = (kind: ItemKind, body: Record<string, unknown>) => ({
  indicators:
    kind === 'targets' && body.indicatorId ? [{ id: String(body.indicatorId), path: 'body.indicatorId' }] : [],
  units: kind === 'tasks' && body.leadUnitId ? [{ id: String(body.leadUnitId), path: 'body.leadUnitId' }] : [],
});

export async function addItem(ctx: Ctx, id: string, kind: ItemKind, body: Record<string, unknown>) {
  const { actor, plan } = await getManageablePlan(ctx, id);
  await assertPlanReferences(ctx.db, plan, namedInItem(kind, body));
  const spec = ITEMS[kind];
  return inTransaction(ctx, async (tx) => {
    const last = await tx.db
      .selectFrom(spec.table)
      .select(sql<number>`coalesce(max(sort_order), -1)`.as('m'))
      .where('planId', '=', id)
      .executeTakeFirstOrThrow();
    const row = await tx.db
      .insertInto(spec.table)
      .values({
        ...toRow(kind, body),
        planId: id,
        provinceId: plan.provinceId,
        communeId: plan.communeId,
        sortOrder: Number(last.m) + 1,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await touch(tx, id);
    if (kind === 'targets' && body.indicatorId)
      publish(tx, { type: 'plan.targets-linked', ...placeOf(plan), planId: id }); // a target linked to a computed indicator gets its value now
    await audit(tx, {
      action: `plan.${kind}_added`,
      recordType: 'plan',
      recordId: id,
      summary: `Thêm ${spec.label}: ${spec.describe(body)}`,
      changes: { itemId: row.id, ...body },
      ...placeOf(plan),
    });
    return view(tx, actor, (await q.findPlan(tx.db, id))!);
  });
}

async function findItem(ctx: Ctx, planId: string, kind: ItemKind, itemId: string) {
  const item = await ctx.db
    .selectFrom(ITEMS[kind].table)
    .selectAll()
    .where('id', '=', itemId)
    .where('planId', '=', planId)
    .executeTakeFirst();
  if (!item) throw notFound('PLAN_ITEM_NOT_FOUND', ITEMS[kind].label);
  return item as Record<string, unknown>;
}

export async function updateItem(ctx: Ctx, id: string, kind: ItemKind, itemId: string, body: Record<string, unknown>) {
  const { actor, plan } = await getManageablePlan(ctx, id);
  const before = await findItem(ctx, id, kind, itemId);
  await assertPlanReferences(ctx.db, plan, namedInItem(kind, body));
  // The rules that tie fields together (a range needs both bounds …) hold for the merged record.
  const merged = ITEMS[kind].schema.safeParse(stripNulls({ ...before, ...body }));
  if (!merged.success) {
    const fields = merged.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message }));
    throw new AppError('VALIDATION_FAILED', 'invalid', fields[0]?.message ?? 'Dữ liệu không hợp lệ.', { fields });
  }
  return inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable(ITEMS[kind].table)
      .set({ ...toRow(kind, body), updatedAt: sql`now()` } as never)
      .where('id', '=', itemId)
      .execute();
    await touch(tx, id);
    if (kind === 'targets' && body.indicatorId && body.indicatorId !== before.indicatorId)
      publish(tx, { type: 'plan.targets-linked', ...placeOf(plan), planId: id }); // newly linked: its computed value now, not at the next write
    await audit(tx, {
      action: `plan.${kind}_updated`,
      recordType: 'plan',
      recordId: id,
      summary: `Sửa ${ITEMS[kind].label}: ${ITEMS[kind].describe({ ...before, ...body })}`,
      changes: { itemId, ...diff(before, body) },
      ...placeOf(plan),
    });
    return view(tx, actor, (await q.findPlan(tx.db, id))!);
  });
}

export async function deleteItem(ctx: Ctx, id: string, kind: ItemKind, itemId: string) {
  const { actor, plan } = await getManageablePlan(ctx, id);
  const before = await findItem(ctx, id, kind, itemId);
  return inTransaction(ctx, async (tx) => {
    await tx.db.deleteFrom(ITEMS[kind].table).where('id', '=', itemId).execute();
    await touch(tx, id);
    await audit(tx, {
      action: `plan.${kind}_deleted`,
      recordType: 'plan',
      recordId: id,
      summary: `Xóa ${ITEMS[kind].label}: ${ITEMS[kind].describe(before)}`,
      changes: { itemId, deleted: before },
      ...placeOf(plan),
    });
    return view(tx, actor, (await q.findPlan(tx.db, id))!);
  });
}

const touch = (tx: Ctx, id: string) =>
  tx.db
    .updateTable('plans')
    .set({ updatedAt: sql`now()` })
    .where('id', '=', id)
    .execute();

/** Database rows carry nulls, numeric strings and extra columns; the input schemas want the input shape. */
function stripNulls(row: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (['id', 'planId', 'provinceId', 'communeId', 'sortOrder', 'createdAt', 'updatedAt'].includes(k)) continue;
    out[k] = typeof v === 'string' && (k === 'value' || k === 'valueMax') ? Number(v) : v;
  }
  return out;
}
