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
}

/** A Kysely pool over a node-postgres pool that names hot statements. */
export function autoPreparingPool(pool: pg.Pool, names = new StatementNames()): PostgresPool {
  // Kysely keys its connection objects by client, so each pg client keeps one wrapper.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    query: ((sqlOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) => {
      if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as never);
      const name = names.nameOf(sqlOrCursor);
      return client.query({ text: sqlOrCursor, values: parameters as unknown[], ...(name ? { name } : {}) }) as Promise<PostgresQueryResult<unknown>>;
    }) as PostgresPoolClient['query'],
    release: () => client.release(),
  });
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
