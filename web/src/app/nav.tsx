import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileTextOutlined,
  HomeOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../lib/messages/vi.ts';
import { hasCapability, type Capability, type CurrentUser } from '../lib/session.ts';

export interface NavItem {
  key: string;
  path: string;
  icon: ReactNode;
  label: MessageKey;
  /** Shown only to people who hold this capability somewhere. */
  capability?: Capability;
  /** Later modules: listed here so the menu has their place, hidden until they exist. */
  ready: boolean;
  group: 'work' | 'admin' | 'me';
}

export const NAV: NavItem[] = [
  { key: 'home', path: '/', icon: <HomeOutlined />, label: 'nav.home', ready: true, group: 'work' },
  {
    key: 'dashboard',
    path: '/dashboard',
    icon: <DashboardOutlined />,
    label: 'nav.dashboard',
    capability: 'plans.read',
    ready: true,
    group: 'work',
  },
  {
    key: 'plans',
    path: '/plans',
    icon: <FileTextOutlined />,
    label: 'nav.plans',
    capability: 'plans.read',
    ready: true,
    group: 'work',
  },
  {
    key: 'catalogue',
    path: '/catalogue',
    icon: <UnorderedListOutlined />,
    label: 'nav.catalogue',
    capability: 'catalogue.read',
    ready: true,
    group: 'work',
  },
  {
    key: 'tasks',
    path: '/tasks',
    icon: <CheckSquareOutlined />,
    label: 'nav.tasks',
    capability: 'tasks.read',
    ready: true,
    group: 'work',
  },
  {
    key: 'reports',
    path: '/reports',
    icon: <BarChartOutlined />,
    label: 'nav.reports',
    capability: 'reports.read',
    ready: true,
    group: 'work',
  },
  {
    key: 'org',
    path: '/org',
    icon: <ApartmentOutlined />,
    label: 'nav.org',
    capability: 'org.read',
    ready: true,
    group: 'admin',
  },
  {
    key: 'users',
    path: '/users',
    icon: <TeamOutlined />,
    label: 'nav.users',
    capability: 'users.read',
    ready: true,
    group: 'admin',
  },
  {
    key: 'audit',
    path: '/audit',
    icon: <AuditOutlined />,
    label: 'nav.audit',
    capability: 'audit.read',
    ready: true,
    group: 'admin',
  },
  { key: 'profile', path: '/profile', icon: <UserOutlined />, label: 'nav.profile', ready: true, group: 'me' },
];

export const visibleNav = (user: CurrentUser) =>
  NAV.filter((n) => n.ready && (!n.capability || hasCapability(user, n.capability)));

/** The menu key for a location: the longest nav path that prefixes it. */
export function navKeyFor(pathname: string): string {
  const match = NAV.filter((n) =>
    n.path === '/' ? pathname === '/' : pathname === n.path || pathname.startsWith(`${n.path}/`),
  );
  return match.sort((a, b) => b.path.length - a.path.length)[0]?.key ?? '';
}
