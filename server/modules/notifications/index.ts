/**
 * The face of the notifications module: what other modules and the composition root may use.
 * Everything else in server/modules/notifications/ is the module's own (eslint.config.js).
 */
export { notificationRoutes } from './notifications.routes.ts';
export { notify, notifyFrom, queueMail } from './notifications.service.ts';
export { drainOutbox } from './outbox.sender.ts';
export type { DrainResult } from './outbox.sender.ts';
