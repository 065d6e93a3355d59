import { useState } from 'react';
import { Alert, Button, Empty, Flex, Result, Skeleton, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { errorText } from '../../../lib/errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCurrentUser } from '../../../lib/session.ts';
import { downloads, useCommuneDashboard, type CommuneDashboard, type Status } from '../api/dashboards.ts';
import { canImport } from './labels.ts';
import { communeCsvRows } from './communeCsv.ts';
import { downloadCsv, slug, toCsv } from './csv.ts';
import { statusMeta } from './labels.ts';
import { StatusTiles, WorkLinks } from './StatusTiles.tsx';
import { TargetList } from './TargetList.tsx';
import './dashboard.css';

function Actions({ data }: { data: CommuneDashboard }) {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const exportCsv = () =>
    downloadCsv(
      `bang-dieu-khien-${slug(data.communeName)}-${dayjs().format('YYYY-MM-DD')}.csv`,
      toCsv(communeCsvRows(data, t, locale)),
    );
  return (
    <Flex gap={8} wrap className="xs-dash-actions" align="center">
      <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
        {t('dashboard.print')}
      </Button>
      <Button icon={<FileExcelOutlined />} href={downloads.commune(data.communeId)} data-testid="export-xlsx">
        {t('dashboard.exportXlsx')}
      </Button>
      <Button icon={<DownloadOutlined />} onClick={exportCsv} data-testid="export-csv">
        {t('dashboard.exportCsv')}
      </Button>
      {canImport(user) && (
        <Link to="/dashboard/imports">
          <Button icon={<UploadOutlined />} data-testid="import-link">
            {t('dashboard.importValues')}
          </Button>
        </Link>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dashboard.csvHint')}
      </Typography.Text>
    </Flex>
  );
}

/** /dashboard/communes/:id — every target of the commune's plan: where it stands, where it is heading. */
export function CommuneDashboardPage({ communeId: fixedId }: { communeId?: string }) {
  const { t, locale } = useI18n();
  const params = useParams();
  const communeId = fixedId ?? params.id;
  const q = useCommuneDashboard(communeId);
  const [filter, setFilter] = useState<Status | null>(null);

  if (q.error)
    return (
      <Result
        status="warning"
        title={errorText(q.error, locale)}
        extra={<Button onClick={() => q.refetch()}>{t('common.retry')}</Button>}
      />
    );
  if (!q.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const data = q.data;
  const rows = filter ? data.targets.filter((r) => r.status === filter) : data.targets;
  const allEmpty = data.targets.length > 0 && data.counts.no_data === data.targets.length;

  return (
    <Flex vertical gap={12} className="xs-dash" data-testid="commune-dashboard">
      <div>
        <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
          {t('dashboard.commune.title', { name: data.communeName })}
        </Typography.Title>
        {data.planId ? (
          <Link to={`/plans/${data.planId}`} className="xs-dash-plan">
            {data.planTitle}
          </Link>
        ) : null}
        <div className="xs-dash-print-only xs-muted">
          {t('dashboard.printedAt', { at: formatDateTime(new Date().toISOString()) })}
        </div>
      </div>
      {!data.planId ? (
        <Empty description={t('dashboard.commune.noPlan')}>
          <Link to="/plans">{t('dashboard.commune.toPlans')}</Link>
        </Empty>
      ) : (
        <>
          <Actions data={data} />
          <StatusTiles counts={data.counts} active={filter} onPick={setFilter} />
          <WorkLinks data={data} />
          {allEmpty && (
            <Alert
              type="info"
              showIcon
              title={t('dashboard.commune.emptyTitle')}
              description={
                <>
                  {t('dashboard.commune.emptyText')} <Link to="/reports">{t('dashboard.commune.toReports')}</Link>
                </>
              }
            />
          )}
          {filter && (
            <Alert
              type="info"
              title={t('dashboard.filtered', { status: t(statusMeta[filter].label), n: rows.length })}
              action={
                <Button size="small" onClick={() => setFilter(null)}>
                  {t('dashboard.showAll')}
                </Button>
              }
            />
          )}
          <TargetList rows={rows} communeId={data.communeId} />
        </>
      )}
    </Flex>
  );
}
