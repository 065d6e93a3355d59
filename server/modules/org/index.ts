/**
 * The face of the org module: what other modules and the composition root may use.
 * Everything else in server/modules/org/ is the module's own (eslint.config.js).
 */
export { IsoDate } from './org.contract.ts';
export { findNode, unitIdsOfCommune } from './org.queries.ts';
export { orgRoutes } from './org.routes.ts';
export { unitFullName } from './org.rules.ts';
export { buildOrgRows, ensureOrgTree, readAdminUnits, REFORM_DATE } from './org.seed.ts';
