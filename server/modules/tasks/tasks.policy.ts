/**
 * Who stands how to a task — pure, no I/O. Deny by default: a person with no relation does
 * not see the task at all (the API answers 404, as for a task that does not exist).
 *
 * - assigner: leaders and the plan officer of the commune ('tasks.assign') — see, create, edit;
 * - approver: the approver named on the task, or a leader ('tasks.approve') — verify or return;
 * - lead: the responsible person, or an officer granted on the lead unit ('tasks.work') — work;
 * - partner: an officer granted on a partner unit — comment;
 * - reader: anyone with 'tasks.read' where the task is (the commune's officers, the province).
 */
import { can, type Actor, type Place } from '../../platform/access.ts';
import { rolePermissions } from '../../platform/access.ts';
import type { TaskRelation } from './tasks.rules.ts';

export interface TaskAccessFacts {
  provinceId: string;
  communeId: string;
  leadUnitId: string;
  assigneeId: string;
  approverId: string;
  partnerUnitIds: string[];
}

const placeOf = (t: { provinceId: string; communeId: string }): Place => ({
  provinceId: t.provinceId,
  communeId: t.communeId,
});

/** Unit grants of the actor that allow working on tasks: the units they may act for. */
export function workUnitsOf(actor: Actor): string[] {
  return actor.grants
    .filter((g) => g.orgKind === 'unit' && rolePermissions[g.role].includes('tasks.work'))
    .map((g) => g.orgUnitId);
}

export function relationsOf(actor: Actor | null, t: TaskAccessFacts): TaskRelation[] {
  if (!actor || !can(actor, 'tasks.read', placeOf(t))) return [];
  const out: TaskRelation[] = ['reader'];
  const units = workUnitsOf(actor);
  if (can(actor, 'tasks.assign', placeOf(t))) out.push('assigner');
  if (t.approverId === actor.userId || can(actor, 'tasks.approve', placeOf(t))) out.push('approver');
  if (t.assigneeId === actor.userId || units.includes(t.leadUnitId)) out.push('lead');
  if (units.some((u) => t.partnerUnitIds.includes(u))) out.push('partner');
  return out;
}

export const canSeeTask = (actor: Actor | null, t: TaskAccessFacts) => relationsOf(actor, t).length > 0;

/** Creating tasks (from a plan or ad hoc: meeting conclusions, letters) in a commune. */
export const canAssignIn = (actor: Actor | null, place: { provinceId: string; communeId: string }) =>
  can(actor, 'tasks.assign', placeOf(place));
export const canReadIn = (actor: Actor | null, place: { provinceId: string; communeId: string }) =>
  can(actor, 'tasks.read', placeOf(place));
/** Leaders see every submission of the commune waiting for approval, not only those naming them. */
export const canApproveIn = (actor: Actor | null, place: { provinceId: string; communeId: string }) =>
  can(actor, 'tasks.approve', placeOf(place));
