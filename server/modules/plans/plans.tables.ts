import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;
type DateText = string;

export interface PlanTable {
  id: Generated<string>;
  provinceId: string;
  communeId: string;
  title: string;
  number: string | null;
  issuedOn: DateText | null;
  periodFrom: number | null;
  periodTo: number | null;
  signerName: string | null;
  signerTitle: string | null;
  currentVersion: Generated<number>;
  createdBy: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  archivedAt: Date | null;
}

export interface PlanVersionTable {
  id: Generated<string>;
  planId: string;
  provinceId: string;
  communeId: string;
  versionNo: number;
  sourceFileName: string | null;
  sourceFormat: string | null;
  sourceSha256: string | null;
  sourceText: string | null;
  snapshot: Json;
  changes: Json | null;
  note: string | null;
  createdBy: string | null;
  createdAt: Generated<Date>;
}

export interface PlanTargetTable {
  id: Generated<string>;
  planId: string;
  provinceId: string;
  communeId: string;
  groupName: string | null;
  text: string;
  kind: 'target' | 'baseline';
  comparator: '>=' | '>' | '=' | '<=' | '<' | 'range';
  value: number;
  valueMax: number | null;
  unit: string;
  year: number | null;
  sourceLine: number | null;
  indicatorId: string | null;
  indicatorLink: 'suggested' | 'confirmed' | null;
  reportingUnitId: ColumnType<string | null, string | null | undefined, string | null>;
  sortOrder: number;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface PlanTaskTable {
  id: Generated<string>;
  planId: string;
  provinceId: string;
  communeId: string;
  groupName: string | null;
  title: string;
  leadText: string | null;
  leadUnitId: string | null;
  partners: Json;
  fromYear: number | null;
  toYear: number | null;
  expected: string | null;
  sourceLine: number | null;
  sortOrder: number;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface PlanReportingRuleTable {
  id: Generated<string>;
  planId: string;
  provinceId: string;
  communeId: string;
  cycle: 'quarterly' | 'half-year' | 'nine-month' | 'annual' | 'ad-hoc';
  reporter: string | null;
  recipient: string | null;
  deadlineText: string | null;
  day: number | null;
  month: number | null;
  sortOrder: number;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface PlanImportTable {
  id: Generated<string>;
  provinceId: string;
  communeId: string;
  planId: string | null;
  fileName: string;
  format: string;
  sha256: string;
  byteSize: number;
  encoding: string | null;
  warnings: Json;
  sourceText: string;
  extraction: Json;
  review: Json | null;
  status: Generated<'draft' | 'committed' | 'discarded'>;
  committedVersion: number | null;
  createdBy: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface PlanTables {
  plans: PlanTable;
  planVersions: PlanVersionTable;
  planTargets: PlanTargetTable;
  planTasks: PlanTaskTable;
  planReportingRules: PlanReportingRuleTable;
  planImports: PlanImportTable;
}
