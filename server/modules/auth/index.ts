/**
 * The face of the auth module: what other modules and the composition root may use.
 * Everything else in server/modules/auth/ is the module's own (eslint.config.js).
 */
export { GrantView, RoleSchema } from './auth.contract.ts';
export { registerAuthHook } from './auth.plugin.ts';
export { isSignInLocked, listGrantsOfUser, revokeSessionsOfUser, unlockSignIns } from './auth.queries.ts';
export { authRoutes } from './auth.routes.ts';
export { oidcRoutes } from './oidc.routes.ts';
export { sessionsChanged, startSessionFanout } from './session-fanout.ts';
