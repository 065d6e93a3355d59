import type { Generated } from 'kysely';

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

export interface DashboardTables {
  indicatorValues: IndicatorValueTable;
  targetLatest: TargetLatestTable;
}
