/**
 * The reporting calendar (lịch báo cáo): periods generated from a plan's own reporting rules,
 * each with its NĐ 09 closing window and deadline, the units expected to report, and the
 * deadline the standing office may move. A unit's report for a period: reporting.service.ts.
 */
import { sql } from 'kysely';
import { can, requireActor } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { findNode } from '../org/index.ts';
import { deadlineFor, periodsForRule } from './reporting.periods.ts';
import * as q from './reporting.queries.ts';
import { defaultReportingUnit, isSelfReview, ruleLevel, type UnitKind } from './reporting.rules.ts';

const periodNotFound = () => notFound('REPORTING_PERIOD_NOT_FOUND', 'kỳ báo cáo');
export const placeOf = (r: { provinceId: string; communeId: string }, unitId?: string) => ({
  provinceId: r.provinceId,
  communeId: r.communeId,
  orgUnitId: unitId ?? null,
});

export async function getReadablePeriod(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const period = await q.findPeriod(ctx.db, id);
  if (!period || !can(actor, 'reports.read', placeOf(period))) throw periodNotFound();
  return { actor, period };
}

/**
 * Generates a plan's reporting calendar for a year from its own reporting rules (idempotent),
 * and gives each target without one the unit that by its duties reports it.
 */
export async function generateCalendar(ctx: Ctx, planId: string, year: number) {
  const actor = requireActor(ctx);
  const plan = await ctx.db
    .selectFrom('plans')
    .selectAll()
    .where('id', '=', planId)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  if (!plan || !can(actor, 'reports.read', placeOf(plan))) throw notFound('PLAN_NOT_FOUND', 'kế hoạch');
  if (!can(actor, 'reports.review', placeOf(plan)))
    throw new AppError('FORBIDDEN', 'forbidden', 'Chỉ bộ phận thường trực mới lập lịch báo cáo.');
  return inTransaction(ctx, async (tx) => {
    const r = await generateCalendarUnscoped(tx, plan, year);
    return { ...(await calendar(tx, plan.communeId, year)), ...r };
  });
}

interface NewPeriod {
  provinceId: string;
  communeId: string;
  planId: string;
  ruleId: string;
  level: 'unit' | 'commune';
  code: string;
  kind: 'month' | 'quarter' | 'half-year' | 'nine-month' | 'annual';
  label: string;
  startOn: string;
  endOn: string;
  closingStart: string;
  closingEnd: string;
  dueOn: string;
  deadlineText: string;
  recipient: string | null;
  legalBasis: string;
}

