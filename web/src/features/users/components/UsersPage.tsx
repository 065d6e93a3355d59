import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Flex, Grid, Input, Row, Skeleton, Table, Typography } from 'antd';
import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { OrgUnitPicker, type PickedOrg } from '../../../components/OrgUnitPicker.tsx';
import { errorText } from '../../../lib/errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { roleLabel } from '../../../lib/labels.ts';
import { hasCapability, useCurrentUser } from '../../../lib/session.ts';
import { useDebounced } from '../../../lib/use-debounced.ts';
import type { CreatedUser } from '../api/create-user.ts';
import { useUserList, type UserView } from '../api/list-users.ts';
import { CreateUserModal } from './CreateUserModal.tsx';
import { TemporaryPasswordModal } from './TemporaryPasswordModal.tsx';
import { UserStatusTags } from './UserStatusTags.tsx';

function RolesCell({ user }: { user: UserView }) {
  const { locale } = useI18n();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {user.grants.map((g) => (
        <span key={g.id} style={{ fontSize: 13 }}>
          {roleLabel(g.role, locale)} <span className="xs-muted">— {g.orgUnitName}</span>
        </span>
      ))}
    </div>
  );
}

export function UsersPage() {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const wide = !!Grid.useBreakpoint().md;
  const [q, setQ] = useState('');
  const [org, setOrg] = useState<PickedOrg | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const term = useDebounced(q.trim(), 300);
  const list = useUserList({ q: term || undefined, orgUnitId: org?.id });
  const users = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
          {t('nav.users')}
        </Typography.Title>
        {hasCapability(me, 'users.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">
            {t('users.create')}
          </Button>
        )}
      </Flex>
      <Row gutter={[8, 8]}>
        <Col xs={24} md={12}>
          <Input.Search
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.search')}
            data-testid="user-search"
          />
        </Col>
        <Col xs={24} md={12}>
          <OrgUnitPicker value={org} onChange={setOrg} allowClear placeholder={t('users.filterByUnit')} />
        </Col>
      </Row>
      {list.error && <Alert type="error" showIcon title={errorText(list.error, locale)} />}
      {list.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : wide ? (
        <Table<UserView>
          rowKey="id"
          dataSource={users}
          pagination={false}
          size="middle"
          scroll={{ x: 800 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.nothingFound')} /> }}
          onRow={(u) => ({ onClick: () => navigate(`/users/${u.id}`), style: { cursor: 'pointer' } })}
          columns={[
            {
              key: 'name',
              title: t('users.fullName'),
              render: (_, u) => (
                <>
                  <Link to={`/users/${u.id}`}>{u.fullName}</Link>
                  <div className="xs-code">{u.username}</div>
                </>
              ),
            },
            { key: 'unit', title: t('users.orgUnit'), dataIndex: 'orgUnitName' },
            { key: 'roles', title: t('users.roles'), render: (_, u) => <RolesCell user={u} /> },
            { key: 'status', title: t('users.status'), render: (_, u) => <UserStatusTags user={u} /> },
            { key: 'last', title: t('users.lastSignIn'), render: (_, u) => formatDateTime(u.lastSignInAt) || '—' },
          ]}
        />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          {users.length === 0 && (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('common.nothingFound')}
              style={{ padding: 16 }}
            />
          )}
          {users.map((u) => (
            <Link key={u.id} to={`/users/${u.id}`} className="xs-row" data-testid="user-row">
              <div className="xs-row-main">
                <div className="xs-row-title">
                  {u.fullName} <span className="xs-code">{u.username}</span>
                </div>
                <div className="xs-muted" style={{ fontSize: 12 }}>
                  {u.orgUnitName}
                </div>
                <RolesCell user={u} />
                <div style={{ marginTop: 4 }}>
                  <UserStatusTags user={u} />
                </div>
              </div>
              <RightOutlined className="xs-muted" />
            </Link>
          ))}
        </Card>
      )}
      {list.hasNextPage && (
        <Button block onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      )}
      <CreateUserModal open={creating} onClose={() => setCreating(false)} onCreated={setCreated} />
      <TemporaryPasswordModal
        username={created?.user.username ?? ''}
        password={created?.temporaryPassword ?? null}
        onClose={() => {
          const id = created?.user.id;
          setCreated(null);
          if (id) navigate(`/users/${id}`);
        }}
      />
    </Flex>
  );
}
