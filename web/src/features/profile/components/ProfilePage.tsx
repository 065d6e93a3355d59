import { App, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { GrantList } from '../../../components/GrantList.tsx';
import { errorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCurrentUser, useSignOut } from '../../../lib/session.ts';
import { useSignOutEverywhere } from '../api/sign-out-everywhere.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function ProfilePage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const signOut = useSignOut();
  const everywhere = useSignOutEverywhere();
  const dash = <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
        {t('nav.profile')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('profile.details')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'name', label: t('users.fullName'), children: user.fullName },
                { key: 'username', label: t('auth.username'), children: user.username },
                { key: 'email', label: t('users.email'), children: user.email ?? dash },
                { key: 'phone', label: t('users.phone'), children: user.phone ?? dash },
                { key: 'unit', label: t('users.orgUnit'), children: user.orgUnitName },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('home.yourRoles')}>
            <GrantList grants={user.grants} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('profile.changePassword')}>
            <ChangePasswordForm />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('profile.sessions')}>
            <Typography.Paragraph type="secondary">{t('profile.sessionsText')}</Typography.Paragraph>
            <Space wrap>
              <Button
                icon={<LogoutOutlined />}
                loading={signOut.isPending}
                onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}
              >
                {t('auth.signOut')}
              </Button>
              <Popconfirm
                title={t('profile.signOutEverywhereConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  everywhere.mutate(undefined, {
                    onSuccess: (r) => {
                      message.success(t('profile.signedOutEverywhere', { n: r.sessionsEnded }));
                      navigate('/sign-in', { replace: true });
                    },
                    onError: (err) => message.error(errorText(err, locale)),
                  })
                }
              >
                <Button danger loading={everywhere.isPending}>
                  {t('profile.signOutEverywhere')}
                </Button>
              </Popconfirm>
            </Space>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
