/**
 * The face of the audit module: what other modules and the composition root may use.
 * Everything else in server/modules/audit/ is the module's own (eslint.config.js).
 */
export { auditRoutes } from './audit.routes.ts';
