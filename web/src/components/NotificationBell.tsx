import { useState } from 'react';
import { Badge, Button, Empty, Flex, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { useNavigate } from 'react-router-dom';
import type { NotificationList } from '../../../server/modules/notifications/notifications.contract.ts';
import { get, post } from '../lib/api-client.ts';
import { formatDateTime } from '../lib/format.ts';
import { useI18n } from '../lib/i18n.tsx';

type List = z.infer<typeof NotificationList>;
type Note = List['items'][number];
const key = ['notifications'] as const;

const boxStyle = { width: 'min(360px, calc(100vw - 32px))', maxHeight: '60vh', overflowY: 'auto' as const };
const itemStyle = (unread: boolean) => ({
  display: 'block',
  width: '100%',
  textAlign: 'left' as const,
  border: 'none',
  borderRadius: 6,
  padding: '8px 8px',
  marginBottom: 2,
  cursor: 'pointer',
  background: unread ? '#fff1f0' : 'transparent',
  font: 'inherit',
  color: 'inherit',
});
const clamp = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical' as const,
  overflow: 'hidden',
  overflowWrap: 'anywhere' as const,
};

/**
 * The bell in the header: unread count, the latest notices (reminders, assignments, approvals,
 * returns, mentions), mark read, and a click opens the task. Polls once a minute, and only
 * while the page is visible (TanStack Query pauses intervals in background tabs).
 */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: key,
    queryFn: () => get<List>('/notifications', { limit: 20 }),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
  const markRead = useMutation({
    mutationFn: (id: string) => post(`/notifications/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  const markAll = useMutation({
    mutationFn: () => post('/notifications/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  const unread = list.data?.unreadCount ?? 0;

  const openNote = (n: Note) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    if (n.recordType === 'task' && n.recordId) navigate(`/tasks/${n.recordId}`);
  };

  const content = (
    <div style={boxStyle} data-testid="bell-list">
      <Flex justify="space-between" align="center" gap={8} style={{ padding: '4px 4px 8px' }}>
        <Typography.Text strong>{t('tasks.bell.label')}</Typography.Text>
        {unread > 0 && (
          <Button
            size="small"
            type="link"
            onClick={() => markAll.mutate()}
            loading={markAll.isPending}
            data-testid="bell-read-all"
          >
            {t('tasks.bell.readAll')}
          </Button>
        )}
      </Flex>
      {(list.data?.items.length ?? 0) === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.bell.empty')} />
      )}
      {list.data?.items.map((n) => (
        <button
          type="button"
          key={n.id}
          style={itemStyle(!n.readAt)}
          onClick={() => openNote(n)}
          data-testid="bell-item"
          data-unread={n.readAt ? 'no' : 'yes'}
        >
          <div style={{ ...clamp, fontWeight: n.readAt ? 400 : 600 }}>{n.title}</div>
          <div className="xs-muted" style={{ ...clamp, fontSize: 12 }}>
            {n.body}
          </div>
          <div className="xs-muted" style={{ fontSize: 11 }}>
            {formatDateTime(n.createdAt)}
          </div>
        </button>
      ))}
    </div>
  );

  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight" arrow={false}>
      <Button
        type="text"
        aria-label={unread ? t('tasks.bell.unread', { n: unread }) : t('tasks.bell.label')}
        data-testid="bell"
      >
        <Badge count={unread} size="small" overflowCount={99} data-testid="bell-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
