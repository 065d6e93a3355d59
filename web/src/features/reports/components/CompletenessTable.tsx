import { Card, Flex, Statistic, Table } from 'antd';
import { formatNumber } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { CompletenessView } from '../api/types.ts';

/** Completeness (reports received / expected) and timeliness (on time / received), by unit or by commune. */
export function CompletenessTable({
  data,
  title,
  loading,
}: {
  data: CompletenessView | undefined;
  title: string;
  loading: boolean;
}) {
  const { t, locale } = useI18n();
  const pct = (n: number | null) => (n === null ? '—' : `${formatNumber(n, locale)}%`);
  const total = data?.total;
  return (
    <Card size="small" title={title} loading={loading} data-testid="completeness">
      {total && (
        <Flex gap={24} wrap style={{ marginBottom: 12 }}>
          <Statistic title={t('reports.completeness')} value={pct(total.completeness)} />
          <Statistic title={t('reports.timeliness')} value={pct(total.timeliness)} />
          <Statistic title={t('reports.submittedOf')} value={`${total.submitted}/${total.expected}`} />
        </Flex>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 520 }}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: t('reports.completenessEmpty') }}
        columns={[
          { title: t('reports.col.name'), dataIndex: 'name', fixed: 'left', width: 150 },
          { title: t('reports.col.expected'), dataIndex: 'expected', align: 'right' },
          { title: t('reports.col.submitted'), dataIndex: 'submitted', align: 'right' },
          { title: t('reports.col.onTime'), dataIndex: 'onTime', align: 'right' },
          { title: t('reports.col.late'), dataIndex: 'late', align: 'right' },
          { title: t('reports.col.missing'), dataIndex: 'missing', align: 'right' },
          { title: t('reports.completeness'), dataIndex: 'completeness', align: 'right', render: pct },
          { title: t('reports.timeliness'), dataIndex: 'timeliness', align: 'right', render: pct },
        ]}
      />
    </Card>
  );
}
