import type { Ctx } from './context.ts';
import { reading } from './db/reading.ts';

export interface AuditEntry {
  action: string;
  recordType: string;
  recordId?: string | null;
  summary: string;
  changes?: unknown;
  provinceId?: string | null;
  communeId?: string | null;
  /** When the actor is not (yet) signed in, e.g. a failed sign-in. */
  actorId?: string | null;
  actorName?: string | null;
}

/**
 * Adds audit rows (nhật ký) — call it inside the transaction of the write it records; the
 * entries of one use case go in one statement. Awaited, it writes them; it is also a reading
 * (db/reading.ts), so a use case can send it with other statements in one trip.
 */
export function audit(ctx: Ctx, entries: AuditEntry | AuditEntry[]): PromiseLike<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (!list.length) return Promise.resolve();
  return reading(
    ctx.db,
    ctx.db.insertInto('auditLog').values(
      list.map((entry) => ({
        actorId: entry.actorId !== undefined ? entry.actorId : (ctx.actor?.userId ?? null),
        actorName:
          entry.actorName !== undefined ? entry.actorName : (ctx.actor?.fullName ?? (ctx.actor ? null : 'Hệ thống')),
        action: entry.action,
        recordType: entry.recordType,
        recordId: entry.recordId ?? null,
        summary: entry.summary,
        changes: entry.changes === undefined ? null : JSON.stringify(entry.changes),
        ip: ctx.ip,
        requestId: ctx.requestId,
        provinceId: entry.provinceId ?? null,
        communeId: entry.communeId ?? null,
      })),
    ),
    () => undefined,
  );
}

/** The fields that differ between two versions of a record: { field: [before, after] }. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v !== undefined && JSON.stringify(before[k]) !== JSON.stringify(v)) out[k] = [before[k], v];
  }
  return out;
}
