import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;
type DateText = string;

export interface ReportingPeriodTable {
  id: Generated<string>;
  provinceId: string;
  communeId: string;
  planId: string;
  ruleId: string | null;
  level: 'unit' | 'commune';
  code: string;
  kind: 'month' | 'quarter' | 'half-year' | 'nine-month' | 'annual';
  label: string;
  startOn: DateText;
  endOn: DateText;
  closingStart: DateText;
  closingEnd: DateText;
  dueOn: DateText;
  deadlineText: string | null;
  recipient: string | null;
  legalBasis: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface ReportSubmissionTable {
  id: Generated<string>;
  provinceId: string;
  communeId: string;
  periodId: string;
  unitId: string;
  status: Generated<'draft' | 'submitted' | 'returned' | 'approved'>;
  submittedAt: Date | null;
  submittedBy: string | null;
  isLate: boolean | null;
  reviewComment: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  generalNote: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

/** One value of a unit's report as stored in its set (`items`): checked against the unit's targets before it is written. */
export interface ReportedValue {
  targetId: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  warning: string | null;
}

/** An entry of a stored value set: a `ReportedValue` without its null fields. */
export type StoredValue = Pick<ReportedValue, 'targetId'> & Partial<ReportedValue>;

/** A unit report's values, one row per submission (migration 0009 says why). */
export interface ReportValueSetTable {
  submissionId: string;
  provinceId: string;
  communeId: string;
  /**
   * Written as JSON text, read as the parsed array; an entry leaves out its empty fields
   * (`StoredValue`): most reported values are a number alone, and the set is half the size.
   */
  items: ColumnType<StoredValue[], string, string>;
  updatedAt: Generated<Date>;
}

export interface ReportNarrativeTable {
  id: Generated<string>;
  provinceId: string;
  communeId: string;
  submissionId: string;
  planTaskId: string | null;
  taskTitle: string;
  done: string | null;
  difficulties: string | null;
  proposals: string | null;
}

export interface ReportEventTable {
  id: Generated<number>;
  provinceId: string;
  communeId: string;
  submissionId: string | null;
  communeReportId: string | null;
  kind: 'submitted' | 'returned' | 'approved' | 'compiled' | 'signed' | 'sent' | 'received';
  actorId: string | null;
  comment: string | null;
  at: Generated<Date>;
}

export interface CommuneReportTable {
  id: Generated<string>;
  provinceId: string;
  communeId: string;
  periodId: string;
  status: Generated<'draft' | 'signed' | 'sent' | 'received'>;
  number: string | null;
  difficulties: string | null;
  proposals: string | null;
  document: Json | null;
  signedBy: string | null;
  signedAt: Date | null;
  sentAt: Date | null;
  isLate: boolean | null;
  receivedBy: string | null;
  receivedAt: Date | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

/** A file a unit attached to its submission (the bytes are in `files`, owner 'report_submission'). */
export interface ReportAttachmentTable {
  id: Generated<string>;
  provinceId: string;
  communeId: string;
  submissionId: string;
  fileId: string;
  createdBy: string | null;
  createdAt: Generated<Date>;
}

export interface ReportingTables {
  reportingPeriods: ReportingPeriodTable;
  reportSubmissions: ReportSubmissionTable;
  reportValueSets: ReportValueSetTable;
  reportNarratives: ReportNarrativeTable;
  reportEvents: ReportEventTable;
  communeReports: CommuneReportTable;
  reportAttachments: ReportAttachmentTable;
}
