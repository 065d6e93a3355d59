/**
 * When the server takes its daily backup, what the files are called, and which old copies
 * go — plain functions over plain values (backup-schedule.ts does the timers and the files).
 *
 * Times are instants (Date); the day boundary and the hour are Vietnam's (Asia/Ho_Chi_Minh,
 * UTC+7 all year: no daylight saving since 1975), whatever the server's own time zone is.
 */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** The latest instant at or before `now` when Vietnamese clocks showed `hour`:00. */
export function lastSlotAtOrBefore(now: Date, hour: number): Date {
  const local = now.getTime() + VIETNAM_OFFSET_MS;
  const dayStart = local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
  let slot = dayStart + hour * 3_600_000;
  if (slot > local) slot -= DAY_MS;
  return new Date(slot - VIETNAM_OFFSET_MS);
}

/** The first instant strictly after `now` when Vietnamese clocks show `hour`:00. */
export function nextSlotAfter(now: Date, hour: number): Date {
  return new Date(lastSlotAtOrBefore(now, hour).getTime() + DAY_MS);
}

/**
 * Whether a backup is owed now: none was taken since the last scheduled slot (the machine
 * was off or the server stopped at that hour — a commune office PC is often off at night).
 * A backup newer than the slot, even one taken by hand, counts.
 */
export function backupOwed(now: Date, hour: number, newest: Date | null): boolean {
  return newest === null || newest.getTime() < lastSlotAtOrBefore(now, hour).getTime();
}

const PREFIX = 'xaso-';
const SUFFIX = '.xaso.gz';
const NAME = /^xaso-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.xaso\.gz$/;

/** `xaso-20261123-020000.xaso.gz`: the moment in Vietnamese time, so names sort by age. */
export function backupFileName(at: Date): string {
  const d = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${PREFIX}${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}${SUFFIX}`;
}

/** The instant a scheduled backup's file name records, or null for any other file. */
export function backupFileTime(name: string): Date | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const t = Date.UTC(y, mo - 1, d, h, mi, s) - VIETNAM_OFFSET_MS;
  const back = new Date(t);
  // 20261131 or 256000 are not moments: such a file is not one of ours.
  return backupFileName(back) === name ? back : null;
}

/** The newest scheduled backup among the names in the folder. */
export function newestBackup(names: readonly string[]): { name: string; at: Date } | null {
  let best: { name: string; at: Date } | null = null;
  for (const name of names) {
    const at = backupFileTime(name);
    if (at && (!best || at > best.at)) best = { name, at };
  }
  return best;
}

/**
 * The files to delete once a new backup has been verified: scheduled backups beyond the
 * newest `keep`, and the half-written `.partial` files of scheduled backups (a run killed
 * midway). Files with any other name — a backup taken by hand, the operator's notes — are
 * never touched.
 */
export function filesToPrune(names: readonly string[], keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError('keep must be a whole number ≥ 1');
  const ours = names
    .map((name) => ({ name, at: backupFileTime(name) }))
    .filter((b): b is { name: string; at: Date } => b.at !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const partial = names.filter(
    (n) => n.endsWith('.partial') && backupFileTime(n.slice(0, -'.partial'.length)) !== null,
  );
  return [...ours.slice(keep).map((b) => b.name), ...partial];
}
