/**
 * The values module's tables: every value of a plan target with its provenance
 * (indicator_values), each target's latest value and status (target_latest, the rollup the
 * dashboards read) and value files staged for a person to confirm (indicator_imports).
 */
import type { ColumnType, Generated } from 'kysely';

type DateText = string;

export interface IndicatorValueTable {
  id: Generated<string>;
  provinceId: string;
  communeId: string;
  targetId: string;
  indicatorId: string | null;
  periodCode: string;
  periodEnd: DateText;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: 'report' | 'computed' | 'import';
  sourceRef: string | null;
  producedBy: string | null;
  producedAt: Generated<Date>;
  /** What produced it, in words (the tasks module, a file and its row). */
  producer: string | null;
  /** The records behind a computed value, as an API query. */
  sourceLink: string | null;
}

export interface TargetLatestTable {
  targetId: string;
  provinceId: string;
  communeId: string;
  indicatorId: string | null;
  value: number;
  periodCode: string;
  periodEnd: DateText;
  attainment: number | null;
  status: 'reached' | 'on_track' | 'at_risk' | 'off_track' | 'no_data';
  source: string;
  updatedAt: Generated<Date>;
}

export interface IndicatorImportTable {
  id: Generated<string>;
  provinceId: string;
  communeId: string | null;
  fileName: string;
  format: 'csv' | 'xlsx';
  status: Generated<'preview' | 'imported' | 'discarded'>;
  rows: ColumnType<unknown, string, string>;
  totalRows: number;
  badRows: number;
  importedRows: number | null;
  createdBy: string;
  createdAt: Generated<Date>;
  decidedAt: Date | null;
}

export interface ValueTables {
  indicatorValues: IndicatorValueTable;
  targetLatest: TargetLatestTable;
  indicatorImports: IndicatorImportTable;
}
