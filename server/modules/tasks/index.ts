/**
 * The face of the tasks module: what other modules and the composition root may use.
 * Everything else in server/modules/tasks/ is the module's own (eslint.config.js).
 */
export { stats } from './tasks.lists.service.ts';
export { createFromPlan, previewFromPlan } from './tasks.plan.service.ts';
export { scanReminders } from './tasks.reminders.ts';
export type { ScanResult } from './tasks.reminders.ts';
export { taskRoutes } from './tasks.routes.ts';
export { deriveTaskState, planMilestones, timingOf } from './tasks.rules.ts';
export type { ActionEntry, TaskState } from './tasks.rules.ts';
export { act, todayOf, uploadEvidence } from './tasks.service.ts';
