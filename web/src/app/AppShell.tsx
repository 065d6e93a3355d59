import { useState } from 'react';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Typography, type MenuProps } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../lib/i18n.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { NotificationBell } from '../components/NotificationBell.tsx';
import { useCurrentUser, useSignOut } from '../lib/session.ts';
import { navKeyFor, visibleNav } from './nav.tsx';

const { Header, Sider, Content } = Layout;

function Brand({ light }: { light?: boolean }) {
  return (
    <Link
      to="/"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        color: light ? '#fff' : '#b71c1c',
        textDecoration: 'none',
      }}
    >
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <span style={{ fontWeight: 700, fontSize: 18, whiteSpace: 'nowrap' }}>Xã Số</span>
    </Link>
  );
}

export function AppShell() {
  const user = useCurrentUser();
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const isDesktop = !!screens.lg;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();

  const items = visibleNav(user);
  const groups: { key: 'work' | 'admin' | 'me'; label: string }[] = [
    { key: 'work', label: t('nav.groupWork') },
    { key: 'admin', label: t('nav.groupAdmin') },
    { key: 'me', label: t('nav.groupMe') },
  ];
  const menuItems: MenuProps['items'] = groups
    .map((g) => ({
      type: 'group' as const,
      key: g.key,
      label: g.label,
      children: items
        .filter((i) => i.group === g.key)
        .map((i) => ({ key: i.key, icon: i.icon, label: <Link to={i.path}>{t(i.label)}</Link> })),
    }))
    .filter((g) => g.children.length > 0);

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[navKeyFor(location.pathname)]}
      items={menuItems}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  const doSignOut = () => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) });
  const userMenu: MenuProps = {
    items: [
      { key: 'profile', icon: <UserOutlined />, label: <Link to="/profile">{t('nav.profile')}</Link> },
      { type: 'divider' },
      { key: 'sign-out', icon: <LogoutOutlined />, label: t('auth.signOut'), onClick: doSignOut },
    ],
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
          paddingInline: isDesktop ? 24 : 12,
          height: 56,
          lineHeight: '56px',
        }}
      >
        {!isDesktop && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.openMenu')}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Brand />
        {isDesktop && (
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {t('app.subtitle')}
          </Typography.Text>
        )}
        <div style={{ flex: 1 }} />
        <LanguageSwitch />
        {/* A temporary password may only be changed (the server refuses the rest until then). */}
        {!user.mustChangePassword && <NotificationBell />}
        <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
          <Button type="text" icon={<UserOutlined />} data-testid="user-menu" aria-label={user.fullName}>
            {isDesktop ? user.fullName : null}
          </Button>
        </Dropdown>
      </Header>
      <Layout>
        {isDesktop && (
          <Sider
            width={240}
            theme="light"
            style={{
              borderInlineEnd: '1px solid #f0f0f0',
              paddingTop: 8,
              position: 'sticky',
              top: 56,
              height: 'calc(100vh - 56px)',
              overflowY: 'auto',
            }}
          >
            <nav aria-label={t('nav.main')}>{menu}</nav>
          </Sider>
        )}
        {!isDesktop && (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={280}
            title={<Brand />}
            styles={{ body: { padding: 0 } }}
            footer={
              <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                <Typography.Text ellipsis style={{ flex: 1 }}>
                  {user.fullName}
                </Typography.Text>
                <Button icon={<LogoutOutlined />} onClick={doSignOut}>
                  {t('auth.signOut')}
                </Button>
              </div>
            }
          >
            <nav aria-label={t('nav.main')}>{menu}</nav>
          </Drawer>
        )}
        <Content style={{ padding: isDesktop ? 24 : 12, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
          <Outlet />
          {/* One scroll position per page, so toggles that change only the query keep their place. */}
          <ScrollRestoration getKey={(loc) => loc.pathname} />
        </Content>
      </Layout>
    </Layout>
  );
}
