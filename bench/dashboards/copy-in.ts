/**
 * `COPY … FROM STDIN` with the plain `pg` client (no pg-copy-streams): a submittable query
 * that answers the server's CopyInResponse with the given chunks. Used as the raw-ingest
 * baseline of the deadline-wave benchmark.
 */
import type pg from 'pg';

interface Connection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

class CopyIn {
  private error: Error | null = null;
  rows = 0;
  constructor(
    private readonly text: string,
    private readonly chunks: Iterable<string>,
    private readonly done: (e: Error | null, rows: number) => void,
  ) {}
  submit(connection: Connection) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: Connection) {
    for (const c of this.chunks) connection.sendCopyFromChunk(Buffer.from(c, 'utf8'));
    connection.endCopyFrom();
  }
  handleCommandComplete(msg: { text?: string }) {
    this.rows = Number(/COPY (\d+)/.exec(msg.text ?? '')?.[1] ?? 0);
  }
  handleError(e: Error) {
    this.error = e;
  }
  handleReadyForQuery() {
    this.done(this.error, this.rows);
  }
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

/** Runs `text` (a COPY … FROM STDIN statement) sending `chunks`; resolves with the rows copied. */
export function copyIn(client: pg.Client, text: string, chunks: Iterable<string>): Promise<number> {
  return new Promise((resolve, reject) => {
    client.query(new CopyIn(text, chunks, (e, rows) => (e ? reject(e) : resolve(rows))) as unknown as pg.QueryConfig);
  });
}
