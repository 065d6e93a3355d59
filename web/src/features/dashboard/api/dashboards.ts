import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CommuneDashboard as CommuneDashboardSchema, NationalTile as NationalTileSchema, ProvinceTile as ProvinceTileSchema } from '../../../../../server/modules/dashboards/dashboards.contract.ts';
import type { IndicatorView } from '../../../../../server/modules/indicators/indicators.contract.ts';
import type { CalendarView } from '../../../../../server/modules/reporting/reporting.contract.ts';
import type { OrgNodeDetail } from '../../../../../server/modules/org/org.contract.ts';
import { get } from '../../../lib/api-client.ts';

export type CommuneDashboard = z.infer<typeof CommuneDashboardSchema>;
export type TargetRow = CommuneDashboard['targets'][number];
export type TrendPoint = TargetRow['trend'][number];
export type Status = TargetRow['status'];
export type ProvinceTile = z.infer<typeof ProvinceTileSchema>;
export type NationalTile = z.infer<typeof NationalTileSchema>;
export type Indicator = z.infer<typeof IndicatorView>;

export const dashboardKeys = {
  commune: (id: string) => ['dashboard', 'commune', id] as const,
  province: (id: string, indicatorId: string) => ['dashboard', 'province', id, indicatorId] as const,
  national: (indicatorId: string) => ['dashboard', 'national', indicatorId] as const,
};

/**
 * The figures are read from rollup rows kept current on approval, so they are cheap: always
 * fetched again when a page opens (staleTime 0) and refreshed every minute while it is open.
 */
const live = { staleTime: 0, refetchInterval: 60_000 } as const;

export function useCommuneDashboard(communeId: string | undefined) {
  return useQuery({ queryKey: dashboardKeys.commune(communeId ?? ''), enabled: !!communeId, ...live, queryFn: () => get<CommuneDashboard>(`/dashboards/communes/${communeId}`) });
}

export function useProvinceTile(provinceId: string | undefined, indicatorId: string | undefined) {
  return useQuery({
    queryKey: dashboardKeys.province(provinceId ?? '', indicatorId ?? ''),
    enabled: !!provinceId && !!indicatorId,
    ...live,
    queryFn: () => get<ProvinceTile>(`/dashboards/provinces/${provinceId}`, { indicatorId }),
  });
}

export function useNationalTile(indicatorId: string | undefined) {
  return useQuery({ queryKey: dashboardKeys.national(indicatorId ?? ''), enabled: !!indicatorId, ...live, queryFn: () => get<NationalTile>('/dashboards/national', { indicatorId }) });
}

/** The whole indicator catalogue (a few dozen entries): picked from, searched in the browser. */
export function useCatalogueIndicators() {
  return useQuery({ queryKey: ['dashboard', 'indicators'], staleTime: 5 * 60_000, queryFn: () => get<{ items: Indicator[] }>('/catalogue/indicators') });
}

export type OrgNode = z.infer<typeof OrgNodeDetail>;
export function useOrgNode(id: string | undefined) {
  return useQuery({ queryKey: ['dashboard', 'org', id], enabled: !!id, staleTime: 5 * 60_000, queryFn: () => get<OrgNode>(`/org/units/${id}`) });
}

/**
 * The approved unit reports of a commune for a year, by submission id. The dashboard's
 * provenance names a submission id (sourceRef); the reports pages are addressed by period and
 * unit, so the calendar (which lists both) turns one into the other. Only asked for when a
 * row is opened and the person may read reports.
 */
export function useReportLinks(communeId: string, year: number | null, enabled: boolean) {
  return useQuery({
    queryKey: ['dashboard', 'report-links', communeId, year],
    enabled: enabled && year !== null,
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const cal = await get<z.infer<typeof CalendarView>>('/reporting/calendar', { communeId, year: year ?? undefined });
      const links = new Map<string, { path: string; unitName: string }>();
      for (const p of cal.periods) for (const u of p.units) if (u.submissionId) links.set(u.submissionId, { path: `/reports/periods/${p.id}/units/${u.unitId}`, unitName: u.unitName });
      return links;
    },
  });
}
