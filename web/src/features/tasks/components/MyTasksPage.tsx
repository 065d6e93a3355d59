import { Alert, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import { hasCapability, useCurrentUser } from '../../../lib/session.ts';
import type { MessageKey } from '../../../lib/messages/vi.ts';
import { useMyTasks } from '../api/lists.ts';
import type { TaskCard } from '../api/types.ts';
import { taskErrorText } from './errors.ts';
import { TaskCardView } from './TaskCardView.tsx';
import { TasksHeader } from './TasksHeader.tsx';
import './tasks.css';

function Section({
  title,
  items,
  total,
  testId,
}: {
  title: MessageKey;
  items: TaskCard[];
  total: number;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={
        <span>
          {t(title)} <Typography.Text type="secondary">({total})</Typography.Text>
        </span>
      }
      data-testid={testId}
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.mine.empty')} />
      ) : (
        <div className="xs-task-grid">
          {items.map((c) => (
            <TaskCardView key={c.id} card={c} />
          ))}
        </div>
      )}
      {total > items.length && (
        <Typography.Text type="secondary">{t('tasks.mine.more', { shown: items.length, n: total })}</Typography.Text>
      )}
    </Card>
  );
}

/** /tasks — "Nhiệm vụ của tôi": what I answer for, what waits for my approval, what my unit partners on. */
export function MyTasksPage() {
  const { t, locale } = useI18n();
  const mine = useMyTasks();
  const canApprove = hasCapability(useCurrentUser(), 'tasks.approve');
  const d = mine.data;
  return (
    <Flex vertical gap={12}>
      <TasksHeader />
      {mine.error && <Alert type="error" showIcon title={taskErrorText(mine.error, locale, t)} />}
      {mine.isPending && (
        <Card>
          <Skeleton active />
        </Card>
      )}
      {d && (
        <>
          {(d.counts.toApprove > 0 || canApprove) && (
            <Section
              title="tasks.mine.toApprove"
              items={d.toApprove}
              total={d.counts.toApprove}
              testId="mine-to-approve"
            />
          )}
          <Section
            title="tasks.mine.responsible"
            items={d.responsible}
            total={d.counts.responsible}
            testId="mine-responsible"
          />
          {d.counts.partnering > 0 && (
            <Section
              title="tasks.mine.partnering"
              items={d.partnering}
              total={d.counts.partnering}
              testId="mine-partnering"
            />
          )}
        </>
      )}
    </Flex>
  );
}
