/**
 * Who may do what, where. Pure: no I/O. A grant is a role on a subtree of the organisation
 * tree; a permission is allowed at a place when one of the actor's grants gives it and the
 * place lies inside that grant's subtree. Deny by default.
 */
import type { OrgKind, Role } from './platform.tables.ts';
import type { Ctx } from './context.ts';
import { AppError } from './errors.ts';

export type Permission =
  | 'org.read'
  | 'org.units.manage'
  | 'users.read'
  | 'users.manage'
  | 'audit.read'
  | 'plans.read'
  | 'plans.manage'
  | 'catalogue.read'
  | 'catalogue.manage'
  /** See tasks (nhiệm vụ) of the commune. */
  | 'tasks.read'
  /** Create, assign and edit any task of the commune (plan officer, leaders). */
  | 'tasks.assign'
  /** Work on tasks of one's own unit: progress, evidence, submit, comment. */
  | 'tasks.work'
  /** Verify or return submitted tasks (besides the approver named on a task). */
  | 'tasks.approve'
  /** See the reporting calendar, submissions and commune reports. */
  | 'reports.read'
  /** Fill in and submit a unit's periodic report (one's own unit; the plan officer any unit). */
  | 'reports.submit'
  /** Return or approve units' submissions; compile the commune report (the standing office). */
  | 'reports.review'
  /** Sign off the commune report and send it up (Chủ tịch / Phó Chủ tịch). */
  | 'reports.sign'
  /** Receive communes' reports at the province (Sở KH&CN). */
  | 'reports.receive';

export const ROLES: Role[] = [
  'system_admin',
  'province_admin',
  'province_officer',
  'commune_admin',
  'commune_leader',
  'plan_officer',
  'unit_officer',
  'one_stop_officer',
  'citizen',
];

const ALL: Permission[] = [
  'org.read',
  'org.units.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'plans.read',
  'plans.manage',
  'catalogue.read',
  'catalogue.manage',
  'tasks.read',
  'tasks.assign',
  'tasks.work',
  'tasks.approve',
  'reports.read',
  'reports.submit',
  'reports.review',
  'reports.sign',
  'reports.receive',
];
export const rolePermissions: Record<Role, Permission[]> = {
  system_admin: ALL,
  province_admin: [
    'org.read',
    'org.units.manage',
    'users.read',
    'users.manage',
    'audit.read',
    'plans.read',
    'catalogue.read',
    'catalogue.manage',
    'tasks.read',
    'reports.read',
    'reports.receive',
  ],
  province_officer: [
    'org.read',
    'users.read',
    'plans.read',
    'catalogue.read',
    'catalogue.manage',
    'tasks.read',
    'reports.read',
    'reports.receive',
  ],
  commune_admin: [
    'org.read',
    'org.units.manage',
    'users.read',
    'users.manage',
    'audit.read',
    'plans.read',
    'catalogue.read',
    'tasks.read',
    'reports.read',
  ],
  commune_leader: [
    'org.read',
    'users.read',
    'audit.read',
    'plans.read',
    'plans.manage',
    'catalogue.read',
    'tasks.read',
    'tasks.assign',
    'tasks.work',
    'tasks.approve',
    'reports.read',
    'reports.sign',
  ],
  plan_officer: [
    'org.read',
    'users.read',
    'plans.read',
    'plans.manage',
    'catalogue.read',
    'tasks.read',
    'tasks.assign',
    'tasks.work',
    'reports.read',
    'reports.submit',
    'reports.review',
  ],
  unit_officer: [
    'org.read',
    'plans.read',
    'catalogue.read',
    'tasks.read',
    'tasks.work',
    'reports.read',
    'reports.submit',
  ],
  one_stop_officer: [
    'org.read',
    'plans.read',
    'catalogue.read',
    'tasks.read',
    'tasks.work',
    'reports.read',
    'reports.submit',
  ],
  citizen: ['org.read'],
};

/** Vietnamese names of the roles, for audit summaries and messages. */
export const ROLE_LABELS: Record<Role, string> = {
  system_admin: 'Quản trị hệ thống',
  province_admin: 'Quản trị cấp tỉnh',
  province_officer: 'Cán bộ Sở (cấp tỉnh)',
  commune_admin: 'Quản trị cấp xã',
  commune_leader: 'Lãnh đạo UBND xã',
  plan_officer: 'Cán bộ phụ trách chuyển đổi số',
  unit_officer: 'Cán bộ đơn vị',
  one_stop_officer: 'Cán bộ một cửa',
  citizen: 'Người dân',
};

