import type { RouteObject } from 'react-router-dom';
import { RequireCapability } from '../../app/guards.tsx';
import { CommuneReportPage } from './components/CommuneReportPage.tsx';
import { OpenCommuneReport } from './components/OpenCommuneReport.tsx';
import { ProvinceReportsPage } from './components/ProvinceReportsPage.tsx';
import { ReportsCalendarPage } from './components/ReportsCalendarPage.tsx';
import { SubmissionPage } from './components/SubmissionPage.tsx';

/** The periodic-reporting pages (issue 6), spread into the app's router. */
export const reportRoutes: RouteObject[] = [
  {
    element: <RequireCapability capability="reports.read" />,
    children: [
      { path: 'reports', element: <ReportsCalendarPage /> },
      { path: 'reports/periods/:periodId/units/:unitId', element: <SubmissionPage /> },
      { path: 'reports/periods/:periodId/commune-report', element: <CommuneReportPage /> },
      { path: 'reports/communes/:communeId/:code', element: <OpenCommuneReport /> },
    ],
  },
  {
    element: <RequireCapability capability="reports.receive" />,
    children: [{ path: 'reports/province', element: <ProvinceReportsPage /> }],
  },
];
