import type { ReactNode } from 'react';
import { Card, Col, Row, Typography } from 'antd';
import { ApartmentOutlined, AuditOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import { GrantList } from '../../../components/GrantList.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import type { MessageKey } from '../../../lib/messages/vi.ts';
import { hasCapability, useCurrentUser, type Capability } from '../../../lib/session.ts';
import { ROLES } from '../../../lib/labels.ts';

interface Shortcut {
  key: string;
  to: string;
  icon: ReactNode;
  title: MessageKey;
  text: MessageKey;
  capability?: Capability;
}

const SHORTCUTS: Shortcut[] = [
  {
    key: 'org',
    to: '/org',
    icon: <ApartmentOutlined />,
    title: 'nav.org',
    text: 'home.orgText',
    capability: 'org.read',
  },
  {
    key: 'users',
    to: '/users',
    icon: <TeamOutlined />,
    title: 'nav.users',
    text: 'home.usersText',
    capability: 'users.read',
  },
  {
    key: 'audit',
    to: '/audit',
    icon: <AuditOutlined />,
    title: 'nav.audit',
    text: 'home.auditText',
    capability: 'audit.read',
  },
  { key: 'profile', to: '/profile', icon: <UserOutlined />, title: 'nav.profile', text: 'home.profileText' },
];

function greetingKey(hour: number): MessageKey {
  if (hour < 11) return 'home.goodMorning';
  if (hour < 14) return 'home.goodNoon';
  if (hour < 18) return 'home.goodAfternoon';
  return 'home.goodEvening';
}

export function HomePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const now = dayjs();
  // The most senior role decides the introduction line.
  const topRole = ROLES.find((r) => user.grants.some((g) => g.role === r));
  const shortcuts = SHORTCUTS.filter((s) => !s.capability || hasCapability(user, s.capability));

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <div>
        <Typography.Text type="secondary">{now.format('dddd, DD/MM/YYYY')}</Typography.Text>
        <Typography.Title level={2} style={{ margin: '4px 0', fontSize: 24 }} data-testid="greeting">
          {t(greetingKey(now.hour()), { name: user.fullName })}
        </Typography.Title>
        {topRole && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t(`home.intro.${topRole}` as MessageKey)}
          </Typography.Paragraph>
        )}
      </div>
      <Card title={t('home.yourRoles')} size="small">
        <GrantList grants={user.grants} />
      </Card>
      <Row gutter={[12, 12]}>
        {shortcuts.map((s) => (
          <Col key={s.key} xs={24} sm={12} xl={6}>
            <Link to={s.to} data-testid={`shortcut-${s.key}`} style={{ display: 'block', height: '100%' }}>
              <Card
                hoverable
                style={{ height: '100%' }}
                styles={{ body: { display: 'flex', gap: 14, alignItems: 'flex-start', padding: 16 } }}
              >
                <span style={{ fontSize: 26, color: '#b71c1c', lineHeight: 1 }}>{s.icon}</span>
                <div>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {t(s.title)}
                  </Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                    {t(s.text)}
                  </Typography.Paragraph>
                </div>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('home.comingSoon')}
      </Typography.Paragraph>
    </div>
  );
}
