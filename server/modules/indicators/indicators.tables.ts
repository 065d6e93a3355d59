import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;

export interface IndicatorTable {
  id: Generated<string>;
  code: string;
  name: string;
  unit: string;
  domain: Generated<'digital_government' | 'digital_economy' | 'digital_society' | 'infrastructure' | 'other'>;
  description: string | null;
  numerator: string | null;
  denominator: string | null;
  source: string | null;
  aliases: Json;
  provinceId: string | null;
  mergedIntoId: string | null;
  searchText: ColumnType<string, never, never>;
  createdBy: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface CriteriaSetTable {
  id: Generated<string>;
  provinceId: string;
  name: string;
  year: number | null;
  legalBasis: string | null;
  createdBy: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface CriterionTable {
  id: Generated<string>;
  setId: string;
  provinceId: string;
  groupName: string;
  code: string;
  name: string;
  maxPoints: number;
  scoring: Json;
  evidence: string | null;
  indicatorId: string | null;
  sortOrder: number;
}

export interface IndicatorTables {
  indicators: IndicatorTable;
  criteriaSets: CriteriaSetTable;
  criteria: CriterionTable;
}
