/**
 * The face of the calendar module: what other modules and the composition root may use.
 * Everything else in server/modules/calendar/ is the module's own (eslint.config.js).
 */
export {
  addDays,
  daysInMonth,
  formatViDate,
  fromDayNumber,
  isoDate,
  parseIsoDate,
  toDayNumber,
  vietnamToday,
  weekday,
} from './dates.ts';
export type { IsoDate } from './dates.ts';
export { buildCalendar, isWorkingDay, workingDaysBetween } from './working-days.rules.ts';
export type { WorkingCalendar } from './working-days.rules.ts';
