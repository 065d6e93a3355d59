import type { Config } from '../config.ts';
import type { Db } from './db/database.ts';
import type { Actor } from './access.ts';
import { deliverEvents, type PendingEvents } from './events.ts';

/**
 * What a use case needs about the request: the database (or the open transaction), the
 * actor, and where the request came from (for the audit row). Services take it first.
 */
export interface Ctx {
  db: Db;
  config: Config;
  actor: Actor | null;
  ip: string | null;
  requestId: string | null;
  /** Inside `inTransaction`: the events published so far, delivered before COMMIT (events.ts). */
  events?: PendingEvents;
}

/**
 * Runs fn in one transaction; the ctx it receives writes through that transaction. The
 * events fn publishes reach their subscribers after fn and before COMMIT, in the same
 * transaction: a subscriber's failure rolls everything back.
 */
export function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const tx: Ctx = { ...ctx, db: trx, events: { queue: [] } };
    const result = await fn(tx);
    await deliverEvents(tx);
    return result;
  });
}

/** A context for work the system does itself (start-up, CLI, demo data). */
export function systemCtx(db: Db, config: Config): Ctx {
  return { db, config, actor: null, ip: null, requestId: null };
}
