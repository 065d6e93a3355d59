/**
 * The face of the users module: what other modules and the composition root may use.
 * Everything else in server/modules/users/ is the module's own (eslint.config.js).
 */
export { userRoutes } from './users.routes.ts';
