import type { ReactNode } from 'react';
import { Button, Flex, Tabs, Typography } from 'antd';
import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { hasCapability, useCurrentUser } from '../../../lib/session.ts';

const VIEWS = [
  { key: '/tasks', label: 'tasks.tab.mine' },
  { key: '/tasks/board', label: 'tasks.tab.board' },
  { key: '/tasks/timeline', label: 'tasks.tab.timeline' },
  { key: '/tasks/overdue', label: 'tasks.tab.overdue' },
] as const;

/** Title, the four views of the tasks area, and the assigner's buttons. Filters travel with the address. */
export function TasksHeader({ extra }: { extra?: ReactNode }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const canAssign = hasCapability(me, 'tasks.assign');
  // Keep the filters (commune, plan, unit…) when switching views, not the page-specific ones.
  const carry = new URLSearchParams(location.search);
  return (
    <Flex vertical gap={4}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
          {t('tasks.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          {extra}
          {canAssign && (
            <Link to="/tasks/from-plan">
              <Button icon={<ApartmentOutlined />} data-testid="open-from-plan">
                {t('tasks.fromPlan')}
              </Button>
            </Link>
          )}
          {canAssign && (
            <Link to="/tasks/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="new-task">
                {t('tasks.new')}
              </Button>
            </Link>
          )}
        </Flex>
      </Flex>
      <Tabs
        activeKey={location.pathname}
        onChange={(k) => navigate({ pathname: k, search: k === '/tasks' ? '' : carry.toString() })}
        items={VIEWS.map((v) => ({
          key: v.key,
          label: <span data-testid={`tab-${v.key.split('/').pop()}`}>{t(v.label)}</span>,
        }))}
        style={{ marginBottom: -8 }}
      />
    </Flex>
  );
}
