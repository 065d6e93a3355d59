/**
 * The read side: a list, "my tasks", the unit board, the timeline, the leader's overdue and
 * at-risk list, the figures that feed the plan, and the .xlsx export — each one call.
 * Everything is limited to a commune the person may read; another commune answers 404.
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { requireActor, scopeOf } from '../../platform/access.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { formatViDate } from '../calendar/index.ts';
import type { ListQuery } from './tasks.contract.ts';
import { canReadIn, workUnitsOf } from './tasks.policy.ts';
import * as q from './tasks.queries.ts';
import type { TaskStatus } from './tasks.tables.ts';
import { BOARD_COLUMNS, OPEN_STATUSES, STATUS_LABELS, TIMING_LABELS, type TaskTiming } from './tasks.rules.ts';
import { todayOf } from './tasks.service.ts';
import { counterForRows, toCard, toCards } from './tasks.views.ts';
import { loadExcel } from '../../platform/lazy-libs.ts';

type Filter = Omit<ListQuery, 'limit' | 'after' | 'timing' | 'status'> & { status?: ListQuery['status'] };

/** The commune asked for, or the person's only one; another commune answers 404. */
async function resolveCommune(ctx: Ctx, communeId?: string) {
  const actor = requireActor(ctx);
  if (!communeId) {
    const scope = scopeOf(actor, 'tasks.read');
    const ids = [...new Set(scope.communeIds)];
    if (scope.all || scope.provinceIds.length || ids.length !== 1) {
      throw new AppError('TASK_COMMUNE_REQUIRED', 'invalid', 'Hãy chọn xã (communeId) để xem nhiệm vụ.', {
        fields: [{ path: 'querystring.communeId', message: 'Cần chọn xã' }],
      });
    }
    communeId = ids[0];
  }
  const commune = await q.findCommune(ctx.db, communeId);
  if (!commune?.provinceId || !canReadIn(actor, { provinceId: commune.provinceId, communeId: commune.id }))
    throw notFound('COMMUNE_NOT_FOUND', 'xã');
  return { actor, commune: { id: commune.id, provinceId: commune.provinceId, name: commune.fullName } };
}

const filterOf = (f: Filter, communeId: string): q.TaskFilter => ({
  communeId,
  planId: f.planId,
  groupName: f.groupName,
  unitId: f.unitId,
  assigneeId: f.assigneeId,
  year: f.year,
  status: f.status,
});
const cursorOf = (r: { dueDate: string; id: string }) => Buffer.from(`${r.dueDate}|${r.id}`).toString('base64url');
function parseCursor(c: string) {
  const [dueDate, id] = Buffer.from(c, 'base64url').toString().split('|');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate ?? '') || !/^[0-9a-f-]{36}$/.test(id ?? ''))
    throw new AppError('CURSOR_INVALID', 'invalid', 'Con trỏ trang không hợp lệ.');
  return { dueDate, id };
}

/**
 * The timings that SQL can decide from dates alone (they mirror timingOf); at_risk and
 * on_track need working days, so SQL narrows to open, not-overdue tasks and the page is
 * filtered after (the cursor still follows the rows read).
 */
function timingWhere(timing: TaskTiming, today: string) {
  const overdue = sql<boolean>`(t.status <> 'verified' and t.due_date < ${today} and not (t.status = 'submitted' and t.submitted_on <= t.due_date))`;
  switch (timing) {
    case 'overdue':
      return overdue;
    case 'done':
      return sql<boolean>`(t.status = 'verified' and (t.submitted_on is null or t.submitted_on <= t.due_date))`;
    case 'done_late':
      return sql<boolean>`(t.status = 'verified' and t.submitted_on > t.due_date)`;
    case 'not_started':
      return sql<boolean>`(t.status <> 'verified' and t.start_date > ${today})`;
    default:
      return sql<boolean>`(t.status <> 'verified' and not ${overdue} and t.start_date <= ${today})`;
  }
}

export async function listTasks(ctx: Ctx, f: ListQuery) {
  const { actor, commune } = await resolveCommune(ctx, f.communeId);
  const today = todayOf(ctx);
  let query = q
    .applyFilter(q.cardQuery(ctx.db, workUnitsOf(actor)), filterOf(f, commune.id))
    .orderBy('t.dueDate')
    .orderBy('t.id')
    .limit(f.limit + 1);
  if (f.timing) query = query.where(timingWhere(f.timing, today));
  if (f.after) {
    const c = parseCursor(f.after);
    query = query.where((eb) =>
      eb.or([eb('t.dueDate', '>', c.dueDate), eb.and([eb('t.dueDate', '=', c.dueDate), eb('t.id', '>', c.id)])]),
    );
  }
  const rows = await q.fetchCards(ctx.db, query);
  const page = rows.slice(0, f.limit);
  let items = toCards(page, actor, today);
  if (f.timing) items = items.filter((c) => c.timing === f.timing);
  return { items, nextCursor: rows.length > f.limit ? cursorOf(page[page.length - 1]) : null };
}

