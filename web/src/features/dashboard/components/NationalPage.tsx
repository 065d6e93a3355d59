import { Alert, Card, Empty, Flex, Skeleton, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorText } from '../../../lib/errors.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useNationalTile, type NationalTile } from '../api/dashboards.ts';
import { IndicatorPicker, useIndicatorParam } from './IndicatorPicker.tsx';
import { valueText } from './labels.ts';
import { LazyBarChart } from './LazyCharts.tsx';
import { SummaryCards } from './ProvincePage.tsx';
import './dashboard.css';

type Row = NationalTile['provinces'][number];

/** /dashboard/national?indicator=… — every province for one catalogue indicator (system administrators). */
export function NationalPage() {
  const { t, locale } = useI18n();
  const ind = useIndicatorParam();
  const q = useNationalTile(ind.id);
  const data = q.data;
  const unit = data?.indicator.unit ?? ind.current?.unit ?? '%';
  const communes = data?.provinces.reduce((a, p) => a + p.communesReporting, 0) ?? 0;
  const reached = data?.provinces.reduce((a, p) => a + p.reached, 0) ?? 0;

  return (
    <Flex vertical gap={12} className="xs-dash" data-testid="national-dashboard">
      <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
        {t('dashboard.national.title')}
      </Typography.Title>
      <IndicatorPicker value={ind.id} onChange={ind.set} indicators={ind.indicators} loading={ind.loading} />
      {(q.error || ind.error) && <Alert type="error" showIcon title={errorText(q.error ?? ind.error, locale)} />}
      {!data && !q.error && <Skeleton active paragraph={{ rows: 6 }} />}
      {data && (
        <>
          <SummaryCards
            items={[
              {
                label: t('dashboard.summary.provinces'),
                value: formatNumber(data.provinces.length, locale),
                testId: 'sum-provinces',
              },
              {
                label: t('dashboard.summary.reporting'),
                value: formatNumber(communes, locale),
                testId: 'sum-reporting',
              },
              { label: t('dashboard.summary.reached'), value: formatNumber(reached, locale), testId: 'sum-reached' },
            ]}
          />
          {data.provinces.length === 0 ? (
            <Card>
              <Empty
                description={
                  <>
                    <b>{t('dashboard.province.emptyTitle')}</b>
                    <br />
                    {t('dashboard.national.emptyText')}
                  </>
                }
              />
            </Card>
          ) : (
            <>
              <Card size="small" title={`${data.indicator.name} — ${t('dashboard.col.average')}`}>
                <LazyBarChart
                  unit={unit}
                  label={t('dashboard.national.chartLabel', { indicator: data.indicator.name })}
                  items={[...data.provinces]
                    .filter((p) => p.average !== null)
                    .sort((a, b) => (b.average ?? 0) - (a.average ?? 0))
                    .map((p) => ({ label: p.provinceName, value: p.average ?? 0, color: '#b71c1c' }))}
                />
              </Card>
              <Card size="small" styles={{ body: { padding: 0 } }}>
                <Table<Row>
                  size="small"
                  rowKey="provinceId"
                  dataSource={data.provinces}
                  pagination={false}
                  scroll={{ x: 520 }}
                  onRow={(r) => ({ 'data-testid': 'province-row', 'data-province': r.provinceName }) as object}
                  columns={[
                    {
                      title: t('dashboard.col.province'),
                      dataIndex: 'provinceName',
                      fixed: 'left',
                      width: 170,
                      render: (name: string, r) => (
                        <Link to={`/dashboard/provinces/${r.provinceId}?indicator=${data.indicator.id}`}>{name}</Link>
                      ),
                    },
                    {
                      title: t('dashboard.col.reporting'),
                      dataIndex: 'communesReporting',
                      align: 'right',
                      render: (n: number) => formatNumber(n, locale),
                    },
                    {
                      title: t('dashboard.col.reached'),
                      dataIndex: 'reached',
                      align: 'right',
                      render: (n: number) => formatNumber(n, locale),
                    },
                    {
                      title: t('dashboard.col.average'),
                      dataIndex: 'average',
                      align: 'right',
                      render: (v: number | null) => <b className="xs-value">{valueText(v, unit, locale)}</b>,
                    },
                  ]}
                />
              </Card>
            </>
          )}
        </>
      )}
    </Flex>
  );
}
