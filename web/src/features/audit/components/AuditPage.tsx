import { Alert, Button, Card, Empty, Flex, Grid, Skeleton, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { errorText } from '../../../lib/errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useAuditLog, type AuditEntry } from '../api/list-audit.ts';
import { AuditFilters, type AuditFilterState } from './AuditFilters.tsx';
import { actionLabel, recordTypeLabel } from './auditLabels.ts';

const KEYS = ['actorId', 'actorName', 'recordType', 'recordId', 'action', 'from', 'to'] as const;

function Changes({ value }: { value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

function RecordLink({ e }: { e: AuditEntry }) {
  const { locale } = useI18n();
  const label = recordTypeLabel(e.recordType, locale);
  if (e.recordType === 'user' && e.recordId) return <Link to={`/users/${e.recordId}`}>{label}</Link>;
  if (e.recordType === 'org_unit' && e.recordId) return <Link to={`/org/${e.recordId}?closed=1`}>{label}</Link>;
  return <span>{label}</span>;
}

export function AuditPage() {
  const { t, locale } = useI18n();
  const wide = !!Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const state: AuditFilterState = Object.fromEntries(
    KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v),
  );
  const { actorName: _name, ...filter } = state;
  const log = useAuditLog(filter);
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const setState = (s: AuditFilterState) => {
    const next = new URLSearchParams();
    for (const k of KEYS) if (s[k]) next.set(k, s[k]!);
    setParams(next, { replace: true });
  };
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.nothingFound')} />;

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
        {t('nav.audit')}
      </Typography.Title>
      <AuditFilters value={state} onChange={setState} />
      {log.error && <Alert type="error" showIcon title={errorText(log.error, locale)} />}
      {log.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : wide ? (
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: empty }}
          expandable={{
            rowExpandable: (e) => e.changes != null,
            expandedRowRender: (e) => <Changes value={e.changes} />,
          }}
          columns={[
            { key: 'at', title: t('audit.at'), width: 140, render: (_, e) => formatDateTime(e.occurredAt) },
            {
              key: 'actor',
              title: t('audit.actor'),
              width: 180,
              render: (_, e) =>
                e.actorId ? <Link to={`/users/${e.actorId}`}>{e.actorName ?? e.actorId}</Link> : (e.actorName ?? '—'),
            },
            {
              key: 'action',
              title: t('audit.action'),
              width: 170,
              render: (_, e) => <Tag>{actionLabel(e.action, locale)}</Tag>,
            },
            { key: 'record', title: t('audit.recordType'), width: 120, render: (_, e) => <RecordLink e={e} /> },
            { key: 'summary', title: t('audit.summary'), dataIndex: 'summary' },
            { key: 'ip', title: 'IP', width: 120, dataIndex: 'ip' },
          ]}
        />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          {rows.length === 0 && <div style={{ padding: 16 }}>{empty}</div>}
          {rows.map((e) => (
            <div key={e.id} className="xs-row" style={{ alignItems: 'flex-start' }} data-testid="audit-row">
              <div className="xs-row-main">
                <Flex justify="space-between" gap={8} wrap>
                  <Tag style={{ marginInlineEnd: 0 }}>{actionLabel(e.action, locale)}</Tag>
                  <span className="xs-muted" style={{ fontSize: 12 }}>
                    {formatDateTime(e.occurredAt)}
                  </span>
                </Flex>
                <div style={{ marginTop: 4, overflowWrap: 'anywhere' }}>{e.summary}</div>
                <div className="xs-muted" style={{ fontSize: 12 }}>
                  {e.actorName ?? '—'} · <RecordLink e={e} />
                </div>
              </div>
            </div>
          ))}
        </Card>
      )}
      {log.hasNextPage && (
        <Button block onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
