import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post } from '../../../lib/api-client.ts';
import { reportKeys, type CommuneReportView, type CompletenessView, type ProvinceReportsView } from './types.ts';

const path = (periodId: string) => `/reporting/periods/${periodId}/commune-report`;
export const documentUrl = (periodId: string, format: 'docx' | 'xlsx') =>
  `/api/v1${path(periodId)}/document?format=${format}`;

export function useCommuneReport(periodId: string) {
  return useQuery({
    queryKey: reportKeys.communeReport(periodId),
    queryFn: () => get<CommuneReportView>(path(periodId)),
  });
}

function useStore() {
  const qc = useQueryClient();
  return (view: CommuneReportView) => {
    qc.setQueryData(reportKeys.communeReport(view.periodId), view);
    void qc.invalidateQueries({ queryKey: ['reports', 'calendar'] });
    void qc.invalidateQueries({ queryKey: ['reports', 'province'] });
  };
}

export interface CommuneReportEdit {
  number?: string | null;
  difficulties?: string | null;
  proposals?: string | null;
}
export function useEditCommuneReport(periodId: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: CommuneReportEdit) => patch<CommuneReportView>(path(periodId), body),
    onSuccess: store,
  });
}

export function useCommuneReportAction(periodId: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (action: 'sign' | 'send' | 'receive') => post<CommuneReportView>(`${path(periodId)}/${action}`),
    onSuccess: store,
  });
}

export function useProvinceReports(provinceId: string | undefined, period: string) {
  return useQuery({
    queryKey: reportKeys.province(provinceId ?? '', period),
    enabled: !!provinceId,
    queryFn: () => get<ProvinceReportsView>('/reporting/province-reports', { provinceId, period }),
  });
}

export function useCompleteness(scope: 'commune' | 'province', id: string | undefined, year: number) {
  return useQuery({
    queryKey: reportKeys.completeness(scope, id ?? '', year),
    enabled: !!id,
    queryFn: () =>
      get<CompletenessView>('/reporting/completeness', {
        [scope === 'commune' ? 'communeId' : 'provinceId']: id,
        year,
      }),
  });
}
