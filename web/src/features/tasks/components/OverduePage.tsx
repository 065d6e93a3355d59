import { Alert, Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { formatDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCurrentUser } from '../../../lib/session.ts';
import { exportUrl, useOverdue } from '../api/lists.ts';
import type { TaskCard } from '../api/types.ts';
import { taskErrorText } from './errors.ts';
import { useTaskFilter } from './scope.ts';
import { TaskCardView } from './TaskCardView.tsx';
import { TaskFilters } from './TaskFilters.tsx';
import { TasksHeader } from './TasksHeader.tsx';
import './tasks.css';

function Block({ title, items, testId }: { title: string; items: TaskCard[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={`${title} (${items.length})`} data-testid={testId}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.overdue.none')} />
      ) : (
        <div className="xs-task-grid">
          {items.map((c) => (
            <TaskCardView key={c.id} card={c} />
          ))}
        </div>
      )}
    </Card>
  );
}

/** /tasks/overdue — for leaders: what is overdue (most days late first) and what is at risk, with the .xlsx. */
export function OverduePage() {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const { filter, set, home, ready } = useTaskFilter(me);
  const list = useOverdue(filter, ready);
  const overdue = [...(list.data?.overdue ?? [])].sort((a, b) => b.overdueWorkingDays - a.overdueWorkingDays);
  const atRisk = [...(list.data?.atRisk ?? [])].sort(
    (a, b) => b.expectedPercent - b.percent - (a.expectedPercent - a.percent),
  );
  return (
    <Flex vertical gap={12}>
      <TasksHeader
        extra={
          ready && (
            <Button href={exportUrl(filter)} icon={<DownloadOutlined />} data-testid="export-xlsx">
              {t('tasks.export')}
            </Button>
          )
        }
      />
      <TaskFilters filter={filter} set={set} provinceId={home.provinceId} isProvince={home.isProvince} />
      {!ready && !home.pending && <Alert type="info" showIcon title={t('tasks.pickCommune')} />}
      {list.error && <Alert type="error" showIcon title={taskErrorText(list.error, locale, t)} />}
      {ready && list.isPending && (
        <Card>
          <Skeleton active />
        </Card>
      )}
      {list.data && (
        <>
          <Typography.Text type="secondary">
            {t('tasks.overdue.asOf', { date: formatDate(list.data.today) })}
          </Typography.Text>
          <Block title={t('tasks.overdue.overdue')} items={overdue} testId="overdue-list" />
          <Block title={t('tasks.overdue.atRisk')} items={atRisk} testId="at-risk-list" />
        </>
      )}
    </Flex>
  );
}
