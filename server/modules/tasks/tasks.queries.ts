/**
 * All SQL of tracked tasks. Rows come back as plain objects; tasks.views.ts turns them into
 * views. Every list is limited to one commune the caller has already checked.
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../platform/db/database.ts';
import type { ActionEntry } from './tasks.rules.ts';
import type { TaskActionKind, TaskStatus } from './tasks.tables.ts';

type T = DB & { t: DB['tasks'] };

/** The partner units of a task as a JSON array in the same row (no N+1). */
const partnerIdsOf = (eb: ExpressionBuilder<T, 't'>) =>
  eb
    .selectFrom('taskPartners as p')
    .select(sql<string[]>`coalesce(jsonb_agg(p.org_unit_id), '[]'::jsonb)`.as('ids'))
    .whereRef('p.taskId', '=', 't.id')
    .as('partnerUnitIds');

/**
 * What a card shows, plus what the policy needs. `isPartner` says whether one of the actor's
 * units partners on the task (only that matters for a card's buttons), so no list reads every
 * task's partners.
 */
export function cardQuery(db: Db, actorUnits: string[] = []) {
  return db
    .selectFrom('tasks as t')
    .innerJoin('orgUnits as lu', 'lu.id', 't.leadUnitId')
    .innerJoin('users as a', 'a.id', 't.assigneeId')
    .select([
      't.id',
      't.provinceId',
      't.communeId',
      't.planId',
      't.groupName',
      't.title',
      't.source',
      't.leadUnitId',
      'lu.name as leadUnitName',
      't.assigneeId',
      'a.fullName as assigneeName',
      't.approverId',
      't.startDate',
      't.dueDate',
      't.status',
      't.percent',
      't.submittedOn',
      't.lastSeq',
    ])
    .select(
      actorUnits.length
        ? sql<boolean>`exists (select 1 from task_partners p where p.task_id = t.id and p.org_unit_id = any(${actorUnits}::uuid[]))`.as(
            'isPartner',
          )
        : sql<boolean>`false`.as('isPartner'),
    );
}
type CardQuery = ReturnType<typeof cardQuery>;
export type CardRow = Awaited<ReturnType<CardQuery['execute']>>[number];

/**
 * Runs a card query and returns its rows as one JSON array built by the database: on the
 * embedded database one value crosses the worker boundary instead of hundreds of rows (≈ 2–3×
 * faster for a board). CamelCasePlugin maps the nested keys as it does for rows.
 */
export async function fetchCards<Q extends SelectQueryBuilder<any, any, CardRow>>(
  db: Db,
  query: Q,
): Promise<CardRow[]> {
  const r = await db.selectNoFrom(() => jsonArrayFrom(query).as('items')).executeTakeFirstOrThrow();
  return r.items as unknown as CardRow[];
}

export interface TaskFilter {
  communeId: string;
  planId?: string;
  groupName?: string;
  unitId?: string;
  assigneeId?: string;
  year?: number;
  status?: TaskStatus;
}

/** Filters on the task row only, so they fit any query over `tasks as t`. */
export function applyFilter<Q extends SelectQueryBuilder<T, 't', any>>(query: Q, f: TaskFilter): Q {
  let q = query as unknown as SelectQueryBuilder<T, 't', object>;
  q = q.where('t.communeId', '=', f.communeId);
  if (f.planId) q = q.where('t.planId', '=', f.planId);
  if (f.groupName) q = q.where('t.groupName', '=', f.groupName);
  if (f.unitId) q = q.where('t.leadUnitId', '=', f.unitId);
  if (f.assigneeId) q = q.where('t.assigneeId', '=', f.assigneeId);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.year) q = q.where('t.startDate', '<=', `${f.year}-12-31`).where('t.dueDate', '>=', `${f.year}-01-01`);
  return q as unknown as Q;
}

export function findTask(db: Db, id: string) {
  return db
    .selectFrom('tasks as t')
    .innerJoin('orgUnits as lu', 'lu.id', 't.leadUnitId')
    .innerJoin('users as a', 'a.id', 't.assigneeId')
    .innerJoin('users as ap', 'ap.id', 't.approverId')
    .selectAll('t')
    .select(['lu.name as leadUnitName', 'a.fullName as assigneeName', 'ap.fullName as approverName'])
    .select((eb) => partnerIdsOf(eb as unknown as ExpressionBuilder<T, 't'>))
    .where('t.id', '=', id)
    .executeTakeFirst();
}
export type TaskRow = NonNullable<Awaited<ReturnType<typeof findTask>>>;

