import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CommuneDashboard as CommuneDashboardSchema,
  TargetHistory as TargetHistorySchema,
  NationalTile as NationalTileSchema,
  ProvinceTile as ProvinceTileSchema,
} from '../../../../../server/modules/dashboards/dashboards.contract.ts';
import type {
  ImportList as ImportListSchema,
  ImportView as ImportViewSchema,
} from '../../../../../server/modules/values/values.contract.ts';
import type { IndicatorView } from '../../../../../server/modules/indicators/indicators.contract.ts';
import type { CalendarView } from '../../../../../server/modules/reporting/reporting.contract.ts';
import type { OrgNodeDetail } from '../../../../../server/modules/org/org.contract.ts';
import { get, post, upload, withQuery } from '../../../lib/api-client.ts';

export type CommuneDashboard = z.infer<typeof CommuneDashboardSchema>;
export type TargetRow = CommuneDashboard['targets'][number];
export type TargetHistory = z.infer<typeof TargetHistorySchema>;
export type TrendPoint = TargetHistory['trend'][number];
export type Status = TargetRow['status'];
export type ProvinceTile = z.infer<typeof ProvinceTileSchema>;
export type NationalTile = z.infer<typeof NationalTileSchema>;
export type Indicator = z.infer<typeof IndicatorView>;

export const dashboardKeys = {
  commune: (id: string) => ['dashboard', 'commune', id] as const,
  target: (communeId: string, targetId: string) => ['dashboard', 'commune', communeId, 'target', targetId] as const,
  province: (id: string, indicatorId: string) => ['dashboard', 'province', id, indicatorId] as const,
  national: (indicatorId: string) => ['dashboard', 'national', indicatorId] as const,
};

/**
 * The figures are read from rollup rows kept current on approval, so they are cheap: always
 * fetched again when a page opens (staleTime 0) and refreshed every minute while it is open.
 */
const live = { staleTime: 0, refetchInterval: 60_000 } as const;

export function useCommuneDashboard(communeId: string | undefined) {
  return useQuery({
    queryKey: dashboardKeys.commune(communeId ?? ''),
    enabled: !!communeId,
    ...live,
    queryFn: () => get<CommuneDashboard>(`/dashboards/communes/${communeId}`),
  });
}

/**
 * One target's whole history with provenance: the dashboard itself carries only the last
 * periods, so this is fetched when a person opens the target (and kept fresh like the rest).
 */
export function useTargetHistory(communeId: string, targetId: string, enabled = true) {
  return useQuery({
    queryKey: dashboardKeys.target(communeId, targetId),
    enabled,
    ...live,
    queryFn: () => get<TargetHistory>(`/dashboards/communes/${communeId}/targets/${targetId}/values`),
  });
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
  return useQuery({
    queryKey: dashboardKeys.national(indicatorId ?? ''),
    enabled: !!indicatorId,
    ...live,
    queryFn: () => get<NationalTile>('/dashboards/national', { indicatorId }),
  });
}

/** The whole indicator catalogue (a few dozen entries): picked from, searched in the browser. */
export function useCatalogueIndicators() {
  return useQuery({
    queryKey: ['dashboard', 'indicators'],
    staleTime: 5 * 60_000,
    queryFn: () => get<{ items: Indicator[] }>('/catalogue/indicators'),
  });
}

export type OrgNode = z.infer<typeof OrgNodeDetail>;
export function useOrgNode(id: string | undefined) {
  return useQuery({
    queryKey: ['dashboard', 'org', id],
    enabled: !!id,
    staleTime: 5 * 60_000,
    queryFn: () => get<OrgNode>(`/org/units/${id}`),
  });
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
      const cal = await get<z.infer<typeof CalendarView>>('/reporting/calendar', {
        communeId,
        year: year ?? undefined,
      });
      const links = new Map<string, { path: string; unitName: string }>();
      for (const p of cal.periods)
        for (const u of p.units)
          if (u.submissionId)
            links.set(u.submissionId, { path: `/reports/periods/${p.id}/units/${u.unitId}`, unitName: u.unitName });
      return links;
    },
  });
}

// ——— Importing values from a file, exports ———
export type ImportView = z.infer<typeof ImportViewSchema>;
export type ImportRow = ImportView['rows'][number];
export type ImportList = z.infer<typeof ImportListSchema>;
export type ValueRow = TargetHistory['values'][number];

export const importKeys = {
  all: ['dashboard', 'imports'] as const,
  one: (id: string) => ['dashboard', 'imports', id] as const,
};

/** The person's uploaded files (to come back to a preview after a reload). */
export function useImports() {
  return useQuery({ queryKey: importKeys.all, queryFn: () => get<ImportList>('/dashboards/imports') });
}

export function useImport(id: string | undefined) {
  return useQuery({
    queryKey: importKeys.one(id ?? ''),
    enabled: !!id,
    queryFn: () => get<ImportView>(`/dashboards/imports/${id}`),
  });
}

export function useUploadImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => upload<ImportView>('/dashboards/imports', file),
    onSuccess: (v) => {
      qc.setQueryData(importKeys.one(v.id), v);
      void qc.invalidateQueries({ queryKey: importKeys.all, exact: true });
    },
  });
}

/** Confirm or discard a preview; a confirmed import changes every dashboard, so they refetch. */
export function useDecideImport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: 'confirm' | 'discard') => post<ImportView>(`/dashboards/imports/${id}/${action}`),
    onSuccess: (v) => {
      qc.setQueryData(importKeys.one(id), v);
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
    },
    // A stale preview (409) was re-checked on the server: show the refreshed rows.
    onError: () => void qc.invalidateQueries({ queryKey: importKeys.one(id) }),
  });
}

/** Addresses of the downloads (plain links: the session cookie goes along). */
export const downloads = {
  commune: (communeId: string) => `/api/v1/dashboards/communes/${communeId}/export.xlsx`,
  province: (provinceId: string, indicatorId: string) =>
    withQuery(`/api/v1/dashboards/provinces/${provinceId}/export.xlsx`, { indicatorId }),
  template: (communeId: string | null, format: 'xlsx' | 'csv' = 'xlsx') =>
    withQuery('/api/v1/dashboards/imports/template', { communeId, format }),
};

/**
 * Where a person checks the records behind a value: the API query stored with a computed or
 * imported value, turned into the page that shows those records.
 */
export function recordsPath(sourceLink: string | null): string | null {
  if (!sourceLink) return null;
  const m = /^\/api\/v1\/dashboards\/imports\/([0-9a-f-]{36})$/.exec(sourceLink);
  if (m) return `/dashboard/imports/${m[1]}`;
  if (sourceLink.startsWith('/api/v1/reporting/completeness')) return '/reports';
  // The tasks pages take the commune from the address: overdue tasks in the leader's list, the rest on the board.
  const t = /^\/api\/v1\/tasks(?:\/stats)?\?communeId=([0-9a-f-]{36})(?:&timing=(\w+))?$/.exec(sourceLink);
  if (t) return `/tasks/${t[2] === 'overdue' ? 'overdue' : 'board'}?communeId=${t[1]}`;
  return null;
}
