import { useState } from 'react';
import { Alert, Button, Card, Dropdown, Grid, Skeleton, Flex, Typography, type MenuProps } from 'antd';
import { MoreOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import type { MessageKey } from '../../../lib/messages/vi.ts';
import { useCurrentUser } from '../../../lib/session.ts';
import { useBoard } from '../api/lists.ts';
import type { TaskCard, TaskStatus } from '../api/types.ts';
import { ActionDialog, type ActionTarget } from './ActionDialog.tsx';
import { BOARD_MAX, BOARD_PAGE, moveFor, movesOf, type MoveAction } from './board.rules.ts';
import { taskErrorText } from './errors.ts';
import { statusLabel } from './labels.ts';
import { useTaskFilter } from './scope.ts';
import { TaskCardView } from './TaskCardView.tsx';
import { TaskFilters } from './TaskFilters.tsx';
import { TasksHeader } from './TasksHeader.tsx';
import './tasks.css';

/** The card's own menu: open it, or move it where its buttons allow (the phone's way to move a card). */
function CardMenu({
  card,
  columns,
  onMove,
}: {
  card: TaskCard;
  columns: TaskStatus[];
  onMove: (card: TaskCard, action: MoveAction) => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const items: MenuProps['items'] = [
    { key: 'open', label: t('tasks.card.open') },
    ...movesOf(card, columns).map((m) => ({
      key: m.action,
      label: `${t(`tasks.move.${m.action}` as MessageKey)} → ${t(statusLabel(m.to))}`,
      danger: m.action === 'return',
    })),
  ];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => (key === 'open' ? navigate(`/tasks/${card.id}`) : onMove(card, key as MoveAction)),
      }}
    >
      <Button
        type="text"
        size="small"
        icon={<MoreOutlined />}
        aria-label={t('tasks.card.actions')}
        data-testid="card-menu"
      />
    </Dropdown>
  );
}

/**
 * /tasks/board — the unit board: one column per status. On a wide screen a card is dragged to
 * another column, which calls the action leading there (only those in the card's
 * allowedActions; a return asks for its reason); on a phone the columns stack and each card's
 * menu does the same.
 */
export function BoardPage() {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const { filter, set, home, ready } = useTaskFilter(me);
  // Columns opened further ("show more"), by status; a new filter starts from the first cards again.
  const filterKey = JSON.stringify(filter);
  const [opened, setOpened] = useState<{ filterKey: string; more: Partial<Record<TaskStatus, number>> }>({
    filterKey,
    more: {},
  });
  const more = opened.filterKey === filterKey ? opened.more : {};
  const showMore = (status: TaskStatus, n: number) => setOpened({ filterKey, more: { ...more, [status]: n } });
  const board = useBoard(filter, ready, more);
  const wide = !!Grid.useBreakpoint().md;
  const [dragging, setDragging] = useState<TaskCard | null>(null);
  const [over, setOver] = useState<TaskStatus | null>(null);
  const [acting, setActing] = useState<{ target: ActionTarget; kind: MoveAction } | null>(null);
  const columns = board.data?.columns ?? [];
  const order = columns.map((c) => c.status);
  const move = (card: TaskCard, kind: MoveAction) => setActing({ target: card, kind });

  return (
    <Flex vertical gap={12}>
      <TasksHeader />
      <TaskFilters filter={filter} set={set} provinceId={home.provinceId} isProvince={home.isProvince} />
      {!ready && !home.pending && <Alert type="info" showIcon title={t('tasks.pickCommune')} />}
      {board.error && <Alert type="error" showIcon title={taskErrorText(board.error, locale, t)} />}
      {ready && board.isPending && (
        <Card>
          <Skeleton active />
        </Card>
      )}
      {wide && columns.length > 0 && <Typography.Text type="secondary">{t('tasks.board.dropHint')}</Typography.Text>}
      {columns.length > 0 && (
        <div className="xs-board-scroll">
          <div className={wide ? 'xs-board' : 'xs-board xs-board-stacked'} data-testid="board">
            {columns.map((col) => {
              const allowed = dragging ? moveFor(dragging, col.status) : null;
              return (
                <section
                  key={col.status}
                  className={`xs-board-col${dragging ? (allowed ? ' xs-drop-ok' : ' xs-drop-no') : ''}${over === col.status && allowed ? ' xs-drop-over' : ''}`}
                  data-testid="board-column"
                  data-status={col.status}
                  aria-label={t(statusLabel(col.status))}
                  onDragOver={(e) => {
                    if (!allowed) return;
                    e.preventDefault();
                    e.dataTransfer.dropEffect = 'move';
                    setOver(col.status);
                  }}
                  onDragLeave={() => setOver((o) => (o === col.status ? null : o))}
                  onDrop={(e) => {
                    e.preventDefault();
                    if (dragging && allowed) move(dragging, allowed);
                    setDragging(null);
                    setOver(null);
                  }}
                >
                  <header className="xs-board-head">
                    <span>{t(statusLabel(col.status))}</span>
                    <span className="xs-board-count" data-testid="column-count">
                      {col.count}
                    </span>
                  </header>
                  <div className="xs-board-cards">
                    {col.items.length === 0 && <div className="xs-muted xs-board-empty">{t('tasks.board.empty')}</div>}
                    {col.items.map((card) => (
                      <TaskCardView
                        key={card.id}
                        card={card}
                        showStatus={false}
                        draggable={wide && movesOf(card, order).length > 0}
                        onDragStart={(e) => {
                          e.dataTransfer.effectAllowed = 'move';
                          e.dataTransfer.setData('text/plain', card.id);
                          setDragging(card);
                        }}
                        onDragEnd={() => {
                          setDragging(null);
                          setOver(null);
                        }}
                        extra={<CardMenu card={card} columns={order} onMove={move} />}
                      />
                    ))}
                    {col.count > col.items.length && col.items.length < BOARD_MAX && (
                      <Button
                        type="link"
                        size="small"
                        data-testid="column-more"
                        loading={board.isFetching && (more[col.status] ?? 0) > col.items.length}
                        onClick={() => showMore(col.status, Math.min(BOARD_MAX, col.items.length + BOARD_PAGE))}
                      >
                        {(() => {
                          const left = col.count - col.items.length;
                          const n = Math.min(BOARD_PAGE, left, BOARD_MAX - col.items.length);
                          return n === left ? t('tasks.board.showRest', { n }) : t('tasks.board.showMore', { n, left });
                        })()}
                      </Button>
                    )}
                    {col.count > col.items.length && col.items.length >= BOARD_MAX && (
                      <div className="xs-muted xs-board-empty">
                        {t('tasks.board.more', { n: col.count - col.items.length })}
                      </div>
                    )}
                  </div>
                </section>
              );
            })}
          </div>
        </div>
      )}
      <ActionDialog target={acting?.target ?? null} kind={acting?.kind ?? null} onClose={() => setActing(null)} />
    </Flex>
  );
}
