/**
 * The face of the plans module: what other modules and the composition root may use.
 * Everything else in server/modules/plans/ is the module's own (eslint.config.js).
 */
export { sniffFormat } from './import/document-text.ts';
export { importPlanDocument } from './import/import-plan-document.ts';
export { importPlanCommand } from './import/import-plan.command.ts';
export { contentFromExtraction, describeTarget } from './plans.content.ts';
export { enrich, saveContentAsPlan } from './plans.import.service.ts';
export { taskIdsOfPlan } from './plans.queries.ts';
export { planRoutes } from './plans.routes.ts';
