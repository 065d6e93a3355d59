import { Worker } from 'node:worker_threads';
import { projectPath } from '../project-paths.ts';

/** The error a database raised, with its SQLSTATE code (e.g. 23505 unique violation). */
export class DatabaseError extends Error {
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
  constructor(e: {
    message: string;
    code?: string;
    detail?: string;
    constraint?: string;
    table?: string;
    column?: string;
  }) {
    super(e.message);
    this.name = 'DatabaseError';
    Object.assign(this, { code: e.code, detail: e.detail, constraint: e.constraint, table: e.table, column: e.column });
  }
}

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void };

/**
 * Talks to the PGlite worker (pglite-worker.mjs) over postMessage. Every call is queued in
 * the worker in arrival order; callers that need exclusivity (transactions) take the
 * connection mutex in pglite-dialect.ts.
 */
export class PGliteWorkerClient {
  private worker: Worker;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  readonly ready: Promise<void>;

  constructor(opts: { dataDir?: string; loadDataDir?: Uint8Array }) {
    this.worker = new Worker(projectPath('server/platform/db/pglite-worker.mjs'), {
      workerData: { dataDir: opts.dataDir, loadDataDir: opts.loadDataDir },
    });
    this.ready = new Promise((resolve, reject) => this.pending.set(0, { resolve: () => resolve(), reject }));
    this.worker.on('message', (m: { id: number; ok: boolean; result?: unknown; error?: any }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new DatabaseError(m.error));
    });
    this.worker.on('error', (e) => this.failAll(e));
    this.worker.on('exit', (code) => {
      if (!this.closed) this.failAll(new Error(`Tiến trình cơ sở dữ liệu nhúng đã dừng (mã ${code}).`));
    });
  }

  private failAll(e: unknown) {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  private call<T>(op: string, payload: Record<string, unknown> = {}): Promise<T> {
    if (this.closed) return Promise.reject(new Error('Cơ sở dữ liệu đã đóng.'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, op, ...payload });
    });
  }

  query(sql: string, params: readonly unknown[] = []) {
    return this.call<{ rows: Record<string, unknown>[]; affectedRows?: number }>('query', { sql, params });
  }
  /** Statements run in order in one message; rejects with the first error (those after it do not run). */
  batch(statements: readonly { sql: string; params: readonly unknown[] }[]) {
    return this.call<{ rows: Record<string, unknown>[]; affectedRows?: number }[]>('batch', { statements });
  }
  exec(sql: string) {
    return this.call<null>('exec', { sql });
  }
  /** A gzip tarball of the whole data folder, taken between two statements (consistent). */
  dump() {
    return this.call<Uint8Array>('dump');
  }
  async close() {
    if (this.closed) return;
    await this.call('close');
    this.closed = true;
    await this.worker.terminate();
  }
}
