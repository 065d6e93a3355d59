/**
 * Who may hand out which role, and whose account they may touch — ONE rule for every users
 * endpoint (create, edit, disable, reset password, unlock, grant, revoke) and for the buttons
 * the users pages show. Pure: no I/O.
 *
 * Nobody acts on an account holding a role or a place beyond their own powers: an account may
 * be managed only when its home unit and every one of its grants lie inside the part of the tree
 * the actor manages, and every one of its roles is one the actor's own administrator role hands
 * out there. So a commune administrator staffs the commune's units (unit officer, one-stop
 * officer, citizen) but cannot make a leader or a plan officer — who approve tasks, sign reports
 * and manage the plan, powers the administrator does not hold — nor reset the password of a
 * province officer who happens to work in the commune.
 */
import { GRANTABLE_ROLES, can, type Actor, type Place } from '../../platform/access.ts';
import type { Role } from '../../platform/platform.tables.ts';

/** A node of the tree a grant or a home unit sits on. */
export interface GrantPlace {
  orgUnitId: string;
  provinceId: string | null;
  communeId: string | null;
}

export type GrantRefusal = 'OUT_OF_SCOPE' | 'TOO_HIGH';

const placeOf = (p: GrantPlace): Place => ({
  provinceId: p.provinceId,
  communeId: p.communeId,
  orgUnitId: p.orgUnitId,
});

/** Whether the actor may hand out this role at this place; why not otherwise (place first). */
export function grantRefusal(actor: Actor, role: Role, place: GrantPlace): GrantRefusal | null {
  if (!can(actor, 'users.manage', placeOf(place))) return 'OUT_OF_SCOPE';
  const managing = actor.grants.filter(
    (g) => GRANTABLE_ROLES[g.role].length && can({ ...actor, grants: [g] }, 'users.manage', placeOf(place)),
  );
  return managing.some((g) => GRANTABLE_ROLES[g.role].includes(role)) ? null : 'TOO_HIGH';
}

export interface ManagedAccount {
  id: string;
  home: GrantPlace;
  grants: ({ role: Role } & GrantPlace)[];
}

export type AccountRefusal = 'SELF' | 'OUT_OF_SCOPE' | 'TOO_HIGH';

/**
 * Whether the actor may change this account at all (edit, disable, enable, reset its password,
 * unlock it, add or remove its grants): not their own, home unit in their scope, and every grant
 * it holds one they could have handed out.
 */
export function accountRefusal(actor: Actor, account: ManagedAccount): AccountRefusal | null {
  if (account.id === actor.userId) return 'SELF';
  if (!can(actor, 'users.manage', placeOf(account.home))) return 'OUT_OF_SCOPE';
  for (const g of account.grants) {
    const refusal = grantRefusal(actor, g.role, g);
    if (refusal) return refusal;
  }
  return null;
}
