/**
 * "Create tasks from plan": the plan officer turns the saved plan's items (plan_tasks) into
 * tracked tasks. Two steps, so the officer adjusts before anything is written:
 * 1. preview — lead unit from plan_tasks.lead_unit_id, partners matched by name, a suggested
 *    responsible person of the lead unit, the plan's "2026–2030" span as dates and yearly or
 *    quarterly milestones;
 * 2. create — the adjusted items, all checked first, then written in one transaction.
 */
import type { Ctx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { foldVietnamese } from '../../platform/text.ts';
import type { FromPlanBody } from './tasks.contract.ts';
import { canAssignIn, canReadIn, workUnitsOf } from './tasks.policy.ts';
import * as q from './tasks.queries.ts';
import { planMilestones, planTaskSpan, type MilestoneMode } from './tasks.rules.ts';
import { todayOf } from './tasks.service.ts';
import { toCards } from './tasks.views.ts';
import { insertTask, loadCommuneFacts, validateTaskFields } from './tasks.write.ts';
import { requireActor } from '../../platform/access.ts';

async function getAssignablePlan(ctx: Ctx, planId: string) {
  const actor = requireActor(ctx);
  const plan = await ctx.db
    .selectFrom('plans')
    .selectAll()
    .where('id', '=', planId)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  if (!plan || !canReadIn(actor, plan)) throw notFound('PLAN_NOT_FOUND', 'kế hoạch');
  if (!canAssignIn(actor, plan))
    throw new AppError('TASK_FORBIDDEN', 'forbidden', 'Bạn không có quyền giao nhiệm vụ của kế hoạch này.');
  return { actor, plan };
}

const fold = (s: string) => foldVietnamese(s).toLowerCase().replace(/\s+/g, ' ').trim();

export async function previewFromPlan(
  ctx: Ctx,
  body: { planId: string; planTaskIds?: string[]; milestones: MilestoneMode },
) {
  const { plan } = await getAssignablePlan(ctx, body.planId);
  let items = ctx.db
    .selectFrom('planTasks')
    .select(['id', 'title', 'groupName', 'leadText', 'leadUnitId', 'partners', 'fromYear', 'toYear', 'expected'])
    .where('planId', '=', plan.id)
    .orderBy('sortOrder');
  if (body.planTaskIds)
    items = items.where(
      'id',
      'in',
      body.planTaskIds.length ? body.planTaskIds : ['00000000-0000-0000-0000-000000000000'],
    );
  const [rows, units, tracked, workers, leader] = await Promise.all([
    items.execute(),
    q.listCommuneUnits(ctx.db, plan.communeId),
    ctx.db
      .selectFrom('tasks')
      .select('planTaskId')
      .where('communeId', '=', plan.communeId)
      .where('planId', '=', plan.id)
      .where('planTaskId', 'is not', null)
      .execute(),
    // People granted on a unit (unit officers), to suggest the responsible person of the lead unit.
    ctx.db
      .selectFrom('roleGrants as g')
      .innerJoin('users as u', 'u.id', 'g.userId')
      .select(['g.orgUnitId', 'u.id', 'u.username'])
      .where('g.communeId', '=', plan.communeId)
      .where('g.role', 'in', ['unit_officer', 'one_stop_officer'])
      .where('u.isDisabled', '=', false)
      .orderBy('u.username')
      .execute(),
    ctx.db
      .selectFrom('roleGrants as g')
      .innerJoin('users as u', 'u.id', 'g.userId')
      .select(['u.id'])
      .where('g.communeId', '=', plan.communeId)
      .where('g.orgUnitId', '=', plan.communeId)
      .where('g.role', '=', 'commune_leader')
      .where('u.isDisabled', '=', false)
      .orderBy('u.username')
      .executeTakeFirst(),
  ]);
  const trackedIds = new Set(tracked.map((t) => t.planTaskId));
  const byName = units.map((u) => ({ id: u.id, key: fold(u.name) }));
  const today = todayOf(ctx);
  return {
    planId: plan.id,
    approverId: leader?.id ?? null,
    approvingAuthority: 'Chủ tịch UBND xã',
    items: rows.map((r) => {
      const span = planTaskSpan(r, plan, today);
      const partnerUnitIds: string[] = [];
      const unmatchedPartners: string[] = [];
      for (const name of (r.partners as string[]) ?? []) {
        const key = fold(name);
        const unit =
          byName.find((u) => u.key === key) ?? byName.find((u) => key.includes(u.key) || u.key.includes(key));
        if (unit && unit.id !== r.leadUnitId && !partnerUnitIds.includes(unit.id)) partnerUnitIds.push(unit.id);
        else if (!unit) unmatchedPartners.push(name);
      }
      return {
        planTaskId: r.id,
        title: r.title,
        groupName: r.groupName,
        leadText: r.leadText,
        leadUnitId: r.leadUnitId,
        assigneeId: workers.find((w) => w.orgUnitId === r.leadUnitId)?.id ?? null,
        partnerUnitIds,
        unmatchedPartners,
        ...span,
        expectedProduct: r.expected ?? r.title,
        milestones: planMilestones(span.startDate, span.dueDate, body.milestones),
        alreadyTracked: trackedIds.has(r.id),
      };
    }),
  };
}

export async function createFromPlan(ctx: Ctx, body: FromPlanBody) {
  const { actor, plan } = await getAssignablePlan(ctx, body.planId);
  const place = { provinceId: plan.provinceId, communeId: plan.communeId };
  const planTasks = await ctx.db
    .selectFrom('planTasks')
    .select(['id', 'groupName'])
    .where('planId', '=', plan.id)
    .where(
      'id',
      'in',
      body.items.map((i) => i.planTaskId),
    )
    .execute();
  const groups = new Map(planTasks.map((t) => [t.id, t.groupName]));
  const facts = await loadCommuneFacts(ctx.db, plan.communeId);
  // Check every item before writing any, so one bad item changes nothing.
  const checked: Parameters<typeof insertTask>[3][] = [];
  for (const [i, item] of body.items.entries()) {
    if (!groups.has(item.planTaskId)) {
      throw new AppError('PLAN_TASK_NOT_FOUND', 'invalid', 'Nhiệm vụ không thuộc kế hoạch này.', {
        fields: [{ path: `body.items.${i}.planTaskId`, message: 'Không thuộc kế hoạch' }],
      });
    }
    const fields = await validateTaskFields(
      ctx.db,
      place,
      { ...item, approverId: body.approverId, approvingAuthority: body.approvingAuthority },
      `items.${i}.`,
      facts,
    );
    checked.push({
      ...fields,
      groupName: item.groupName ?? groups.get(item.planTaskId) ?? null,
      planId: plan.id,
      planTaskId: item.planTaskId,
      source: 'plan' as const,
      sourceRef: null,
      milestones: item.milestones,
    });
  }
  const today = todayOf(ctx);
  const ids = await inTransaction(ctx, async (tx) => {
    const out: string[] = [];
    for (const c of checked) out.push(await insertTask(tx, actor, place, c, today));
    return out;
  });
  const rows = await q.fetchCards(
    ctx.db,
    q.cardQuery(ctx.db, workUnitsOf(actor)).where('t.id', 'in', ids).orderBy('t.dueDate').orderBy('t.id'),
  );
  return { created: ids.length, items: toCards(rows, actor, today) };
}
