// The embedded database (PGlite) lives in this worker thread so that a long query never
// freezes the server's event loop (measured: a 2 s query froze the main thread for 2.1 s,
// but only 8–10 ms when run here). It is plain JavaScript because worker threads start
// without the TypeScript loader.
//
// Protocol: the parent posts { id, op, ... }; the worker answers { id, ok, result | error }.
// `batch` carries several statements in one message (one round trip between the threads).
// Messages are handled one at a time, in order (the parent also serialises connections).
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, parse, protocol, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';

// The same value types on both databases (server/platform/db/pg-types.ts does this for pg):
// bigint counts → number, numeric → number, date → 'YYYY-MM-DD' text.
const parsers = {
  [types.INT8]: (v) => Number(v),
  [types.NUMERIC]: (v) => Number(v),
  [types.DATE]: (v) => v,
};

const { dataDir, loadDataDir } = workerData;
let db;

function serialiseError(e) {
  return {
    message: e?.message ?? String(e),
    code: e?.code,
    detail: e?.detail,
    constraint: e?.constraint,
    table: e?.table,
    column: e?.column,
  };
}

async function open() {
  // Extensions must be passed on every open, or a data folder that uses them fails to load.
  db = await PGlite.create({
    dataDir,
    loadDataDir: loadDataDir ? new Blob([loadDataDir]) : undefined,
    extensions: { pg_trgm, unaccent, pgcrypto, citext, amcheck },
    parsers,
  });
}

// ——— Named statements ———
// PGlite's query() parses and plans every statement anew and crosses into the wasm module six
// times (parse, describe, bind, describe, execute, sync). Here a statement text is parsed once
// under a name; later runs send bind + describe + execute + sync in one message, so PostgreSQL
// only binds and executes — as PostgreSQL itself is used through auto-prepare.ts. Measured on
// the 2-core machine: a keyed SELECT 0.24–0.31 → 0.085 ms, a keyed INSERT 0.25 → 0.075 ms.
// Written here because PGlite offers only the wire protocol for this (execProtocol and its
// serialize/parse helpers, all public); the values are serialised by the parameter types the
// statement's description gives, exactly as query() does.
const { serialize } = protocol;
/** Most named texts kept (least recently run closed first): generated SQL varies (an IN list's length changes the text), and each name holds a plan in the database's memory. */
const MAX_NAMED = 400;
/** text → { name, types }, in order of last use. */
const named = new Map();
/** Names to close with the next statement prepared (Close of a name already gone is no error). */
let toClose = [];
let nextName = 1;
/** Only these are named: a statement that changes the schema runs as before and retires every name (a plan of `select *` must not outlive its table's columns). */
const NAMEABLE = /^\s*(select|insert|update|delete|with|values|begin|commit|rollback|savepoint|release)\b/i;

function forgetNamed() {
  for (const st of named.values()) toClose.push(st.name);
  named.clear();
}

async function prepared(sql) {
  const st = named.get(sql);
  if (st) {
    named.delete(sql); // move to the end: the most recently used
    named.set(sql, st);
    return st;
  }
  while (named.size >= MAX_NAMED) {
    const [text, old] = named.entries().next().value;
    named.delete(text);
    toClose.push(old.name);
  }
  const name = `x${nextName++}`;
  const closing = toClose.map((n) => serialize.close({ type: 'S', name: n }));
  toClose = [];
  const r = await db.execProtocol(
    Buffer.concat([
      ...closing,
      serialize.parse({ name, text: sql }),
      serialize.describe({ type: 'S', name }),
      serialize.sync(),
    ]),
    { syncToFs: false },
  );
  const fresh = { name, types: parse.parseDescribeStatementResults(r.messages) };
  named.set(sql, fresh);
  return fresh;
}

async function runNamed(sql, params) {
  const st = await prepared(sql);
  const values = params.map((p, i) => {
    if (p === null || p === undefined) return null;
    const serialise = db.serializers[st.types[i]];
    return serialise ? serialise(p) : p.toString();
  });
  try {
    const r = await db.execProtocol(
      Buffer.concat([
        serialize.bind({ statement: st.name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    return parse.parseResults(r.messages, db.parsers, { rowMode: 'object' })[0];
  } catch (e) {
    // The plan no longer fits its tables ("cached plan must not change result type"): prepare
    // the text afresh, and run it again now unless the error has ended a transaction.
    if (e?.code !== '0A000' || named.get(sql) !== st) throw e;
    named.delete(sql);
    toClose.push(st.name);
    if (db.isInTransaction()) throw e;
    return runNamed(sql, params);
  }
}

async function runOne(sql, params) {
  if (!NAMEABLE.test(sql)) {
    try {
      const r = await db.query(sql, params, { rowMode: 'object' });
      return { rows: r.rows, affectedRows: r.affectedRows };
    } finally {
      forgetNamed();
    }
  }
  const r = await runNamed(sql, params);
  return { rows: r.rows, affectedRows: r.affectedRows };
}

const handlers = {
  query({ sql, params }) {
    return runOne(sql, params ?? []);
  },
  /** Statements sent in one message, run in order; the first error stops the rest and is the answer. */
  async batch({ statements }) {
    const results = [];
    for (const { sql, params } of statements) results.push(await runOne(sql, params ?? []));
    return results;
  },
  async exec({ sql }) {
    try {
      await db.exec(sql);
    } finally {
      forgetNamed(); // scripts are migrations and other schema changes
    }
    return null;
  },
  async dump() {
    const blob = await db.dumpDataDir('gzip');
    return new Uint8Array(await blob.arrayBuffer());
  },
  async close() {
    await db.close();
    return null;
  },
};

const ready = open().then(
  () => parentPort.postMessage({ id: 0, ok: true, result: null }),
  (e) => parentPort.postMessage({ id: 0, ok: false, error: serialiseError(e) }),
);

let chain = ready;
parentPort.on('message', (msg) => {
  chain = chain.then(async () => {
    try {
      const result = await handlers[msg.op](msg);
      parentPort.postMessage({ id: msg.id, ok: true, result });
    } catch (e) {
      parentPort.postMessage({ id: msg.id, ok: false, error: serialiseError(e) });
    }
  });
});
