import type { ColumnType, Generated } from 'kysely';
import type { FileTable } from './files/storage.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** 'YYYY-MM-DD' on both databases (see db/pg type parsers). */
type DateText = string;

export type Role =
  | 'system_admin'
  | 'province_admin'
  | 'province_officer'
  | 'commune_admin'
  | 'commune_leader'
  | 'plan_officer'
  | 'unit_officer'
  | 'one_stop_officer'
  | 'citizen';

export type OrgKind = 'nation' | 'province' | 'commune' | 'unit';
export type UnitType =
  | 'office'
  | 'economy'
  | 'culture_society'
  | 'service_center'
  | 'police'
  | 'military'
  | 'school'
  | 'health'
  | 'village'
  | 'digital_team'
  | 'party_mass'
  | 'other';

export interface OrgUnitTable {
  id: Generated<string>;
  parentId: string | null;
  kind: OrgKind;
  unitType: UnitType | null;
  code: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  adminLevel: string | null;
  provinceId: string | null;
  communeId: string | null;
  path: string;
  sortKey: string;
  searchText: ColumnType<string, never, never>;
  openedOn: DateText | null;
  closedOn: DateText | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface UserTable {
  id: Generated<string>;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  passwordHash: string | null;
  mustChangePassword: Generated<boolean>;
  passwordChangedAt: Timestamp | null;
  isDisabled: Generated<boolean>;
  orgUnitId: string;
  provinceId: string | null;
  communeId: string | null;
  oidcIssuer: string | null;
  oidcSubject: string | null;
  lastSignInAt: Timestamp | null;
  jobTitle: ColumnType<string | null, string | null | undefined, string | null>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface RoleGrantTable {
  id: Generated<string>;
  userId: string;
  role: Role;
  orgUnitId: string;
  provinceId: string | null;
  communeId: string | null;
  grantedBy: string | null;
  createdAt: Generated<Date>;
}

export interface SessionTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Generated<Date>;
  lastSeenAt: Generated<Date>;
  idleTimeoutSeconds: number;
  expiresAt: Timestamp;
  revokedAt: Timestamp | null;
  ip: string | null;
  userAgent: string | null;
}

/** Sign-in attempts per account and address ('*' = the whole account); migration 0012. */
export interface SignInThrottleTable {
  userId: string;
  address: string;
  attempts: Generated<number>;
  locks: Generated<number>;
  lockedUntil: Timestamp | null;
  lastAttemptAt: Generated<Date>;
  lastSuccessAt: Timestamp | null;
  provinceId: string | null;
  communeId: string | null;
}

/** One-time unlock codes mailed to a locked-out person (SHA-256 only); migration 0012. */
export interface SignInUnlockCodeTable {
  userId: string;
  codeHash: string;
  expiresAt: Timestamp;
  tries: Generated<number>;
  createdAt: Generated<Date>;
  provinceId: string | null;
  communeId: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  occurredAt: Generated<Date>;
  actorId: string | null;
  actorName: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  summary: string;
  changes: unknown | null;
  ip: string | null;
  requestId: string | null;
  provinceId: string | null;
  communeId: string | null;
}

export interface PlatformTables {
  orgUnits: OrgUnitTable;
  users: UserTable;
  roleGrants: RoleGrantTable;
  sessions: SessionTable;
  signInThrottles: SignInThrottleTable;
  signInUnlockCodes: SignInUnlockCodeTable;
  auditLog: AuditLogTable;
  /** Uploaded files of every module (platform/files/storage.ts). */
  files: FileTable;
}
