/**
 * Queries built and compiled once, then run with new values. Kysely builds an operation tree,
 * runs the CamelCase plugin over it and compiles it to SQL on every call — for the user read
 * behind an authenticated request (a join and a JSON sub-select) that was ~0.1 ms of the Node
 * thread per request, more than PostgreSQL spends answering it once the statement is prepared
 * (auto-prepare.ts). Kysely has no placeholder API, so the query is compiled once with marker
 * strings as its arguments and each marker's position in the parameter list is remembered.
 *
 * Only for queries whose arguments are single values used as they are (no IN lists, no
 * values Kysely rewrites): `compileOnce` throws at first use when an argument does not come
 * back as exactly one parameter, so a misuse fails its tests rather than running wrong SQL.
 * Both databases compile the same SQL (PostgreSQL's compiler, the same plugins), so one
 * template serves PGlite, PostgreSQL and transactions alike.
 */
import { createQueryId, type Compilable, type CompiledQuery } from 'kysely';
import type { Db } from './database.ts';

const marker = (i: number) => `\u0000xaso-argument-${i}\u0000`;

export function compileOnce<A extends unknown[], R>(build: (db: Db, ...args: A) => Compilable<R>) {
  let template: { compiled: CompiledQuery<R>; slots: number[] } | undefined;
  const prepare = (db: Db, arity: number) => {
    const compiled = build(db, ...(Array.from({ length: arity }, (_, i) => marker(i)) as A)).compile();
    const slots = compiled.parameters.map((p) =>
      typeof p === 'string' && p.startsWith('\u0000xaso-argument-') ? Number(p.slice(15, -1)) : -1,
    );
    for (let i = 0; i < arity; i++) {
      if (slots.filter((s) => s === i).length !== 1)
        throw new Error(`compileOnce: argument ${i} must appear exactly once among the parameters`);
    }
    return { compiled, slots };
  };
  /** Runs the query with these arguments on `db` (a Kysely instance or a transaction). */
  return async (db: Db, ...args: A): Promise<R[]> => {
    // A list would have been compiled as one marker where Kysely writes one parameter per item.
    const list = args.findIndex(Array.isArray);
    if (list >= 0) throw new Error(`compileOnce: argument ${list} is a list; build this query each time`);
    template ??= prepare(db, args.length);
    const { compiled, slots } = template;
    const parameters = compiled.parameters.map((p, i) => (slots[i] >= 0 ? args[slots[i]] : p));
    const result = await db.executeQuery<R>({ ...compiled, parameters, queryId: createQueryId() });
    return result.rows;
  };
}
