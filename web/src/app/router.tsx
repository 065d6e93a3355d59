import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router-dom';
import { SignInPage } from '../features/auth/components/SignInPage.tsx';
import { HomePage } from '../features/home/components/HomePage.tsx';
import { OrgBrowserPage } from '../features/org/components/OrgBrowserPage.tsx';
import { UsersPage } from '../features/users/components/UsersPage.tsx';
import { UserDetailPage } from '../features/users/components/UserDetailPage.tsx';
import { AuditPage } from '../features/audit/components/AuditPage.tsx';
import { ProfilePage } from '../features/profile/components/ProfilePage.tsx';
import { ChangePasswordPage } from '../features/profile/components/ChangePasswordPage.tsx';
import { PlansPage } from '../features/plans/components/PlansPage.tsx';
import { ImportReviewPage } from '../features/plans/components/review/ImportReviewPage.tsx';
import { PlanPage } from '../features/plans/components/plan/PlanPage.tsx';
import { VersionPage } from '../features/plans/components/plan/VersionPage.tsx';
import { CataloguePage } from '../features/catalogue/components/CataloguePage.tsx';
import { reportRoutes } from '../features/reports/routes.tsx';
import { dashboardRoutes } from '../features/dashboard/routes.tsx';
import { taskRoutes } from '../features/tasks/routes.tsx';
import { AppShell } from './AppShell.tsx';
import { RequireAuth, RequireCapability } from './guards.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RouteError } from './RouteError.tsx';

/** The pages inside the signed-in shell. */
const pages: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'change-password', element: <ChangePasswordPage /> },
  { path: 'profile', element: <ProfilePage /> },
  {
    element: <RequireCapability capability="org.read" />,
    children: [
      { path: 'org', element: <OrgBrowserPage /> },
      { path: 'org/:id', element: <OrgBrowserPage /> },
    ],
  },
  {
    element: <RequireCapability capability="users.read" />,
    children: [
      { path: 'users', element: <UsersPage /> },
      { path: 'users/:id', element: <UserDetailPage /> },
    ],
  },
  { element: <RequireCapability capability="audit.read" />, children: [{ path: 'audit', element: <AuditPage /> }] },
  {
    element: <RequireCapability capability="plans.read" />,
    children: [
      { path: 'plans', element: <PlansPage /> },
      { path: 'plans/imports/:id', element: <ImportReviewPage /> },
      { path: 'plans/:id', element: <PlanPage /> },
      { path: 'plans/:id/versions/:no', element: <VersionPage /> },
    ],
  },
  {
    element: <RequireCapability capability="catalogue.read" />,
    children: [{ path: 'catalogue', element: <CataloguePage /> }],
  },
  ...reportRoutes,
  ...dashboardRoutes,
  ...taskRoutes,
  { path: '*', element: <NotFoundPage /> },
];

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteError />,
    // The inner errorElement keeps the menu on screen when one page fails.
    children: [{ element: <AppShell />, children: [{ errorElement: <RouteError />, children: pages }] }],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
