import type { Config } from '../config.ts';
import type { Db } from './db/database.ts';
import type { Actor } from './access.ts';

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
}

/** Runs fn in one transaction; the ctx it receives writes through that transaction. */
export function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}

/** A context for work the system does itself (start-up, CLI, demo data). */
export function systemCtx(db: Db, config: Config): Ctx {
  return { db, config, actor: null, ip: null, requestId: null };
}
