/**
 * Reads that can travel together. A `Reading` is a query and what its rows become; awaited on
 * its own it runs like any Kysely query — and, like a Kysely builder, not before: one never
 * awaited (nor given to `together`) never runs. On the embedded database `together([...])`
 * sends the readings it is given in one message to PGlite's worker thread, run in the order
 * given on one connection (a transaction's, when called inside one). Kysely sends a transaction's statements
 * one after the other, each waiting for the last; on PGlite every such round trip between the
 * threads costs ≈ 0.3 ms, several times PGlite's own work on a keyed read, so a use case that
 * reads five independent things waits five trips instead of one.
 *
 * On PostgreSQL `together` is Promise.all outside a transaction — the pool runs the reads side
 * by side on several connections, which a batch on one connection would not — and inside one
 * runs them one after another, as Kysely would.
 *
 * Written here rather than taken from a library: Kysely has no batch API, and this is what a
 * pipelining driver does (node-postgres does not pipeline; PGlite's worker is ours).
 */
import type { Compilable, CompiledQuery, QueryResult, RawBuilder } from 'kysely';
import type { Db } from './database.ts';
import { PGliteAdapter, type BatchingConnection } from './pglite-dialect.ts';

type Query<R> = Compilable<R> | RawBuilder<R>;

/** A query and the value its rows make; a thenable, so `await` runs it alone. */
export class Reading<T> implements PromiseLike<T> {
  readonly compiled: CompiledQuery;
  #answer: Promise<T> | undefined;

  constructor(
    readonly db: Db,
    query: Query<unknown>,
    private readonly shape: (rows: any[]) => T,
  ) {
    this.compiled = 'isRawBuilder' in query ? query.compile(db) : query.compile();
  }

  get started() {
    return this.#answer !== undefined;
  }

  /** The value from rows already fetched (by `together`). */
  settle(result: QueryResult<unknown>): T {
    const value = this.shape(result.rows as unknown[]);
    this.#answer = Promise.resolve(value);
    return value;
  }

  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    this.#answer ??= this.db.executeQuery(this.compiled).then((r) => this.shape(r.rows as unknown[]));
    return this.#answer.then(onFulfilled, onRejected);
  }
}

/** A reading of this query's rows, or of what `shape` makes of them. */
export function reading<R>(db: Db, query: Query<R>): Reading<R[]>;
export function reading<R, T>(db: Db, query: Query<R>, shape: (rows: R[]) => T): Reading<T>;
export function reading<R, T>(db: Db, query: Query<R>, shape?: (rows: R[]) => T): Reading<T | R[]> {
  return new Reading<T | R[]>(db, query as Query<unknown>, shape ?? ((rows: R[]) => rows));
}

/** What `together` answers for these items: each awaited, in place. */
export type Answers<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> };

/**
 * Awaits every item — readings, promises, plain values — like Promise.all; the readings not yet
 * started that share one embedded database go to it in one trip, in the order given. Use it for
 * statements that need nothing from each other's answers: the first error stops the rest of a
 * batch (inside a transaction, as any error does).
 */
export async function together<const T extends readonly unknown[]>(items: T): Promise<Answers<T>> {
  const batch = items.filter((x): x is Reading<unknown> => x instanceof Reading && !x.started);
  const db = batch[0]?.db;
  if (
    batch.length < 2 ||
    !db ||
    !(db.getExecutor().adapter instanceof PGliteAdapter) ||
    batch.some((r) => r.db !== db)
  ) {
    if (!db?.isTransaction) return Promise.all(items) as Promise<Answers<T>>;
    // In a transaction one after another, as a batch runs: after an error nothing more is sent
    // (with Promise.all a reading queued behind the failed one could reach the connection after
    // the rollback).
    const answers: unknown[] = [];
    for (const x of items) answers.push(await x);
    return answers as Answers<T>;
  }
  const executor = db.getExecutor();
  const fetched = executor.provideConnection(async (conn) => {
    const results = await (conn as BatchingConnection).executeBatch(batch.map((r) => r.compiled));
    // What Kysely's executor does to a query's result: each plugin's transformResult (CamelCase).
    return Promise.all(
      results.map(async (result, i) => {
        let out = result as QueryResult<any>;
        for (const plugin of executor.plugins)
          out = await plugin.transformResult({ result: out, queryId: batch[i].compiled.queryId });
        return out;
      }),
    );
  });
  const [results, others] = await Promise.all([
    fetched,
    Promise.all(items.map((x) => (batch.includes(x as Reading<unknown>) ? null : x))),
  ]);
  return items.map((x, i) => {
    const at = batch.indexOf(x as Reading<unknown>);
    return at >= 0 ? batch[at].settle(results[at]) : others[i];
  }) as Answers<T>;
}
