/**
 * Automatic prepared statements for PostgreSQL, as Npgsql's "Max Auto Prepare" does: a
 * statement text that has run `minUses` times is sent with a name from then on, so each
 * connection parses and plans it once and later runs only bind + execute. Kysely always sends
 * unnamed statements, and PostgreSQL then plans every call again; for the read behind an
 * authenticated request (users ⋈ org units ⋈ grants) planning is most of the server's work —
 * measured on the 2-core machine: 6,300 unnamed against 22,000 named executions per second.
 *
 * Generated SQL varies (an IN list's length changes the text) and every name holds a plan in
 * each connection's memory, so the number of named texts is capped; texts past the cap, and
 * texts seen fewer times, run unnamed exactly as before. Written here rather than taken from a
 * library: node-postgres only offers the `name` field, and Kysely's PostgresDialect takes any
 * pool with `connect()` — this is that pool, about forty lines.
 *
 * Turn it off (`DB_PREPARED_STATEMENTS=0`) behind a pooler that cannot keep named statements
 * per client (PgBouncer in transaction mode before 1.21).
 *
 * A schema change while the server runs (a migration from another process) makes PostgreSQL
 * refuse a named `select *` whose columns changed ("cached plan must not change result type",
 * 0A000); the text then gets a new name, so every connection parses it afresh, and the
 * statement is run again at once when it was not inside a transaction (which the error ended).
 */
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

export interface AutoPrepareOptions {
  /** Runs of one text before it is named. */
  minUses: number;
  /** Most texts named per process (each connection prepares the ones it runs). */
  maxNamed: number;
}

export const AUTO_PREPARE_DEFAULTS: AutoPrepareOptions = { minUses: 3, maxNamed: 400 };

/** Which texts are hot enough to name; shared by every connection of the pool. */
export class StatementNames {
  private readonly uses = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private renewed = 0;
  constructor(private readonly opts: AutoPrepareOptions = AUTO_PREPARE_DEFAULTS) {}

  /** The statement's name, or undefined while it should run unnamed. */
  nameOf(text: string): string | undefined {
    const name = this.names.get(text);
    if (name || this.names.size >= this.opts.maxNamed) return name;
    const n = (this.uses.get(text) ?? 0) + 1;
    if (n < this.opts.minUses) {
      // Counting stays bounded too: one-off texts (long IN lists) are forgotten in bulk.
      if (this.uses.size >= 10 * this.opts.maxNamed) this.uses.clear();
      this.uses.set(text, n);
      return undefined;
    }
    this.uses.delete(text);
    const named = `xaso_${this.names.size + 1}`;
    this.names.set(text, named);
    return named;
  }

  get namedCount() {
    return this.names.size;
  }

  /** A new name for a text whose plan no longer fits its tables; connections that prepared the old one keep it unused. */
  renew(text: string): string | undefined {
    if (!this.names.has(text)) return undefined;
    const named = `xaso_r${++this.renewed}`;
    this.names.set(text, named);
    return named;
  }
}

/** PostgreSQL's refusal of a prepared statement whose result columns changed under it. */
const isStalePlan = (e: unknown) =>
  (e as { code?: string })?.code === '0A000' && /cached plan must not change result type/.test((e as Error).message);
const BEGINS = /^\s*(begin|start\s+transaction)\b/i;
const ENDS = /^\s*(commit|end|rollback(?!\s+to\b)|abort)\b/i;

/** A Kysely pool over a node-postgres pool that names hot statements. */
export function autoPreparingPool(pool: pg.Pool, names = new StatementNames()): PostgresPool {
  // Kysely keys its connection objects by client, so each pg client keeps one wrapper.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let inTransaction = false; // Kysely sends begin/commit/rollback as statements on this client
    const run = (text: string, values: unknown[], name: string | undefined) =>
      client.query({ text, values, ...(name ? { name } : {}) }) as Promise<PostgresQueryResult<unknown>>;
    return {
      query: (async (sqlOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) => {
        if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as never);
        if (BEGINS.test(sqlOrCursor)) inTransaction = true;
        else if (ENDS.test(sqlOrCursor)) inTransaction = false;
        const values = parameters as unknown[];
        const name = names.nameOf(sqlOrCursor);
        try {
          return await run(sqlOrCursor, values, name);
        } catch (e) {
          if (!name || !isStalePlan(e)) throw e;
          const renewed = names.renew(sqlOrCursor);
          if (inTransaction) throw e;
          return run(sqlOrCursor, values, renewed);
        }
      }) as PostgresPoolClient['query'],
      release: () => client.release(),
    };
  };
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrappers.get(client);
      if (!w) wrappers.set(client, (w = wrap(client)));
      return w;
    },
    end: () => pool.end(),
  };
}
