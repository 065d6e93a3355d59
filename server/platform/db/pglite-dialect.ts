import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { PGliteWorkerClient } from './pglite-client.ts';

/**
 * Kysely dialect for PGlite running in a worker (pglite-client.ts).
 *
 * Written here because `kysely-pglite` hands out several "connections" over PGlite's single
 * session without a lock, so a query outside a transaction joins it and is rolled back with
 * it (measured, TECH-NOTES §2); Kysely's own PGliteDialect needs Node 22. PGlite has exactly
 * one session, so there is exactly one connection behind a FIFO mutex: a transaction holds
 * it from BEGIN to COMMIT/ROLLBACK and other work waits its turn instead of joining.
 */
export class PGliteWorkerDialect implements Dialect {
  constructor(
    private readonly client: PGliteWorkerClient,
    private readonly acquireTimeoutMs = 60_000,
  ) {}
  createAdapter() {
    return new PGliteAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.client, this.acquireTimeoutMs);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
}

/** PostgreSQL's adapter; its class tells `together` (reading.ts) that the connection takes statements in batches. */
export class PGliteAdapter extends PostgresAdapter {}

/** A connection that runs several statements in one trip (the embedded database's). */
export interface BatchingConnection extends DatabaseConnection {
  executeBatch<R>(queries: readonly CompiledQuery[]): Promise<QueryResult<R>[]>;
}

function resultOf<R>(
  query: CompiledQuery,
  r: { rows: Record<string, unknown>[]; affectedRows?: number },
): QueryResult<R> {
  const kind = query.query?.kind;
  const isWrite =
    kind === 'InsertQueryNode' || kind === 'UpdateQueryNode' || kind === 'DeleteQueryNode' || kind === 'MergeQueryNode';
  return {
    rows: r.rows as R[],
    ...(isWrite && r.affectedRows !== undefined ? { numAffectedRows: BigInt(r.affectedRows) } : {}),
  };
}

class PGliteConnection implements BatchingConnection {
  /**
   * A transaction's BEGIN, not sent yet: it goes to the worker with the transaction's first
   * statement — each round trip between the threads costs more than PGlite's work on a short
   * statement (≈ 0.3 ms against 0.05 ms, 2-core machine), and every write is a transaction.
   */
  deferredBegin: string | null = null;
  constructor(private readonly client: PGliteWorkerClient) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.deferredBegin) return resultOf<R>(query, await this.client.query(query.sql, query.parameters));
    const [r] = await this.executeBatch<R>([query]);
    return r;
  }
  async executeBatch<R>(queries: readonly CompiledQuery[]): Promise<QueryResult<R>[]> {
    const statements = queries.map((q) => ({ sql: q.sql, params: q.parameters }));
    const begin = this.deferredBegin;
    this.deferredBegin = null;
    const results = await this.client.batch(begin ? [{ sql: begin, params: [] }, ...statements] : statements);
    return results.slice(begin ? 1 : 0).map((r, i) => resultOf<R>(queries[i], r));
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported on the embedded database.');
  }
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  /** Tail of the FIFO queue of holders of the single connection. */
  private tail: Promise<void> = Promise.resolve();
  private release: (() => void) | null = null;

  constructor(
    private readonly client: PGliteWorkerClient,
    private readonly acquireTimeoutMs: number,
  ) {
    this.connection = new PGliteConnection(client);
  }
  async init() {
    await this.client.ready;
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((r) => (release = r));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('Cơ sở dữ liệu nhúng bận quá lâu (chờ kết nối quá thời gian).')),
        this.acquireTimeoutMs,
      );
    });
    try {
      await Promise.race([previous, timeout]);
    } catch (e) {
      // Give our place in the queue on to the next waiter once our predecessor finishes.
      previous.then(release);
      throw e;
    } finally {
      clearTimeout(timer);
    }
    this.release = release;
    return this.connection;
  }
  async beginTransaction(_conn: DatabaseConnection, settings: TransactionSettings) {
    const iso = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    this.connection.deferredBegin = `begin${iso}`;
  }
  async commitTransaction(conn: DatabaseConnection) {
    // A transaction that ran no statement never began.
    if (this.connection.deferredBegin) this.connection.deferredBegin = null;
    else await conn.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(conn: DatabaseConnection) {
    if (this.connection.deferredBegin) this.connection.deferredBegin = null;
    else await conn.executeQuery(CompiledQuery.raw('rollback'));
  }
  async savepoint(conn: DatabaseConnection, name: string) {
    await conn.executeQuery(CompiledQuery.raw(`savepoint "${name}"`));
  }
  async rollbackToSavepoint(conn: DatabaseConnection, name: string) {
    await conn.executeQuery(CompiledQuery.raw(`rollback to savepoint "${name}"`));
  }
  async releaseSavepoint(conn: DatabaseConnection, name: string) {
    await conn.executeQuery(CompiledQuery.raw(`release savepoint "${name}"`));
  }
  async releaseConnection() {
    this.connection.deferredBegin = null;
    const r = this.release;
    this.release = null;
    r?.();
  }
  async destroy() {
    await this.client.close();
  }
}
