import { Alert, Button, Card, Empty, Flex, Progress, Skeleton, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../../lib/session.ts';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../../../lib/errors.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { downloads, useOrgNode, useProvinceTile, type ProvinceTile } from '../api/dashboards.ts';
import { IndicatorPicker, useIndicatorParam } from './IndicatorPicker.tsx';
import { barPercent, canImport, periodText, statusMeta, valueText } from './labels.ts';
import { LazyBarChart } from './LazyCharts.tsx';
import './dashboard.css';

type Row = ProvinceTile['communes'][number];

export function SummaryCards({ items }: { items: { label: string; value: string; testId: string }[] }) {
  return (
    <div className="xs-dash-summary">
      {items.map((i) => (
        <Card key={i.testId} size="small">
          <div className="xs-dash-tile-n" data-testid={i.testId}>
            {i.value}
          </div>
          <div className="xs-dash-tile-label">{i.label}</div>
        </Card>
      ))}
    </div>
  );
}

/** /dashboard/provinces/:id?indicator=… — the province's communes side by side for one catalogue indicator. */
export function ProvincePage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { id } = useParams();
  const province = useOrgNode(id);
  const ind = useIndicatorParam();
  const q = useProvinceTile(id, ind.id);
  const data = q.data;
  const unit = data?.indicator.unit ?? ind.current?.unit ?? '%';

  return (
    <Flex vertical gap={12} className="xs-dash" data-testid="province-dashboard">
      <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
        {t('dashboard.province.title', { name: data?.provinceName ?? province.data?.fullName ?? '' })}
      </Typography.Title>
      <IndicatorPicker value={ind.id} onChange={ind.set} indicators={ind.indicators} loading={ind.loading} />
      {(q.error || ind.error) && <Alert type="error" showIcon title={errorText(q.error ?? ind.error, locale)} />}
      {!data && !q.error && <Skeleton active paragraph={{ rows: 6 }} />}
      {data && (
        <>
          <Flex gap={8} wrap className="xs-dash-actions">
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('dashboard.print')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              href={downloads.province(data.provinceId, data.indicator.id)}
              data-testid="export-xlsx"
            >
              {t('dashboard.exportXlsx')}
            </Button>
            {canImport(user) && (
              <Link to="/dashboard/imports">
                <Button icon={<UploadOutlined />} data-testid="import-link">
                  {t('dashboard.importValues')}
                </Button>
              </Link>
            )}
          </Flex>
          <SummaryCards
            items={[
              {
                label: t('dashboard.summary.reporting'),
                value: formatNumber(data.summary.communesReporting, locale),
                testId: 'sum-reporting',
              },
              {
                label: t('dashboard.summary.reached'),
                value: formatNumber(data.summary.reached, locale),
                testId: 'sum-reached',
              },
              {
                label: t('dashboard.summary.average'),
                value: valueText(data.summary.average, unit, locale),
                testId: 'sum-average',
              },
            ]}
          />
          {data.communes.length === 0 ? (
            <Card>
              <Empty
                description={
                  <>
                    <b>{t('dashboard.province.emptyTitle')}</b>
                    <br />
                    {t('dashboard.province.emptyText')}
                  </>
                }
              />
            </Card>
          ) : (
            <>
              <Card size="small" title={data.indicator.name}>
                <LazyBarChart
                  unit={unit}
                  label={t('dashboard.province.chartLabel', { indicator: data.indicator.name })}
                  items={data.communes.map((c) => ({
                    label: c.communeName,
                    value: c.value,
                    color: statusMeta[c.status].color,
                  }))}
                />
              </Card>
              <Card size="small" styles={{ body: { padding: 0 } }}>
                <Table<Row>
                  size="small"
                  rowKey="communeId"
                  dataSource={data.communes}
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  scroll={{ x: 640 }}
                  onRow={(r) => ({ 'data-testid': 'commune-row', 'data-commune': r.communeName }) as object}
                  columns={[
                    {
                      title: t('dashboard.col.rank'),
                      dataIndex: 'rank',
                      width: 72,
                      align: 'right',
                      className: 'xs-nowrap',
                    },
                    {
                      title: t('dashboard.col.commune'),
                      dataIndex: 'communeName',
                      fixed: 'left',
                      width: 150,
                      render: (name: string, r) => <Link to={`/dashboard/communes/${r.communeId}`}>{name}</Link>,
                    },
                    {
                      title: t('dashboard.col.value'),
                      dataIndex: 'value',
                      align: 'right',
                      render: (v: number) => <b className="xs-value">{valueText(v, unit, locale)}</b>,
                    },
                    {
                      title: t('dashboard.col.period'),
                      dataIndex: 'periodCode',
                      render: (p: string) => periodText(p, t),
                    },
                    {
                      title: t('dashboard.col.attainment'),
                      dataIndex: 'attainment',
                      width: 150,
                      render: (a: number | null, r) =>
                        a === null ? (
                          '—'
                        ) : (
                          <Progress
                            percent={barPercent(a)}
                            size="small"
                            strokeColor={statusMeta[r.status].color}
                            format={(p) => valueText(p ?? 0, '%', locale)}
                          />
                        ),
                    },
                    {
                      title: t('dashboard.col.status'),
                      dataIndex: 'status',
                      render: (s: Row['status']) => <Tag color={statusMeta[s].tag}>{t(statusMeta[s].label)}</Tag>,
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