/** The calendar without a permission check: for the checked use case above and the demo data. */
export async function generateCalendarUnscoped(
  tx: Ctx,
  plan: { id: string; provinceId: string; communeId: string },
  year: number,
) {
  const rules = await tx.db
    .selectFrom('planReportingRules')
    .selectAll()
    .where('planId', '=', plan.id)
    .orderBy('sortOrder')
    .execute();
  const skipped: { ruleId: string; reason: string }[] = [];
  const rows: NewPeriod[] = [];
  for (const rule of rules) {
    if (rule.cycle === 'ad-hoc' || rule.day === null) {
      skipped.push({ ruleId: rule.id, reason: 'Báo cáo đột xuất hoặc không nêu ngày: không tạo kỳ định kỳ.' });
      continue;
    }
    try {
      const r = { cycle: rule.cycle, day: rule.day, month: rule.month, deadline: rule.deadlineText };
      for (const p of periodsForRule(r, year)) {
        const d = deadlineFor(r, p);
        if (!d) continue;
        rows.push({
          provinceId: plan.provinceId,
          communeId: plan.communeId,
          planId: plan.id,
          ruleId: rule.id,
          level: ruleLevel(rule),
          code: p.code,
          kind: p.kind,
          label: p.label,
          startOn: p.start,
          endOn: p.end,
          closingStart: p.closingStart,
          closingEnd: p.closingEnd,
          dueOn: d.dueDate,
          deadlineText: d.deadlineText,
          recipient: rule.recipient,
          legalBasis: p.legalBasis,
        });
      }
    } catch (e) {
      skipped.push({ ruleId: rule.id, reason: e instanceof AppError ? e.message : 'Quy định không hợp lệ.' });
    }
  }
  let added = 0;
  for (const row of rows) {
    const r = await tx.db
      .insertInto('reportingPeriods')
      .values(row)
      .onConflict((oc) => oc.columns(['planId', 'level', 'code']).doNothing())
      .executeTakeFirst();
    added += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  const units = await tx.db
    .selectFrom('orgUnits')
    .select(['id', 'unitType'])
    .where('communeId', '=', plan.communeId)
    .where('kind', '=', 'unit')
    .where('closedOn', 'is', null)
    .execute();
  const unassigned = await tx.db
    .selectFrom('planTargets')
    .select(['id', 'text', 'groupName'])
    .where('planId', '=', plan.id)
    .where('kind', '=', 'target')
    .where('reportingUnitId', 'is', null)
    .execute();
  for (const t of unassigned) {
    const unitId = defaultReportingUnit(t, units as { id: string; unitType: UnitKind | null }[]);
    if (unitId)
      await tx.db.updateTable('planTargets').set({ reportingUnitId: unitId }).where('id', '=', t.id).execute();
  }
  await audit(tx, {
    action: 'reporting.calendar_generated',
    recordType: 'plan',
    recordId: plan.id,
    summary: `Lập lịch báo cáo năm ${year}: ${added} kỳ mới, ${unassigned.length} chỉ tiêu được giao đơn vị báo cáo`,
    provinceId: plan.provinceId,
    communeId: plan.communeId,
  });
  return { added, skipped };
}

/** The commune's calendar: every period with each expected unit's status and the commune report's. */
export async function calendar(ctx: Ctx, communeId: string, year?: number) {
  const actor = requireActor(ctx);
  const commune = await findNode(ctx.db, communeId);
  if (
    !commune ||
    commune.kind !== 'commune' ||
    !can(actor, 'reports.read', { provinceId: commune.provinceId, communeId })
  )
    throw notFound('ORG_UNIT_NOT_FOUND', 'xã');
  const periods = await q.listPeriods(ctx.db, communeId, year);
  const subs = await q.submissionsOfPeriods(
    ctx.db,
    periods.map((p) => p.id),
  );
  const reports = periods.length
    ? await ctx.db
        .selectFrom('communeReports')
        .select(['id', 'periodId', 'status', 'isLate'])
        .where(
          'periodId',
          'in',
          periods.map((p) => p.id),
        )
        .execute()
    : [];
  const unitsByPlan = new Map<string, Awaited<ReturnType<typeof q.expectedUnits>>>();
  for (const planId of new Set(periods.map((p) => p.planId)))
    unitsByPlan.set(planId, await q.expectedUnits(ctx.db, planId));
  return {
    periods: periods.map((p) => ({
      id: p.id,
      planId: p.planId,
      level: p.level,
      code: p.code,
      kind: p.kind,
      label: p.label,
      startOn: p.startOn,
      endOn: p.endOn,
      closingStart: p.closingStart,
      closingEnd: p.closingEnd,
      dueOn: p.dueOn,
      deadlineText: p.deadlineText,
      recipient: p.recipient,
      legalBasis: p.legalBasis,
      units:
        p.level === 'unit'
          ? (unitsByPlan.get(p.planId) ?? []).map((u) => {
              const s = subs.find((x) => x.periodId === p.id && x.unitId === u.id);
              return {
                unitId: u.id,
                unitName: u.name,
                status: s?.status ?? ('none' as const),
                submissionId: s?.id ?? null,
                isLate: s?.isLate ?? null,
                submittedAt: s?.submittedAt ? new Date(s.submittedAt).toISOString() : null,
                reviewable:
                  s?.status === 'submitted' &&
                  can(actor, 'reports.review', { provinceId: p.provinceId, communeId: p.communeId }) &&
                  !isSelfReview(s.submittedBy, actor.userId, ctx.config.reportSeparationOfDuties),
              };
            })
          : [],
      communeReport: (() => {
        const r = reports.find((x) => x.periodId === p.id);
        return r ? { id: r.id, status: r.status, isLate: r.isLate } : null;
      })(),
    })),
  };
}

export async function updatePeriod(ctx: Ctx, id: string, body: { dueOn?: string; deadlineText?: string | null }) {
  const { actor, period } = await getReadablePeriod(ctx, id);
  if (!can(actor, 'reports.review', placeOf(period)))
    throw new AppError('FORBIDDEN', 'forbidden', 'Chỉ bộ phận thường trực mới sửa hạn báo cáo.');
  return inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('reportingPeriods')
      .set({ ...body, updatedAt: sql`now()` })
      .where('id', '=', id)
      .execute();
    await audit(tx, {
      action: 'reporting.period_updated',
      recordType: 'reporting_period',
      recordId: id,
      summary: `Sửa hạn báo cáo ${period.label}`,
      changes: { dueOn: [period.dueOn, body.dueOn ?? period.dueOn] },
      ...placeOf(period),
    });
    return (await calendar(tx, period.communeId, Number(period.startOn.slice(0, 4)))).periods.find((p) => p.id === id)!;
  });
}
