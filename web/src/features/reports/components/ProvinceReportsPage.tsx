import { Alert, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { errorText } from '../../../lib/errors.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCurrentUser } from '../../../lib/session.ts';
import { useCompleteness, useProvinceReports } from '../api/commune-report.ts';
import type { ProvinceReportsView } from '../api/types.ts';
import { CompletenessTable } from './CompletenessTable.tsx';
import { communeReportChip } from './labels.ts';
import { thisYear, useHomeScope, yearOptions } from './scope.ts';
import './reports.css';

type Row = ProvinceReportsView['items'][number];
const KINDS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', '9M', 'Y'] as const;

/** The period a calendar would show first: the quarter before today's. */
function defaultPeriod() {
  const now = new Date();
  const q = Math.floor(now.getMonth() / 3);
  return q === 0 ? `${now.getFullYear() - 1}-Q4` : `${now.getFullYear()}-Q${q}`;
}

/** /reports/province — every commune of the province for one period code, and the year's completeness. */
export function ProvinceReportsPage() {
  const { t, locale } = useI18n();
  const home = useHomeScope(useCurrentUser());
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? defaultPeriod();
  const [yearText, kindText] = period.split('-');
  const year = Number(yearText) || thisYear();
  const kind = (kindText ?? 'Y') as (typeof KINDS)[number];
  const setPeriod = (y: number, k: string) =>
    setParams(
      (p) => {
        p.set('period', k === 'Y' ? String(y) : `${y}-${k}`);
        return p;
      },
      { replace: true },
    );
  const list = useProvinceReports(home.provinceId, period);
  const figures = useCompleteness('province', home.provinceId, year);

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
        {t('reports.province.title')}
      </Typography.Title>
      <Flex gap={8} wrap>
        <Select
          value={year}
          onChange={(y) => setPeriod(y, kind)}
          options={yearOptions()}
          style={{ width: 100 }}
          aria-label={t('reports.year')}
        />
        <Select
          value={kind}
          onChange={(k) => setPeriod(year, k)}
          style={{ width: 180 }}
          data-testid="period-picker"
          options={KINDS.map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))}
        />
      </Flex>
      {!home.provinceId && !home.pending && <Alert type="info" showIcon title={t('reports.province.noProvince')} />}
      {list.error && <Alert type="error" showIcon title={errorText(list.error, locale)} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Row>
          size="small"
          rowKey="communeId"
          loading={list.isPending && !!home.provinceId}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 720 }}
          data-testid="province-table"
          onRow={(r) => ({ 'data-testid': 'province-row', 'data-commune': r.communeName }) as object}
          columns={[
            {
              title: t('reports.col.commune'),
              dataIndex: 'communeName',
              fixed: 'left',
              width: 140,
              render: (name: string, r) =>
                r.reportId ? (
                  <Link to={`/reports/communes/${r.communeId}/${period}`} data-testid="open-report">
                    {name}
                  </Link>
                ) : (
                  name
                ),
            },
            {
              title: t('reports.col.status'),
              dataIndex: 'status',
              render: (s: Row['status']) => {
                const c = communeReportChip(s);
                return (
                  <Tag color={c.color} data-testid="province-status">
                    {t(c.label)}
                  </Tag>
                );
              },
            },
            { title: t('reports.dueLabel'), dataIndex: 'dueOn', render: (d: string | null) => formatDate(d) },
            { title: t('reports.cr.sentAt'), dataIndex: 'sentAt', render: (d: string | null) => formatDateTime(d) },
            {
              title: t('reports.col.late'),
              dataIndex: 'isLate',
              render: (l: boolean | null) =>
                l ? (
                  <Tag color="orange">{t('reports.sentLate')}</Tag>
                ) : l === false ? (
                  <Tag color="green">{t('reports.onTime')}</Tag>
                ) : (
                  ''
                ),
            },
            {
              title: t('reports.cr.receivedAt'),
              dataIndex: 'receivedAt',
              render: (d: string | null) => formatDateTime(d),
            },
          ]}
        />
      </Card>
      <CompletenessTable
        title={t('reports.province.completeness', { year })}
        data={figures.data}
        loading={figures.isPending && !!home.provinceId}
      />
    </Flex>
  );
}