/**
 * "My tasks": what I answer for, what waits for my approval, what my unit partners on — the
 * `limit` most urgent of each (by due date) with each section's full count.
 */
export async function myTasks(ctx: Ctx, limit = 50) {
  const actor = requireActor(ctx);
  const today = todayOf(ctx);
  const read = scopeOf(actor, 'tasks.read');
  const approve = scopeOf(actor, 'tasks.approve');
  const units = workUnitsOf(actor);
  const inScope = <Q extends SelectQueryBuilder<any, 't', any>>(query: Q) =>
    (read.all
      ? query
      : query.where((eb: ExpressionBuilder<any, 't'>) =>
          eb.or([
            ...(read.communeIds.length ? [eb('t.communeId', 'in', read.communeIds)] : []),
            ...(read.provinceIds.length ? [eb('t.provinceId', 'in', read.provinceIds)] : []),
            eb.val(false),
          ]),
        )) as Q;
  const responsible = sql<boolean>`(t.assignee_id = ${actor.userId} and t.status <> 'verified')`;
  const toApprove = sql<boolean>`(t.status = 'submitted' and (t.approver_id = ${actor.userId} or ${approve.all} or t.commune_id = any(${approve.communeIds.length ? approve.communeIds : ['00000000-0000-0000-0000-000000000000']}::uuid[])))`;
  const partnering = units.length
    ? sql<boolean>`(t.status <> 'verified' and exists (select 1 from task_partners p where p.task_id = t.id and p.org_unit_id = any(${units}::uuid[])))`
    : sql<boolean>`false`;
  const section = (where: typeof responsible, order: 'dueDate' | 'submittedOn') =>
    q.fetchCards(
      ctx.db,
      inScope(q.cardQuery(ctx.db, units)).where(where).orderBy(`t.${order}`).orderBy('t.id').limit(limit),
    );
  const [r, a, p, counts] = await Promise.all([
    section(responsible, 'dueDate'),
    section(toApprove, 'submittedOn'),
    units.length ? section(partnering, 'dueDate') : Promise.resolve([]),
    inScope(ctx.db.selectFrom('tasks as t'))
      .select([
        sql<number>`count(*) filter (where ${responsible})`.as('responsible'),
        sql<number>`count(*) filter (where ${toApprove})`.as('toApprove'),
        sql<number>`count(*) filter (where ${partnering})`.as('partnering'),
      ])
      .where((eb) =>
        eb.or([
          eb('t.assigneeId', '=', actor.userId),
          eb('t.status', '=', 'submitted'),
          ...(units.length ? [eb('t.status', '<>', 'verified')] : []),
        ]),
      )
      .executeTakeFirstOrThrow(),
  ]);
  const counter = counterForRows([...r, ...a, ...p], today);
  const cards = (rows: q.CardRow[]) => rows.map((row) => toCard(row, actor, today, counter));
  return {
    responsible: cards(r),
    toApprove: cards(a),
    partnering: cards(p),
    counts: {
      responsible: Number(counts.responsible),
      toApprove: Number(counts.toApprove),
      partnering: Number(counts.partnering),
    },
  };
}

