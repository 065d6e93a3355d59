import type { RouteObject } from 'react-router-dom';
import { RequireCapability } from '../../app/guards.tsx';
import { BoardPage } from './components/BoardPage.tsx';
import { FromPlanPage } from './components/FromPlanPage.tsx';
import { MyTasksPage } from './components/MyTasksPage.tsx';
import { NewTaskPage } from './components/NewTaskPage.tsx';
import { OverduePage } from './components/OverduePage.tsx';
import { TaskPage } from './components/TaskPage.tsx';
import { TimelinePage } from './components/TimelinePage.tsx';

/** The tasks pages ("6 rõ", issue 5), spread into the app's router. */
export const taskRoutes: RouteObject[] = [
  {
    element: <RequireCapability capability="tasks.read" />,
    children: [
      { path: 'tasks', element: <MyTasksPage /> },
      { path: 'tasks/board', element: <BoardPage /> },
      { path: 'tasks/timeline', element: <TimelinePage /> },
      { path: 'tasks/overdue', element: <OverduePage /> },
      { path: 'tasks/:id', element: <TaskPage /> },
    ],
  },
  {
    element: <RequireCapability capability="tasks.assign" />,
    children: [
      { path: 'tasks/new', element: <NewTaskPage /> },
      { path: 'tasks/from-plan', element: <FromPlanPage /> },
      { path: 'tasks/from-plan/:planId', element: <FromPlanPage /> },
    ],
  },
];
