/**
 * The face of the dashboards module: what other modules and the composition root may use.
 * Everything else in server/modules/dashboards/ is the module's own (eslint.config.js).
 */
export { dashboardRoutes } from './dashboards.routes.ts';