/** The board: one column per status, each with its count and its first `limit` cards. */
export async function board(ctx: Ctx, f: Filter & { limit: number; more?: Partial<Record<TaskStatus, number>> }) {
  const { actor, commune } = await resolveCommune(ctx, f.communeId);
  const today = todayOf(ctx);
  // Rank on the task rows alone, then build cards for the few that show.
  const ranked = q
    .applyFilter(ctx.db.selectFrom('tasks as t'), filterOf(f, commune.id))
    .select([
      't.id',
      sql<number>`row_number() over (partition by t.status collate "C" order by case when t.status = 'verified' then t.verified_on end desc nulls last, t.due_date, t.id)`.as(
        'rn',
      ),
    ]);
  const [rows, counts] = await Promise.all([
    q.fetchCards(
      ctx.db,
      q
        .cardQuery(ctx.db, workUnitsOf(actor))
        .innerJoin(ranked.as('r'), 'r.id', 't.id')
        .where((eb) => {
          // A column shown with "show more" keeps its own count of cards; the others keep `limit`.
          const more = Object.entries(f.more ?? {}) as [TaskStatus, number][];
          if (!more.length) return eb('r.rn', '<=', f.limit);
          return eb.or([
            ...more.map(([status, n]) => eb.and([eb('t.status', '=', status), eb('r.rn', '<=', n)])),
            eb.and([
              eb(
                't.status',
                'not in',
                more.map(([status]) => status),
              ),
              eb('r.rn', '<=', f.limit),
            ]),
          ]);
        })
        .orderBy('r.rn'),
    ),
    q
      .applyFilter(ctx.db.selectFrom('tasks as t'), filterOf(f, commune.id))
      .select(['t.status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('t.status')
      .execute(),
  ]);
  const cards = toCards(rows, actor, today);
  return {
    columns: BOARD_COLUMNS.map((status) => ({
      status,
      label: STATUS_LABELS[status],
      count: Number(counts.find((c) => c.status === status)?.n ?? 0),
      items: cards.filter((c) => c.status === status),
    })),
  };
}

/** Timeline (Gantt) data: tasks with their milestones, grouped by the plan's task groups. */
export async function timeline(ctx: Ctx, f: Filter) {
  const { actor, commune } = await resolveCommune(ctx, f.communeId);
  const today = todayOf(ctx);
  const rows = await q.fetchCards(
    ctx.db,
    q
      .applyFilter(q.cardQuery(ctx.db, workUnitsOf(actor)), filterOf(f, commune.id))
      .orderBy('t.groupName')
      .orderBy('t.startDate')
      .orderBy('t.id')
      .limit(5000),
  );
  const milestones = await q.listMilestones(
    ctx.db,
    rows.map((r) => r.id),
  );
  const byTask = new Map<string, typeof milestones>();
  for (const m of milestones) byTask.set(m.taskId, [...(byTask.get(m.taskId) ?? []), m]);
  const groups = new Map<string | null, ReturnType<typeof toCards>>();
  const cards = toCards(rows, actor, today);
  for (const c of cards) groups.set(c.groupName, [...(groups.get(c.groupName) ?? []), c]);
  return {
    groups: [...groups.entries()].map(([groupName, tasks]) => ({
      groupName,
      tasks: tasks.map((t) => ({
        ...t,
        milestones: (byTask.get(t.id) ?? []).map((m) => ({
          id: m.id,
          title: m.title,
          dueDate: m.dueDate,
          reachedOn: m.reachedOn,
        })),
      })),
    })),
  };
}

/** The leader's list: overdue (longest first) and at risk (furthest behind first). */
export async function overdueList(ctx: Ctx, f: Filter) {
  const { actor, commune } = await resolveCommune(ctx, f.communeId);
  const today = todayOf(ctx);
  const rows = await q.fetchCards(
    ctx.db,
    q
      .applyFilter(q.cardQuery(ctx.db, workUnitsOf(actor)), filterOf(f, commune.id))
      .where('t.status', '<>', 'verified')
      .where((eb) =>
        eb.or([
          eb('t.dueDate', '<', today),
          eb.and([eb('t.status', 'in', OPEN_STATUSES), eb('t.startDate', '<=', today)]),
        ]),
      )
      .limit(20_000),
  );
  const cards = toCards(rows, actor, today);
  return {
    today,
    overdue: cards
      .filter((c) => c.timing === 'overdue')
      .sort((a, b) => b.overdueWorkingDays - a.overdueWorkingDays || a.dueDate.localeCompare(b.dueDate))
      .slice(0, 500),
    atRisk: cards
      .filter((c) => c.timing === 'at_risk')
      .sort((a, b) => b.expectedPercent - b.percent - (a.expectedPercent - a.percent))
      .slice(0, 500),
  };
}

const share = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  percent: denominator ? Math.round((1000 * numerator) / denominator) / 10 : null,
});

/**
 * Figures that feed the plan's indicators: share of plan tasks tracked electronically, done on
 * time, overdue — for the commune and per lead unit. Overdue here is timingOf's overdue in SQL.
 */
