import type { DragEvent, ReactNode } from 'react';
import { Flex, Progress, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { TaskCard } from '../api/types.ts';
import { STATUS_COLOR, statusLabel, TIMING_COLOR, TIMING_STROKE, timingLabel } from './labels.ts';

/** How much time is left or lost, in working days (the counts the server derived). */
export function DueText({ card }: { card: TaskCard }) {
  const { t } = useI18n();
  const due = t('tasks.card.due', { date: formatDate(card.dueDate) });
  if (card.timing === 'overdue')
    return (
      <span className="xs-task-late">
        {due} · {t('tasks.card.overdueDays', { n: card.overdueWorkingDays })}
      </span>
    );
  if (card.status === 'verified') return <span>{due}</span>;
  return (
    <span>
      {due} · {t('tasks.card.remainingDays', { n: card.remainingWorkingDays })}
    </span>
  );
}

export function StatusTags({ card, showStatus = true }: { card: TaskCard; showStatus?: boolean }) {
  const { t } = useI18n();
  const timingMatters = card.timing === 'overdue' || card.timing === 'at_risk' || card.timing === 'done_late';
  return (
    <Flex gap={4} wrap>
      {showStatus && (
        <Tag color={STATUS_COLOR[card.status]} data-testid="task-status">
          {t(statusLabel(card.status))}
        </Tag>
      )}
      {timingMatters && (
        <Tag color={TIMING_COLOR[card.timing]} data-testid="task-timing">
          {t(timingLabel(card.timing))}
        </Tag>
      )}
    </Flex>
  );
}

interface Props {
  card: TaskCard;
  /** The phone's action menu, or anything else at the card's top right. */
  extra?: ReactNode;
  showStatus?: boolean;
  draggable?: boolean;
  onDragStart?: (e: DragEvent<HTMLDivElement>) => void;
  onDragEnd?: () => void;
}

/** A task as a small card: title (link), lead unit and person, due date, status, progress. */
export function TaskCardView({ card, extra, showStatus = true, draggable, onDragStart, onDragEnd }: Props) {
  return (
    <div
      className={`xs-task-card${draggable ? ' xs-task-draggable' : ''}`}
      data-testid="task-card"
      data-task={card.id}
      data-status={card.status}
      draggable={draggable}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
    >
      <Flex justify="space-between" align="start" gap={4}>
        <Link to={`/tasks/${card.id}`} className="xs-task-title" draggable={false}>
          {card.title}
        </Link>
        {extra}
      </Flex>
      <Typography.Text type="secondary" className="xs-task-meta">
        {card.leadUnit.name} · {card.assignee.name}
      </Typography.Text>
      <div className="xs-task-meta">
        <DueText card={card} />
      </div>
      <Flex align="center" gap={8} wrap>
        <Progress
          percent={card.percent}
          size="small"
          status={card.status === 'verified' ? 'success' : 'normal'}
          strokeColor={TIMING_STROKE[card.timing]}
          style={{ flex: '1 1 100px', margin: 0 }}
        />
        <StatusTags card={card} showStatus={showStatus} />
      </Flex>
    </div>
  );
}
