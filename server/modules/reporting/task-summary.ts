import type { Ctx } from '../../platform/context.ts';
import type { CommuneReportDocument, ReportTaskSummary } from './document/report-document.types.ts';
import { todayVietnam } from './commune-report.compile.ts';

/**
 * The plan's tracked tasks (nhiệm vụ theo dõi điện tử) for the report: how many, done,
 * done on time (verified no later than the due date), overdue (open past the due date), in
 * progress; and the overdue ones by name. Read from the tasks' current state columns, which
 * the tasks module keeps in step with its append-only action log.
 */
export async function taskSummaryForReport(ctx: Ctx, communeId: string, planId: string): Promise<{ summary: ReportTaskSummary; overdue: CommuneReportDocument['overdueTasks'] }> {
  const today = todayVietnam();
  const rows = await ctx.db
    .selectFrom('tasks as t')
    .leftJoin('orgUnits as u', 'u.id', 't.leadUnitId')
    .select(['t.title', 't.status', 't.dueDate', 't.verifiedOn', 'u.name as leadUnit'])
    .where('t.communeId', '=', communeId)
    .where('t.planId', '=', planId)
    .execute();
  const done = rows.filter((r) => r.status === 'verified');
  const overdue = rows.filter((r) => r.status !== 'verified' && r.dueDate < today);
  return {
    summary: {
      total: rows.length,
      done: done.length,
      doneOnTime: done.filter((r) => r.verifiedOn !== null && r.verifiedOn <= r.dueDate).length,
      overdue: overdue.length,
      inProgress: rows.length - done.length - overdue.length,
    },
    overdue: overdue.sort((a, b) => a.dueDate.localeCompare(b.dueDate)).slice(0, 30).map((r) => ({ title: r.title, leadUnit: r.leadUnit, dueOn: r.dueDate })),
  };
}
