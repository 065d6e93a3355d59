import type { Ctx } from '../../platform/context.ts';
import { timingOf } from '../tasks/index.ts';
import type { CommuneReportDocument, ReportTaskSummary } from './document/report-document.types.ts';
import { todayVietnam } from './commune-report.compile.ts';
import { narrativeDate, taskAtDate, type TaskAtDate, type TrackedTask } from './narrative.rules.ts';

/**
 * What the reporting module reads of the tracked tasks (nhiệm vụ theo dõi điện tử): the
 * tasks module keeps each task's current state on its row, in step with its append-only
 * action log, and decides "overdue" with `timingOf`; both are reused here, never re-derived.
 */

/**
 * The plan's tracked tasks for the commune report: how many, done, done on time (verified no
 * later than the due date), overdue (the tasks module's own rule: open past the due date, not
 * waiting on an approval submitted in time), in progress; and the overdue ones by name.
 */
export async function taskSummaryForReport(
  ctx: Ctx,
  communeId: string,
  planId: string,
): Promise<{ summary: ReportTaskSummary; overdue: CommuneReportDocument['overdueTasks'] }> {
  const today = todayVietnam();
  const rows = await ctx.db
    .selectFrom('tasks as t')
    .leftJoin('orgUnits as u', 'u.id', 't.leadUnitId')
    .select([
      't.title',
      't.status',
      't.percent',
      't.startDate',
      't.dueDate',
      't.submittedOn',
      't.verifiedOn',
      'u.name as leadUnit',
    ])
    .where('t.communeId', '=', communeId)
    .where('t.planId', '=', planId)
    .execute();
  const done = rows.filter((r) => r.status === 'verified');
  const overdue = rows.filter((r) => r.status !== 'verified' && timingOf(r, today).isOverdue);
  return {
    summary: {
      total: rows.length,
      done: done.length,
      doneOnTime: done.filter((r) => r.verifiedOn !== null && r.verifiedOn <= r.dueDate).length,
      overdue: overdue.length,
      inProgress: rows.length - done.length - overdue.length,
    },
    overdue: overdue
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
      .slice(0, 30)
      .map((r) => ({ title: r.title, leadUnit: r.leadUnit, dueOn: r.dueDate })),
  };
}

/** A unit's tracked tasks of a plan grouped by the plan item they carry out (null: assigned ad hoc). */
export interface UnitTaskGroup {
  planTaskId: string | null;
  title: string;
  groupName: string | null;
  tasks: TaskAtDate[];
}

/**
 * The unit's tracked tasks of the plan as they stood at the end of the period's data-closing
 * window (or today, if that is earlier), for the prefilled narrative of its report. Tasks not
 * yet assigned or started by then, and tasks verified before the window, are left out.
 */
export async function unitTasksForPeriod(
  ctx: Ctx,
  period: { communeId: string; planId: string; closingStart: string; closingEnd: string },
  unitId: string,
): Promise<UnitTaskGroup[]> {
  const asOf = narrativeDate(period, todayVietnam());
  const rows = await ctx.db
    .selectFrom('tasks as t')
    .leftJoin('planTasks as p', 'p.id', 't.planTaskId')
    .select([
      't.id',
      't.title',
      't.planTaskId',
      't.groupName',
      't.startDate',
      't.dueDate',
      'p.title as planTaskTitle',
      'p.groupName as planGroupName',
    ])
    .where('t.communeId', '=', period.communeId)
    .where('t.planId', '=', period.planId)
    .where('t.leadUnitId', '=', unitId)
    .where('t.startDate', '<=', asOf)
    .where((eb) => eb.or([eb('t.verifiedOn', 'is', null), eb('t.verifiedOn', '>=', period.closingStart)]))
    .orderBy('t.dueDate')
    .execute();
  if (!rows.length) return [];
  const actions = await ctx.db
    .selectFrom('taskActions')
    .select(['taskId', 'seq', 'kind', 'actorId', 'onDate', 'percent', 'note'])
    .where('communeId', '=', period.communeId)
    .where(
      'taskId',
      'in',
      rows.map((r) => r.id),
    )
    .where('onDate', '<=', asOf)
    .orderBy('taskId')
    .orderBy('seq')
    .execute();
  const groups = new Map<string, UnitTaskGroup>();
  for (const r of rows) {
    const tracked: TrackedTask = {
      title: r.title,
      startDate: r.startDate,
      dueDate: r.dueDate,
      actions: actions.filter((a) => a.taskId === r.id),
    };
    const at = taskAtDate(tracked, period, asOf);
    if (!at) continue;
    const key = r.planTaskId ?? `task:${r.id}`;
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        (g = {
          planTaskId: r.planTaskId,
          title: r.planTaskId ? (r.planTaskTitle ?? r.title) : r.title,
          groupName: r.planGroupName ?? r.groupName,
          tasks: [],
        }),
      );
    g.tasks.push(at);
  }
  return [...groups.values()];
}