export async function stats(ctx: Ctx, f: { communeId?: string; year?: number }) {
  const { commune } = await resolveCommune(ctx, f.communeId);
  const today = todayOf(ctx);
  let tasks = ctx.db.selectFrom('tasks as t').where('t.communeId', '=', commune.id);
  if (f.year) tasks = tasks.where('t.startDate', '<=', `${f.year}-12-31`).where('t.dueDate', '>=', `${f.year}-01-01`);
  const [taskRows, planRows, units] = await Promise.all([
    tasks
      .select([
        't.leadUnitId as unitId',
        (eb) => eb.fn.countAll<number>().as('tasks'),
        sql<number>`count(*) filter (where t.status = 'verified' and (t.submitted_on is null or t.submitted_on <= t.due_date))`.as(
          'onTime',
        ),
        sql<number>`count(*) filter (where t.status = 'verified' or t.due_date < ${today})`.as('due'),
        sql<number>`count(*) filter (where t.status <> 'verified' and t.due_date < ${today} and not (t.status = 'submitted' and t.submitted_on <= t.due_date))`.as(
          'overdue',
        ),
      ])
      .groupBy('t.leadUnitId')
      .execute(),
    ctx.db
      .selectFrom('planTasks as k')
      .innerJoin('plans as p', 'p.id', 'k.planId')
      .where('k.communeId', '=', commune.id)
      .where('p.archivedAt', 'is', null)
      .select([
        'k.leadUnitId as unitId',
        (eb) => eb.fn.countAll<number>().as('planTasks'),
        sql<number>`count(*) filter (where exists (select 1 from tasks x where x.commune_id = k.commune_id and x.plan_task_id = k.id))`.as(
          'tracked',
        ),
      ])
      .groupBy('k.leadUnitId')
      .execute(),
    q.listCommuneUnits(ctx.db, commune.id),
  ]);
  const row = (t?: (typeof taskRows)[number], p?: (typeof planRows)[number]) => {
    const n = (v: unknown) => Number(v ?? 0);
    return {
      planTasks: n(p?.planTasks),
      tasks: n(t?.tasks),
      tracked: share(n(p?.tracked), n(p?.planTasks)),
      doneOnTime: share(n(t?.onTime), n(t?.due)),
      overdue: share(n(t?.overdue), n(t?.tasks)),
    };
  };
  const sum = <R extends Record<string, unknown>>(rs: R[]) =>
    rs.reduce(
      (acc, r) => {
        for (const [k, v] of Object.entries(r)) if (k !== 'unitId') acc[k] = (acc[k] ?? 0) + Number(v ?? 0);
        return acc;
      },
      {} as Record<string, number>,
    );
  const unitIds = new Set([
    ...taskRows.map((r) => r.unitId),
    ...planRows.map((r) => r.unitId).filter((u): u is string => !!u),
  ]);
  return {
    communeId: commune.id,
    today,
    commune: row(sum(taskRows) as never, sum(planRows) as never),
    units: units
      .filter((u) => unitIds.has(u.id))
      .map((u) => ({
        unitId: u.id,
        unitName: u.name,
        ...row(
          taskRows.find((r) => r.unitId === u.id),
          planRows.find((r) => r.unitId === u.id),
        ),
      })),
  };
}

/** The filtered list as an Excel workbook (dates dd/mm/yyyy, the plan's groups kept). */
export async function exportXlsx(ctx: Ctx, f: Filter) {
  const { actor, commune } = await resolveCommune(ctx, f.communeId);
  const today = todayOf(ctx);
  const rows = await q
    .applyFilter(q.cardQuery(ctx.db, workUnitsOf(actor)), filterOf(f, commune.id))
    .innerJoin('users as ap', 'ap.id', 't.approverId')
    .select(['t.expectedProduct', 't.approvingAuthority', 'ap.fullName as approverName', 't.sourceRef'])
    .select((eb) =>
      eb
        .selectFrom('taskPartners as p')
        .innerJoin('orgUnits as o', 'o.id', 'p.orgUnitId')
        .select(sql<string>`string_agg(o.name, '; ' order by o.sort_key)`.as('n'))
        .whereRef('p.taskId', '=', 't.id')
        .as('partnerNames'),
    )
    .orderBy('t.groupName')
    .orderBy('t.dueDate')
    .orderBy('t.id')
    .limit(50_000)
    .execute();
  const counter = counterForRows(rows, today);
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Xã Số';
  const ws = wb.addWorksheet('Nhiệm vụ', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'STT', width: 6 },
    { header: 'Nhóm nhiệm vụ', width: 28 },
    { header: 'Nhiệm vụ', width: 60 },
    { header: 'Đơn vị chủ trì', width: 26 },
    { header: 'Người chịu trách nhiệm', width: 22 },
    { header: 'Đơn vị phối hợp', width: 30 },
    { header: 'Bắt đầu', width: 12 },
    { header: 'Hạn hoàn thành', width: 14 },
    { header: 'Trạng thái', width: 16 },
    { header: 'Tiến độ (%)', width: 11 },
    { header: 'Tình hình', width: 20 },
    { header: 'Sản phẩm', width: 40 },
    { header: 'Người phê duyệt', width: 22 },
    { header: 'Thẩm quyền phê duyệt', width: 24 },
    { header: 'Căn cứ giao', width: 24 },
  ];
  ws.getRow(1).font = { bold: true };
  rows.forEach((r, i) => {
    const c = toCard(r, actor, today, counter);
    ws.addRow([
      i + 1,
      r.groupName ?? '',
      r.title,
      r.leadUnitName,
      r.assigneeName,
      r.partnerNames ?? '',
      formatViDate(r.startDate),
      formatViDate(r.dueDate),
      STATUS_LABELS[r.status],
      r.percent,
      TIMING_LABELS[c.timing],
      r.expectedProduct,
      r.approverName,
      r.approvingAuthority,
      r.sourceRef ?? '',
    ]);
  });
  return {
    fileName: `nhiem-vu-${commune.name.replace(/\s+/g, '-')}-${today}.xlsx`,
    bytes: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
