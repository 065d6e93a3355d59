/**
 * The face of the values module: what other modules and the composition root may use.
 * Everything else in server/modules/values/ is the module's own (eslint.config.js).
 */
export { recountAllCommunes } from './computed-values.ts';
export { valueRoutes } from './values.routes.ts';
export { subscribeValues } from './values.subscribers.ts';
