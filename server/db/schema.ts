/**
 * Kysely table types (camelCase; CamelCasePlugin maps them to the snake_case SQL of
 * db/migrations). Each module declares its own tables in <module>.tables.ts; this file joins
 * them into the one DB type. Keep in step with the migrations: `npm run typecheck` and the
 * API tests catch a column that does not exist.
 */
import type { PlatformTables } from '../platform/platform.tables.ts';
import type { IndicatorTables } from '../modules/indicators/indicators.tables.ts';
import type { PlanTables } from '../modules/plans/plans.tables.ts';
import type { ReportingTables } from '../modules/reporting/reporting.tables.ts';
import type { ValueTables } from '../modules/values/values.tables.ts';
import type { TaskTables } from '../modules/tasks/tasks.tables.ts';
import type { NotificationTables } from '../modules/notifications/notifications.tables.ts';

export interface DB
  extends PlatformTables, IndicatorTables, PlanTables, ReportingTables, ValueTables, TaskTables, NotificationTables {
  schemaMigrations: { name: string; appliedAt: Date };
}
