/**
 * The face of the indicators module: what other modules and the composition root may use.
 * Everything else in server/modules/indicators/ is the module's own (eslint.config.js).
 */
export { linkableIndicatorIds, listCatalogueForMatching } from './indicators.queries.ts';
export { indicatorRoutes } from './indicators.routes.ts';
export { ensureCatalogue } from './indicators.seed.ts';
