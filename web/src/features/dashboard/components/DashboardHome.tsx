import { Result, Skeleton } from 'antd';
import { Navigate } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { hasCapability, useCurrentUser } from '../../../lib/session.ts';
import { useOrgNode } from '../api/dashboards.ts';
import { CommuneDashboardPage } from './CommuneDashboardPage.tsx';

/**
 * /dashboard — the person's own dashboard: a commune's people see their commune, province
 * officers their province's communes side by side, a system administrator the nation.
 */
export function DashboardHome() {
  const user = useCurrentUser();
  const { t } = useI18n();
  const commune = user.grants.find((g) => g.orgKind === 'commune');
  const unit = user.grants.find((g) => g.orgKind === 'unit');
  const province = user.grants.find((g) => g.orgKind === 'province');
  const nation = user.grants.find((g) => g.orgKind === 'nation');
  // A unit officer's commune is the commune of the unit.
  const lookup = commune || province || nation ? undefined : (unit?.orgUnitId ?? user.orgUnitId);
  const node = useOrgNode(lookup);

  if (commune) return <CommuneDashboardPage communeId={commune.orgUnitId} />;
  if (province && hasCapability(user, 'reports.read'))
    return <Navigate to={`/dashboard/provinces/${province.orgUnitId}`} replace />;
  if (nation && hasCapability(user, 'reports.read')) return <Navigate to="/dashboard/national" replace />;
  if (lookup && node.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  const communeId = node.data?.kind === 'commune' ? node.data.id : node.data?.communeId;
  if (communeId) return <CommuneDashboardPage communeId={communeId} />;
  return <Result status="info" title={t('dashboard.noScope')} />;
}
