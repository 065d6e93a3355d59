import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Grid,
  List,
  Popconfirm,
  Result,
  Skeleton,
  Switch,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { CheckOutlined, CloseCircleFilled, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorText } from '../../../lib/errors.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCurrentUser } from '../../../lib/session.ts';
import {
  downloads,
  useDecideImport,
  useImport,
  useImports,
  useUploadImport,
  type ImportRow,
  type ImportView,
} from '../api/dashboards.ts';
import { periodText, valueText } from './labels.ts';
import './dashboard.css';

const STATUS_TAG: Record<ImportView['status'], string> = { preview: 'blue', imported: 'green', discarded: 'default' };

/** The person's own commune, for the template filled with its targets. */
function useOwnCommune() {
  const user = useCurrentUser();
  const g = user.grants.find((x) => x.orgKind === 'commune');
  return g ? { id: g.orgUnitId, name: g.orgUnitName } : null;
}

function Templates() {
  const { t } = useI18n();
  const commune = useOwnCommune();
  return (
    <Flex gap={8} wrap>
      {commune && (
        <Button icon={<DownloadOutlined />} href={downloads.template(commune.id)} data-testid="template-commune">
          {t('dashboard.import.templateCommune', { name: commune.name })}
        </Button>
      )}
      <Button icon={<DownloadOutlined />} href={downloads.template(null)} data-testid="template">
        {t('dashboard.import.template')}
      </Button>
      <Button type="link" href={downloads.template(null, 'csv')}>
        {t('dashboard.import.templateCsv')}
      </Button>
    </Flex>
  );
}

