import { useState } from 'react';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Divider,
  Flex,
  Popconfirm,
  Row,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import {
  DeleteOutlined,
  EditOutlined,
  KeyOutlined,
  StopOutlined,
  UnlockOutlined,
  CheckCircleOutlined,
  AuditOutlined,
} from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { GrantList } from '../../../components/GrantList.tsx';
import { errorText } from '../../../lib/errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { hasCapability, useCurrentUser } from '../../../lib/session.ts';
import { useUser } from '../api/get-user.ts';
import { useRemoveGrant } from '../api/remove-grant.ts';
import { useResetPassword } from '../api/reset-password.ts';
import { useUnlockUser } from '../api/unlock-user.ts';
import { useUpdateUser } from '../api/update-user.ts';
import { AddGrantForm } from './AddGrantForm.tsx';
import { EditUserModal } from './EditUserModal.tsx';
import { TemporaryPasswordModal } from './TemporaryPasswordModal.tsx';
import { UserStatusTags } from './UserStatusTags.tsx';

export function UserDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const query = useUser(id);
  const update = useUpdateUser(id);
  const reset = useResetPassword(id);
  const unlock = useUnlockUser(id);
  const revoke = useRemoveGrant(id);
  const [editing, setEditing] = useState(false);
  const [tempPassword, setTempPassword] = useState<string | null>(null);
  const fail = (err: unknown) => message.error(errorText(err, locale));

  const u = query.data;
  const can = (a: NonNullable<typeof u>['allowedActions'][number]) => !!u?.allowedActions.includes(a);
  const dash = <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <Flex vertical gap={12}>
      <Breadcrumb
        items={[
          { key: 'users', title: <Link to="/users">{t('nav.users')}</Link> },
          { key: 'u', title: u?.fullName ?? '…' },
        ]}
      />
      {query.error && <Alert type="error" showIcon title={errorText(query.error, locale)} />}
      {query.isPending && (
        <Card>
          <Skeleton active />
        </Card>
      )}
      {u && (
        <>
          <Card size="small">
            <Flex justify="space-between" gap={12} wrap>
              <div>
                <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
                  {u.fullName}
                </Typography.Title>
                <Space size={8} wrap style={{ marginTop: 4 }}>
                  <span className="xs-code">{u.username}</span>
                  <UserStatusTags user={u} />
                </Space>
              </div>
              <Space wrap>
                {can('edit') && (
                  <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                    {t('users.edit')}
                  </Button>
                )}
                {can('unlock') && (
                  <Button
                    icon={<UnlockOutlined />}
                    loading={unlock.isPending}
                    onClick={() =>
                      unlock.mutate(undefined, { onSuccess: () => message.success(t('users.unlocked')), onError: fail })
                    }
                  >
                    {t('users.unlock')}
                  </Button>
                )}
                {can('reset_password') && (
                  <Popconfirm
                    title={t('users.resetConfirm')}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      reset.mutate(undefined, { onSuccess: (r) => setTempPassword(r.temporaryPassword), onError: fail })
                    }
                  >
                    <Button icon={<KeyOutlined />} loading={reset.isPending}>
                      {t('users.resetPassword')}
                    </Button>
                  </Popconfirm>
                )}
                {can('disable') && (
                  <Popconfirm
                    title={t('users.disableConfirm')}
                    okText={t('common.confirm')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      update.mutate(
                        { isDisabled: true },
                        { onSuccess: () => message.success(t('users.disabledDone')), onError: fail },
                      )
                    }
                  >
                    <Button danger icon={<StopOutlined />} loading={update.isPending}>
                      {t('users.disable')}
                    </Button>
                  </Popconfirm>
                )}
                {can('enable') && (
                  <Button
                    icon={<CheckCircleOutlined />}
                    loading={update.isPending}
                    onClick={() =>
                      update.mutate(
                        { isDisabled: false },
                        { onSuccess: () => message.success(t('users.enabledDone')), onError: fail },
                      )
                    }
                  >
                    {t('users.enable')}
                  </Button>
                )}
              </Space>
            </Flex>
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('profile.details')}>
                <Descriptions
                  column={1}
                  size="small"
                  items={[
                    { key: 'unit', label: t('users.orgUnit'), children: u.orgUnitName },
                    { key: 'email', label: t('users.email'), children: u.email ?? dash },
                    { key: 'phone', label: t('users.phone'), children: u.phone ?? dash },
                    { key: 'last', label: t('users.lastSignIn'), children: formatDateTime(u.lastSignInAt) || dash },
                  ]}
                />
                {hasCapability(me, 'audit.read') && (
                  <Space wrap style={{ marginTop: 8 }}>
                    <Link to={`/audit?recordType=user&recordId=${u.id}`}>
                      <Button size="small" icon={<AuditOutlined />}>
                        {t('users.auditAbout')}
                      </Button>
                    </Link>
                    <Link
                      to={`/audit?actorId=${u.id}&actorName=${encodeURIComponent(`${u.fullName} (${u.username})`)}`}
                    >
                      <Button size="small" icon={<AuditOutlined />}>
                        {t('users.auditBy')}
                      </Button>
                    </Link>
                  </Space>
                )}
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('users.roles')}>
                <GrantList
                  grants={u.grants}
                  extra={(g) =>
                    can('revoke_grant') && (
                      <Popconfirm
                        title={t('users.revokeConfirm')}
                        okText={t('common.confirm')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() =>
                          revoke.mutate(g.id, {
                            onSuccess: () => message.success(t('users.roleRevoked')),
                            onError: fail,
                          })
                        }
                      >
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('users.revoke')}
                        />
                      </Popconfirm>
                    )
                  }
                />
                {can('grant') && (
                  <>
                    <Divider style={{ margin: '12px 0' }} />
                    <AddGrantForm userId={u.id} />
                  </>
                )}
              </Card>
            </Col>
          </Row>
          {can('edit') && <EditUserModal user={u} open={editing} onClose={() => setEditing(false)} />}
          <TemporaryPasswordModal username={u.username} password={tempPassword} onClose={() => setTempPassword(null)} />
        </>
      )}
    </Flex>
  );
}
