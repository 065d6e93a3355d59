import type { z } from 'zod';
import type {
  CalendarView as CalendarViewSchema,
  CommuneReportView as CommuneReportViewSchema,
  CompletenessView as CompletenessViewSchema,
  PeriodView as PeriodViewSchema,
  ProvinceReportsView as ProvinceReportsViewSchema,
  SaveSubmissionBody,
  SubmissionView as SubmissionViewSchema,
} from '../../../../../server/modules/reporting/reporting.contract.ts';
import type { CommuneReportDocument } from '../../../../../server/modules/reporting/document/report-document.types.ts';

export type PeriodView = z.infer<typeof PeriodViewSchema>;
export type CalendarView = z.infer<typeof CalendarViewSchema>;
export type UnitStatus = PeriodView['units'][number];
export type SubmissionStatus = SubmissionView['status'];
export type SubmissionView = z.infer<typeof SubmissionViewSchema>;
export type ValueView = SubmissionView['values'][number];
export type NarrativeView = SubmissionView['narratives'][number];
export type HistoryEvent = SubmissionView['history'][number];
export type SaveBody = z.input<typeof SaveSubmissionBody>;
export type CommuneReportView = Omit<z.infer<typeof CommuneReportViewSchema>, 'document'> & {
  document: CommuneReportDocument;
};
export type CommuneReportStatus = CommuneReportView['status'];
export type ProvinceReportsView = z.infer<typeof ProvinceReportsViewSchema>;
export type CompletenessView = z.infer<typeof CompletenessViewSchema>;
export type { CommuneReportDocument };

export const reportKeys = {
  all: ['reports'] as const,
  calendar: (communeId: string, year: number) => ['reports', 'calendar', communeId, year] as const,
  submission: (periodId: string, unitId: string) => ['reports', 'submission', periodId, unitId] as const,
  communeReport: (periodId: string) => ['reports', 'commune-report', periodId] as const,
  province: (provinceId: string, period: string) => ['reports', 'province', provinceId, period] as const,
  completeness: (scope: 'commune' | 'province', id: string, year: number) =>
    ['reports', 'completeness', scope, id, year] as const,
};