/** /dashboard/imports — upload a file of values; the files uploaded before. */
export function ImportPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const uploadFile = useUploadImport();
  const list = useImports();
  return (
    <Flex vertical gap={12} className="xs-dash" data-testid="import-page">
      <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
        {t('dashboard.import.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('dashboard.import.intro')}</Typography.Paragraph>
      <Templates />
      <Upload.Dragger
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={uploadFile.isPending}
        customRequest={({ file }) =>
          uploadFile.mutate(file as File, { onSuccess: (v) => navigate(`/dashboard/imports/${v.id}`) })
        }
        data-testid="import-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('dashboard.import.pick')}</p>
        <p className="ant-upload-hint">{t('dashboard.import.hint')}</p>
      </Upload.Dragger>
      {uploadFile.error && (
        <Alert type="error" showIcon title={errorText(uploadFile.error, locale)} data-testid="import-error" />
      )}
      <Card size="small" title={t('dashboard.import.recent')}>
        {list.isPending ? (
          <Skeleton active />
        ) : !list.data?.items.length ? (
          <Empty description={t('dashboard.import.none')} />
        ) : (
          <List
            size="small"
            dataSource={list.data.items}
            renderItem={(i) => (
              <List.Item extra={<Tag color={STATUS_TAG[i.status]}>{t(`dashboard.import.status.${i.status}`)}</Tag>}>
                <List.Item.Meta
                  title={<Link to={`/dashboard/imports/${i.id}`}>{i.fileName}</Link>}
                  description={`${formatDateTime(i.createdAt)} · ${t('dashboard.import.counts', { total: formatNumber(i.counts.total, locale), good: formatNumber(i.counts.good, locale), bad: formatNumber(i.counts.bad, locale) })}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}

function RowCheck({ row }: { row: ImportRow }) {
  const { t } = useI18n();
  if (!row.errors.length)
    return (
      <Tag color="green" icon={<CheckOutlined />}>
        {t('dashboard.import.ok')}
      </Tag>
    );
  return (
    <ul className="xs-import-errors" data-testid="row-errors">
      {row.errors.map((e) => (
        <li key={e}>
          <CloseCircleFilled /> {e}
        </li>
      ))}
    </ul>
  );
}

/** /dashboard/imports/:id — every row of the file, bad ones with their reasons; confirm the good ones. */
export function ImportPreviewPage() {
  const { t, locale } = useI18n();
  const { id } = useParams();
  const q = useImport(id);
  const decide = useDecideImport(id ?? '');
  const { message } = App.useApp();
  const [onlyBad, setOnlyBad] = useState(false);
  const wide = Grid.useBreakpoint().md !== false;

  if (q.error)
    return (
      <Result
        status="warning"
        title={errorText(q.error, locale)}
        extra={<Link to="/dashboard/imports">{t('dashboard.import.back')}</Link>}
      />
    );
  if (!q.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const v = q.data;
  const rows = onlyBad ? v.rows.filter((r) => r.errors.length) : v.rows;
  const run = (action: 'confirm' | 'discard') =>
    decide.mutate(action, {
      onSuccess: (r) =>
        void message.success(
          action === 'confirm'
            ? t('dashboard.import.done', { n: formatNumber(r.counts.imported ?? 0, locale) })
            : t('dashboard.import.discarded'),
        ),
    });

  return (
    <Flex vertical gap={12} className="xs-dash" data-testid="import-preview">
      <div>
        <Typography.Title level={2} style={{ fontSize: 22, margin: 0, overflowWrap: 'anywhere' }}>
          {t('dashboard.import.previewTitle', { file: v.fileName })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('dashboard.import.uploadedBy', { name: v.createdByName, at: formatDateTime(v.createdAt) })}
        </Typography.Text>{' '}
        <Tag color={STATUS_TAG[v.status]} data-testid="import-status">
          {t(`dashboard.import.status.${v.status}`)}
        </Tag>
      </div>
      <div className="xs-dash-summary">
        {[
          { label: t('dashboard.import.total'), value: v.counts.total, id: 'count-total' },
          { label: t('dashboard.import.good'), value: v.counts.good, id: 'count-good' },
          { label: t('dashboard.import.bad'), value: v.counts.bad, id: 'count-bad' },
        ].map((c) => (
          <Card key={c.id} size="small">
            <div
              className="xs-dash-tile-n"
              data-testid={c.id}
              style={c.id === 'count-bad' && c.value ? { color: '#cf1322' } : undefined}
            >
              {formatNumber(c.value, locale)}
            </div>
            <div className="xs-dash-tile-label">{c.label}</div>
          </Card>
        ))}
      </div>
      {v.unknownColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('dashboard.import.unknownColumns', { cols: v.unknownColumns.join(', ') })}
        />
      )}
      {v.status === 'preview' && (
        <>
          <Alert
            type="info"
            showIcon
            title={v.counts.good ? t('dashboard.import.nothingYet') : t('dashboard.import.noneGood')}
          />
          <Flex gap={8} wrap className="xs-dash-actions">
            {v.allowedActions.includes('confirm') && (
              <Popconfirm
                title={t('dashboard.import.confirmTitle', { n: formatNumber(v.counts.good, locale) })}
                description={<div style={{ maxWidth: 320 }}>{t('dashboard.import.confirmText')}</div>}
                onConfirm={() => run('confirm')}
                okText={t('dashboard.import.confirm', { n: formatNumber(v.counts.good, locale) })}
              >
                <Button type="primary" loading={decide.isPending} data-testid="import-confirm">
                  {t('dashboard.import.confirm', { n: formatNumber(v.counts.good, locale) })}
                </Button>
              </Popconfirm>
            )}
            <Button danger onClick={() => run('discard')} disabled={decide.isPending} data-testid="import-discard">
              {t('dashboard.import.discard')}
            </Button>
          </Flex>
        </>
      )}
      {decide.error && (
        <Alert type="error" showIcon title={errorText(decide.error, locale)} data-testid="decide-error" />
      )}
      {v.status === 'imported' && (
        <Alert
          type="success"
          showIcon
          data-testid="import-done"
          title={t('dashboard.import.done', { n: formatNumber(v.counts.imported ?? 0, locale) })}
          action={<Link to="/dashboard">{t('dashboard.import.toDashboard')}</Link>}
        />
      )}
      {v.status === 'discarded' && <Alert type="warning" showIcon title={t('dashboard.import.discarded')} />}
      <Flex align="center" gap={8}>
        <Switch size="small" checked={onlyBad} onChange={setOnlyBad} data-testid="only-bad" />{' '}
        {t('dashboard.import.onlyBad')}
      </Flex>
      {!wide ? (
        <List
          size="small"
          bordered
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50, size: 'small' } : false}
          renderItem={(r) => (
            <List.Item
              className={r.errors.length ? 'xs-import-bad-item' : ''}
              data-testid="import-row"
              data-row={r.row}
              data-bad={r.errors.length > 0}
            >
              <div style={{ width: '100%' }}>
                <Flex justify="space-between" gap={8}>
                  <b>
                    {t('dashboard.import.col.row')} {r.row} · {r.communeName ?? r.communeCode}
                  </b>
                  <b className="xs-value">{valueText(r.value, r.unit ?? '', locale)}</b>
                </Flex>
                <div className="xs-muted" style={{ overflowWrap: 'anywhere' }}>
                  {r.indicatorCode && <span className="xs-code">{r.indicatorCode}</span>}{' '}
                  {r.targetCount > 1 ? t('dashboard.import.targets', { n: r.targetCount }) : r.targetText} ·{' '}
                  {r.periodCode ? periodText(r.periodCode, t) : '—'}
                </div>
                <RowCheck row={r} />
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<ImportRow>
            size="small"
            rowKey="row"
            dataSource={rows}
            pagination={{ pageSize: 100, hideOnSinglePage: true }}
            scroll={{ x: 720 }}
            rowClassName={(r) => (r.errors.length ? 'xs-import-bad' : '')}
            onRow={(r) =>
              ({ 'data-testid': 'import-row', 'data-row': r.row, 'data-bad': r.errors.length > 0 }) as object
            }
            columns={[
              { title: t('dashboard.import.col.row'), dataIndex: 'row', width: 60, align: 'right' },
              {
                title: t('dashboard.import.col.commune'),
                dataIndex: 'communeCode',
                width: 130,
                render: (c: string, r) =>
                  r.communeName ? (
                    <>
                      {r.communeName}
                      <div className="xs-muted xs-code">{c}</div>
                    </>
                  ) : (
                    <span className="xs-code">{c || '—'}</span>
                  ),
              },
              {
                title: t('dashboard.import.col.indicator'),
                dataIndex: 'indicatorCode',
                width: 200,
                render: (c: string | null, r) => (
                  <>
                    {c && <span className="xs-code">{c}</span>}{' '}
                    {r.targetCount > 1 ? t('dashboard.import.targets', { n: r.targetCount }) : r.targetText}
                  </>
                ),
              },
              {
                title: t('dashboard.import.col.period'),
                dataIndex: 'periodCode',
                width: 110,
                render: (p: string | null) => (p ? periodText(p, t) : '—'),
              },
              {
                title: t('dashboard.import.col.value'),
                dataIndex: 'value',
                width: 90,
                align: 'right',
                render: (n: number | null, r) => <b className="xs-value">{valueText(n, r.unit ?? '', locale)}</b>,
              },
              { title: t('dashboard.import.col.check'), key: 'check', render: (_: unknown, r) => <RowCheck row={r} /> },
            ]}
          />
        </Card>
      )}
      <Link to="/dashboard/imports">{t('dashboard.import.another')}</Link>
    </Flex>
  );
}