/** Locks the task row for the rest of the transaction, so appends to its log are serialised. */
export function lockTask(db: Db, id: string) {
  return db
    .selectFrom('tasks')
    .select(['id', 'status', 'percent', 'submittedOn', 'verifiedOn', 'lastSeq'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function loadDetailParts(db: Db, task: TaskRow) {
  const [partners, targets, milestones, files, actions] = await Promise.all([
    db
      .selectFrom('taskPartners as p')
      .innerJoin('orgUnits as o', 'o.id', 'p.orgUnitId')
      .select(['o.id', 'o.name'])
      .where('p.taskId', '=', task.id)
      .orderBy('o.sortKey')
      .execute(),
    db
      .selectFrom('taskTargets as x')
      .innerJoin('planTargets as pt', 'pt.id', 'x.planTargetId')
      .select(['pt.id', 'pt.text'])
      .where('x.taskId', '=', task.id)
      .orderBy('pt.sortOrder')
      .execute(),
    listMilestones(db, [task.id]),
    db
      .selectFrom('files')
      .select(['id', 'fileName', 'mediaType', 'byteSize', 'sha256', 'createdAt'])
      .where('communeId', '=', task.communeId)
      .where('ownerType', '=', 'task')
      .where('ownerId', '=', task.id)
      .orderBy('createdAt')
      .execute(),
    listActions(db, task.communeId, task.id),
  ]);
  return { partners, targets, milestones, files, actions };
}

export function listActions(db: Db, communeId: string, taskId: string) {
  return db
    .selectFrom('taskActions')
    .select(['seq', 'kind', 'actorId', 'actorName', 'at', 'onDate', 'percent', 'note', 'details'])
    .where('communeId', '=', communeId)
    .where('taskId', '=', taskId)
    .orderBy('seq')
    .execute();
}

export function listMilestones(db: Db, taskIds: string[]) {
  if (!taskIds.length) return Promise.resolve([]);
  return db
    .selectFrom('taskMilestones')
    .select(['id', 'taskId', 'title', 'dueDate', 'reachedOn'])
    .where('taskId', 'in', taskIds)
    .orderBy('taskId')
    .orderBy('sortOrder')
    .execute();
}

export interface NewAction extends ActionEntry {
  taskId: string;
  provinceId: string;
  communeId: string;
  actorName: string;
  note: string | null;
  details: Record<string, unknown>;
}

/**
 * Appends to the log and copies the folded state onto the task row — in the caller's
 * transaction. The only write to task_actions anywhere: an INSERT (the table is append-only).
 */
export async function appendAction(
  db: Db,
  a: NewAction,
  state: { status: TaskStatus; percent: number; submittedOn: string | null; verifiedOn: string | null },
) {
  await db
    .insertInto('taskActions')
    .values({
      taskId: a.taskId,
      provinceId: a.provinceId,
      communeId: a.communeId,
      seq: a.seq,
      kind: a.kind as TaskActionKind,
      actorId: a.actorId,
      actorName: a.actorName,
      onDate: a.onDate,
      percent: a.percent,
      note: a.note,
      details: JSON.stringify(a.details),
    })
    .execute();
  await db
    .updateTable('tasks')
    .set({
      status: state.status,
      percent: state.percent,
      submittedOn: state.submittedOn,
      verifiedOn: state.verifiedOn,
      lastSeq: a.seq,
      updatedAt: sql`now()`,
    })
    .where('id', '=', a.taskId)
    .execute();
}

/** Units of the commune (for lead / partner checks and name matching). */
export function listCommuneUnits(db: Db, communeId: string) {
  return db
    .selectFrom('orgUnits')
    .select(['id', 'name', 'fullName'])
    .where('communeId', '=', communeId)
    .where('kind', '=', 'unit')
    .where('closedOn', 'is', null)
    .orderBy('sortKey')
    .execute();
}

/** People of the commune who may be named on a task (not disabled, not citizens only). */
export function listCommuneStaff(db: Db, communeId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.fullName', 'u.username', 'u.orgUnitId'])
    .where('u.id', 'in', ids)
    .where('u.isDisabled', '=', false)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('roleGrants as g')
          .select('g.id')
          .whereRef('g.userId', '=', 'u.id')
          .where('g.communeId', '=', communeId)
          .where('g.role', '<>', 'citizen'),
      ),
    )
    .execute();
}

export function findCommune(db: Db, id: string) {
  return db
    .selectFrom('orgUnits')
    .select(['id', 'provinceId', 'communeId', 'fullName'])
    .where('id', '=', id)
    .where('kind', '=', 'commune')
    .executeTakeFirst();
}
