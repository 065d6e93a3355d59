/** Explicit row → view mappers: what a card and a task page show, with the person's buttons. */
import type { Actor } from '../../platform/access.ts';
import type { Db } from '../../platform/db/database.ts';
import type { TaskCard, TaskDetail } from './tasks.contract.ts';
import { relationsOf, workUnitsOf } from './tasks.policy.ts';
import type { CardRow, TaskRow } from './tasks.queries.ts';
import * as q from './tasks.queries.ts';
import {
  availableActions,
  counterFor,
  STATUS_LABELS,
  timingOf,
  TIMING_LABELS,
  type WorkingDayCounter,
} from './tasks.rules.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const partnerIds = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);

/** A list row (isPartner) or a full task row (partnerUnitIds). */
type CardInput = Omit<CardRow, 'isPartner'> & ({ isPartner: boolean } | { partnerUnitIds: unknown });

export function toCard(
  row: CardInput,
  actor: Actor | null,
  today: string,
  counter: WorkingDayCounter = counterFor(row.startDate, row.dueDate, today),
  submittedBy?: string | null,
): TaskCard {
  const timing = timingOf(row, today, counter);
  const partners =
    'partnerUnitIds' in row ? partnerIds(row.partnerUnitIds) : row.isPartner && actor ? workUnitsOf(actor) : [];
  const relations = relationsOf(actor, { ...row, partnerUnitIds: partners });
  return {
    id: row.id,
    communeId: row.communeId,
    planId: row.planId,
    groupName: row.groupName,
    title: row.title,
    source: row.source,
    leadUnit: { id: row.leadUnitId, name: row.leadUnitName },
    assignee: { id: row.assigneeId, name: row.assigneeName },
    startDate: row.startDate,
    dueDate: row.dueDate,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    percent: row.percent,
    timing: timing.timing,
    timingLabel: TIMING_LABELS[timing.timing],
    overdueWorkingDays: timing.overdueWorkingDays,
    remainingWorkingDays: timing.remainingWorkingDays,
    expectedPercent: timing.expectedPercent,
    lastSeq: row.lastSeq,
    // On cards the person who submitted is taken to be the responsible person.
    allowedActions: availableActions(row, relations, {
      selfSubmitted: (submittedBy ?? row.assigneeId) === actor?.userId,
    }),
  };
}

/** A counter for a batch of rows: one calendar covering every date in it. */
export function counterForRows(rows: { startDate: string; dueDate: string }[], today: string) {
  if (!rows.length) return counterFor(today);
  let lo = rows[0].startDate;
  let hi = rows[0].dueDate;
  for (const r of rows) {
    if (r.startDate < lo) lo = r.startDate;
    if (r.dueDate > hi) hi = r.dueDate;
  }
  return counterFor(lo, hi, today);
}

export const toCards = (rows: CardRow[], actor: Actor | null, today: string) => {
  const counter = counterForRows(rows, today);
  return rows.map((r) => toCard(r, actor, today, counter));
};

export async function toDetail(db: Db, row: TaskRow, actor: Actor | null, today: string): Promise<TaskDetail> {
  const parts = await q.loadDetailParts(db, row);
  const lastSubmit = [...parts.actions].reverse().find((a) => a.kind === 'submit');
  const card = toCard(row, actor, today, undefined, lastSubmit?.actorId ?? null);
  return {
    ...card,
    provinceId: row.provinceId,
    planTaskId: row.planTaskId,
    sourceRef: row.sourceRef,
    description: row.description,
    approver: { id: row.approverId, name: row.approverName },
    approvingAuthority: row.approvingAuthority,
    expectedProduct: row.expectedProduct,
    partners: parts.partners,
    targets: parts.targets,
    milestones: parts.milestones.map((m) => ({ id: m.id, title: m.title, dueDate: m.dueDate, reachedOn: m.reachedOn })),
    submittedOn: row.submittedOn,
    verifiedOn: row.verifiedOn,
    files: parts.files.map((f) => ({ ...f, createdAt: iso(f.createdAt) })),
    actions: parts.actions.map((a) => ({ ...a, at: iso(a.at), details: (a.details ?? {}) as Record<string, unknown> })),
    relations: relationsOf(actor, { ...row, partnerUnitIds: partnerIds(row.partnerUnitIds) }),
  };
}
