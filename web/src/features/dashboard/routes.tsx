import type { RouteObject } from 'react-router-dom';
import { RequireCapability } from '../../app/guards.tsx';
import { CommuneDashboardPage } from './components/CommuneDashboardPage.tsx';
import { DashboardHome } from './components/DashboardHome.tsx';
import { ImportPage, ImportPreviewPage } from './components/ImportPage.tsx';
import { NationalPage } from './components/NationalPage.tsx';
import { ProvincePage } from './components/ProvincePage.tsx';

/** The dashboards (issue 7, live attainment), spread into the app's router. */
export const dashboardRoutes: RouteObject[] = [
  {
    element: <RequireCapability capability="plans.read" />,
    children: [
      { path: 'dashboard', element: <DashboardHome /> },
      { path: 'dashboard/communes/:id', element: <CommuneDashboardPage /> },
      { path: 'dashboard/imports', element: <ImportPage /> },
      { path: 'dashboard/imports/:id', element: <ImportPreviewPage /> },
    ],
  },
  {
    element: <RequireCapability capability="reports.read" />,
    children: [
      { path: 'dashboard/provinces/:id', element: <ProvincePage /> },
      { path: 'dashboard/national', element: <NationalPage /> },
    ],
  },
];
