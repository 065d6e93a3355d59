/**
 * The face of the reporting module: what other modules and the composition root may use.
 * Everything else in server/modules/reporting/ is the module's own (eslint.config.js).
 */
export { REPORTING_PRODUCER, reportingFigures } from './platform-values.ts';
export { reportCommand } from './report.command.ts';
export { generateCalendarUnscoped } from './reporting-calendar.service.ts';
export { parsePeriod } from './reporting.periods.ts';
export { reportingRoutes } from './reporting.routes.ts';
export { attainment, STATUS_LABEL, targetStatus, vietnamDate } from './reporting.rules.ts';
