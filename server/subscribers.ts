/**
 * The composition root of domain events (platform/events.ts): which module hears what. Every
 * process that writes calls `registerSubscribers()` before its first write — buildApp, the
 * database preparation (bootstrap.ts, which may load the demo data) and the CLI commands that
 * write — and calling it again does nothing. A write that publishes in a process that never
 * registered fails loudly (events.ts `publish`) rather than leaving figures stale.
 */
import { subscribeValues } from './modules/values/index.ts';

let registered = false;

export function registerSubscribers(): void {
  if (registered) return;
  registered = true;
  // The values module: approved report values become indicator values; task, report and plan writes recount the computed ones.
  subscribeValues();
}
