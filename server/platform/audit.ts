import type { Ctx } from './context.ts';

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
 * entries of one use case go in one statement.
 */
export async function audit(ctx: Ctx, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (!list.length) return;
  await ctx.db
    .insertInto('auditLog')
    .values(list.map((entry) => ({
      actorId: entry.actorId !== undefined ? entry.actorId : (ctx.actor?.userId ?? null),
      actorName: entry.actorName !== undefined ? entry.actorName : (ctx.actor?.fullName ?? (ctx.actor ? null : 'Hệ thống')),
      action: entry.action,
      recordType: entry.recordType,
      recordId: entry.recordId ?? null,
      summary: entry.summary,
      changes: entry.changes === undefined ? null : JSON.stringify(entry.changes),
      ip: ctx.ip,
      requestId: ctx.requestId,
      provinceId: entry.provinceId ?? null,
      communeId: entry.communeId ?? null,
    })))
    .execute();
}

/** The fields that differ between two versions of a record: { field: [before, after] }. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v !== undefined && JSON.stringify(before[k]) !== JSON.stringify(v)) out[k] = [before[k], v];
  }
  return out;
}
