/**
 * Session changes reach every server process before the change's request answers.
 *
 * Each process keeps resolved sessions in memory (session-cache.ts). Before, a process that did
 * not make a change (sign-out everywhere, disabling a person, a grant removed) kept serving the
 * old session for up to 5 s: with SERVER_PROCESSES=2, ~200 requests were answered after
 * sign-out-everywhere and 59 writes of a disabled person were stored (issue 22, finding 6).
 *
 * Now a change is announced after it commits (`sessionsChanged`). On PostgreSQL every server
 * process — also on other machines sharing the database — holds one listening connection
 * (application_name `xaso-sessions`, LISTEN xaso_session_changes). The announcing process:
 * evicts its own entries, lists the other listeners (pg_stat_activity), NOTIFYs, and waits until
 * each has evicted and acknowledged (NOTIFY xaso_session_acks) — so once the request that made
 * the change answers, no process serves the old session. A listener that does not acknowledge
 * within ACK_TIMEOUT_MS has its connection ended by the announcer; its process then stops using
 * its cache until it listens again (and then starts empty). A process whose own listener is down
 * uses no cache at all (every request reads the database). On PGlite there is one process: the
 * eviction is all there is.
 *
 * Cost: nothing per request; two statements and one round of notifications per change.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { Ctx } from '../../platform/context.ts';
import type { Database, Db } from '../../platform/db/database.ts';
import { evictAll, evictSession, evictUserSessions, setListenerHearing } from './session-cache.ts';

/** What changed: one session, or every session of a person. */
export type SessionChange = { sessionId: string } | { userId: string };

const CHANGES = 'xaso_session_changes';
const ACKS = 'xaso_session_acks';
const LISTENER_NAME = 'xaso-sessions';
export const ACK_TIMEOUT_MS = 2_000;
const RECONNECT_MS = 1_000;

interface Message {
  id: string;
  /** The announcer's listener backend (it evicted already and does not acknowledge itself). */
  from: number;
  ping?: true;
  sessionId?: string;
  userId?: string;
}

const say = (msg: string) => process.stderr.write(`${msg}\n`);

function evict(change: SessionChange) {
  if ('sessionId' in change) evictSession(change.sessionId);
  else evictUserSessions(change.userId);
}

/** One PostgreSQL database's listener in this process. */
class SessionListener {
  private client: pg.Client | null = null;
  private pid = 0;
  private hearing = false;
  private closed = false;
  private readonly waiting = new Map<string, { pids: Set<number>; done: () => void }>();
  private pinged: (() => void) | null = null;

  constructor(private readonly connectionString: string) {
    setListenerHearing(this, false);
  }

  /** Connects and proves it hears its own NOTIFY; resolves either way within a few seconds. */
  async start(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString, application_name: LISTENER_NAME });
    this.client = client;
    client.on('notification', (n) => this.onNotification(n));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      this.pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
      await client.query(`listen ${CHANGES}`);
      await client.query(`listen ${ACKS}`);
      const heard = new Promise<boolean>((resolve) => {
        this.pinged = () => resolve(true);
        setTimeout(() => resolve(false), ACK_TIMEOUT_MS).unref();
      });
      await client.query('select pg_notify($1, $2)', [
        CHANGES,
        JSON.stringify({ id: crypto.randomUUID(), from: this.pid, ping: true } satisfies Message),
      ]);
      if (!(await heard)) throw new Error('LISTEN không nhận được NOTIFY (kết nối qua bộ gộp kết nối?)');
      // Anything announced while it was not listening is unknown: start from an empty cache.
      evictAll();
      this.hearing = true;
      setListenerHearing(this, true);
    } catch (e) {
      say(
        `Phiên đăng nhập: chưa nghe được thông báo thu hồi phiên (${(e as Error).message}); đọc phiên từ CSDL mỗi yêu cầu.`,
      );
      this.lost(client);
    }
  }

  private lost(client: pg.Client) {
    if (this.client !== client) return; // an older connection, already given up
    this.client = null;
    this.hearing = false;
    setListenerHearing(this, false);
    client.end().catch(() => {});
    for (const w of this.waiting.values()) w.done();
    this.waiting.clear();
    if (!this.closed) setTimeout(() => void this.start(), RECONNECT_MS).unref();
  }

  private onNotification(n: pg.Notification) {
    if (n.channel === ACKS) {
      const [id, pid] = (n.payload ?? '').split(':');
      const w = this.waiting.get(id);
      if (w) {
        w.pids.delete(Number(pid));
        if (!w.pids.size) w.done();
      }
      return;
    }
    let m: Message;
    try {
      m = JSON.parse(n.payload ?? '') as Message;
    } catch {
      return;
    }
    if (m.ping) {
      if (m.from === this.pid) this.pinged?.();
      return;
    }
    if (m.from === this.pid) return; // our own announcement: evicted before it was sent
    if (m.sessionId) evictSession(m.sessionId);
    if (m.userId) evictUserSessions(m.userId);
    this.client?.query('select pg_notify($1, $2)', [ACKS, `${m.id}:${this.pid}`]).catch(() => {});
  }

  /** Tells every other process and waits for each to acknowledge (or for its listener to be ended). */
  async announce(db: Db, change: SessionChange): Promise<void> {
    const id = crypto.randomUUID();
    const message: Message = { id, from: this.hearing ? this.pid : 0, ...change };
    const others = (
      await sql<{ pid: number }>`select pid from pg_stat_activity
        where application_name = ${LISTENER_NAME} and datname = current_database() and pid <> ${message.from}`.execute(
        db,
      )
    ).rows.map((r) => Number(r.pid));
    // Without a listener of its own this process cannot hear acknowledgements: it tells, and goes on.
    const wait =
      this.hearing && others.length
        ? new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, ACK_TIMEOUT_MS);
            this.waiting.set(id, {
              pids: new Set(others),
              done: () => {
                clearTimeout(timer);
                resolve();
              },
            });
          })
        : null;
    await sql`select pg_notify(${CHANGES}, ${JSON.stringify(message)})`.execute(db);
    if (!wait) return;
    await wait;
    const silent = [...(this.waiting.get(id)?.pids ?? [])];
    this.waiting.delete(id);
    if (!silent.length) return;
    // A process that did not acknowledge stops trusting its cache when its listener is ended.
    say(`Phiên đăng nhập: ${silent.length} tiến trình không xác nhận thu hồi phiên; ngắt kết nối nghe của chúng.`);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where pid in (${sql.join(silent)}) and application_name = ${LISTENER_NAME}`.execute(db);
  }

  async close() {
    this.closed = true;
    setListenerHearing(this, true); // no longer a reason to distrust the cache
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}

const listeners = new WeakMap<Db, SessionListener>();

/** Starts announcing and hearing session changes for a server on this database (buildApp). */
export async function startSessionFanout(database: Database): Promise<{ close(): Promise<void> }> {
  if (database.kind !== 'postgres' || !database.connectionString) return { close: async () => {} };
  const listener = new SessionListener(database.connectionString);
  listeners.set(database.db, listener);
  await listener.start();
  return {
    close: async () => {
      listeners.delete(database.db);
      await listener.close();
    },
  };
}

/**
 * Announces a change of sessions after the transaction that made it has committed; returns when
 * every server process has dropped what it cached of them.
 */
export async function sessionsChanged(ctx: Pick<Ctx, 'db'>, change: SessionChange): Promise<void> {
  if (ctx.db.isTransaction) throw new Error('sessionsChanged: after the transaction commits, not inside it');
  evict(change);
  await listeners.get(ctx.db)?.announce(ctx.db, change);
}