/** The kind of organisation node each role is granted on. */
export const roleGrantKinds: Record<Role, OrgKind[]> = {
  system_admin: ['nation'],
  province_admin: ['province'],
  province_officer: ['province'],
  commune_admin: ['commune'],
  commune_leader: ['commune'],
  plan_officer: ['commune'],
  unit_officer: ['unit'],
  one_stop_officer: ['unit', 'commune'],
  citizen: ['commune'],
};

/** Roles whose sessions time out sooner (TCVN 14423: administrators 5–15 min). */
export const ADMIN_ROLES: Role[] = ['system_admin', 'province_admin', 'commune_admin'];

/** A place in the tree, as every tenant-owned row carries it. */
export interface Place {
  provinceId: string | null;
  communeId: string | null;
  /** The org unit itself when the place is a unit (or the node being acted on). */
  orgUnitId?: string | null;
}

export interface Grant {
  id: string;
  role: Role;
  orgUnitId: string;
  orgKind: OrgKind;
  provinceId: string | null;
  communeId: string | null;
}

export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  grants: Grant[];
  sessionId: string | null;
  /** Signed in with a temporary password: may only change it (auth.plugin.ts). */
  mustChangePassword?: boolean;
}

/**
 * The subtree a grant reaches for a permission. Unit-level roles read their whole commune
 * (a unit officer picks partner units of the commune) but act only on their unit.
 */
function grantCovers(grant: Grant, place: Place, reachCommune: boolean): boolean {
  switch (grant.orgKind) {
    case 'nation':
      return true;
    case 'province':
      return place.provinceId === grant.provinceId;
    case 'commune':
      return place.communeId === grant.communeId;
    case 'unit':
      if (reachCommune) return place.communeId === grant.communeId;
      return place.orgUnitId === grant.orgUnitId;
  }
}

const READS: Permission[] = [
  'org.read',
  'users.read',
  'audit.read',
  'plans.read',
  'catalogue.read',
  'tasks.read',
  'reports.read',
];

export function can(actor: Actor | null, permission: Permission, place: Place): boolean {
  if (!actor) return false;
  return actor.grants.some(
    (g) => rolePermissions[g.role].includes(permission) && grantCovers(g, place, READS.includes(permission)),
  );
}

/** What part of the tree a permission reaches: everything, or lists of provinces/communes/units. */
export interface Scope {
  all: boolean;
  provinceIds: string[];
  communeIds: string[];
  unitIds: string[];
}

export function scopeOf(actor: Actor | null, permission: Permission): Scope {
  const scope: Scope = { all: false, provinceIds: [], communeIds: [], unitIds: [] };
  if (!actor) return scope;
  const read = READS.includes(permission);
  for (const g of actor.grants) {
    if (!rolePermissions[g.role].includes(permission)) continue;
    if (g.orgKind === 'nation') scope.all = true;
    else if (g.orgKind === 'province' && g.provinceId) scope.provinceIds.push(g.provinceId);
    else if (g.orgKind === 'commune' && g.communeId) scope.communeIds.push(g.communeId);
    else if (g.orgKind === 'unit') {
      if (read && g.communeId) scope.communeIds.push(g.communeId);
      else scope.unitIds.push(g.orgUnitId);
    }
  }
  return scope;
}

export const isEmptyScope = (s: Scope) =>
  !s.all && s.provinceIds.length === 0 && s.communeIds.length === 0 && s.unitIds.length === 0;

export const hasRole = (actor: Actor | null, ...roles: Role[]) => !!actor?.grants.some((g) => roles.includes(g.role));

/** Roles each administrator role hands out, inside the part of the tree where it is granted. */
export const GRANTABLE_ROLES: Record<Role, readonly Role[]> = {
  system_admin: ROLES,
  province_admin: [
    'province_admin',
    'province_officer',
    'commune_admin',
    'commune_leader',
    'plan_officer',
    'unit_officer',
    'one_stop_officer',
    'citizen',
  ],
  // Not commune_admin: account management in a commune is handed out by the province.
  commune_admin: ['unit_officer', 'one_stop_officer', 'citizen'],
  province_officer: [],
  commune_leader: [],
  plan_officer: [],
  unit_officer: [],
  one_stop_officer: [],
  citizen: [],
};

/** The roles the actor hands out somewhere (the web offers only these), in the usual order. */
export function grantableRoles(actor: Actor): Role[] {
  const mine = new Set(actor.grants.flatMap((g) => GRANTABLE_ROLES[g.role]));
  return ROLES.filter((r) => mine.has(r));
}

/** The signed-in person of a use case, or UNAUTHENTICATED (401). */
export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'unauthenticated', 'Bạn cần đăng nhập.');
  return ctx.actor;
}
