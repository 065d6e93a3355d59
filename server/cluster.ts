/**
 * Several server processes on one port (SERVER_PROCESSES > 1, PostgreSQL only): one Node
 * process runs JavaScript on one core, so a province's server on a machine with more cores
 * runs one per core, as Puma or Gunicorn workers do. node:cluster shares the listening socket
 * and hands connections to the workers in turn.
 *
 * The primary prepares the database once (migrations, demo data) before any worker serves,
 * then keeps the workers running: one that dies is started again after a second. Work that
 * must happen once per installation — the reminder scan and the daily backup — runs in
 * worker slot 1 only (a restarted slot 1 takes it back). What each process keeps in memory is
 * a cache that tolerates other processes: a change to sessions reaches every process through
 * LISTEN/NOTIFY before the request that made it answers (modules/auth/session-fanout.ts); the
 * sign-in rate limit counts per process (the lockout counts in the database).
 */
import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config.ts';
import { openDatabase } from './platform/db/database.ts';

const say = (msg: string) => process.stderr.write(`${msg}\n`);

/** The worker's slot (1…SERVER_PROCESSES), or null when the server runs as one process. */
export function workerSlot(): number | null {
  return cluster.isWorker ? Number(process.env.XASO_WORKER_SLOT ?? 0) || null : null;
}

/** Whether this process runs the once-per-installation schedules (reminders, backups). */
export const runsSchedules = () => (workerSlot() ?? 1) === 1;

/** Whether `start` should become the primary of several server processes. */
export const isClusterPrimary = (config: Config) => config.serverProcesses > 1 && cluster.isPrimary;

export async function startPrimary(config: Config, onReady: (ms: number) => Promise<void> | void): Promise<number> {
  const t0 = Date.now();
  const { prepareDatabase } = await import('./bootstrap.ts');
  const database = await openDatabase(config);
  try {
    await prepareDatabase(database, config, { demo: config.demo, log: say });
  } finally {
    await database.close();
  }
  let closing = false;
  let ready = false;
  const listening = new Set<number>();
  const workers = new Map<number, Worker>();
  const fork = (slot: number) => {
    const worker = cluster.fork({ XASO_WORKER_SLOT: String(slot) });
    workers.set(slot, worker);
    worker.on('listening', () => {
      listening.add(slot);
      if (!ready && listening.size === config.serverProcesses) {
        ready = true;
        void onReady(Date.now() - t0);
      }
    });
    worker.on('exit', (code, signal) => {
      listening.delete(slot);
      if (closing) return;
      say(`Tiến trình máy chủ số ${slot} dừng (${signal ?? `mã ${code}`}); khởi động lại sau 1 giây.`);
      setTimeout(() => !closing && fork(slot), 1000);
    });
  };
  for (let slot = 1; slot <= config.serverProcesses; slot++) fork(slot);

  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`Nhận ${signal}, đang dừng ${workers.size} tiến trình máy chủ…`);
    const exits = [...workers.values()]
      .filter((w) => !w.isDead())
      .map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      );
    // A worker that has not stopped in 10 s is stopped hard.
    const late = setTimeout(() => {
      for (const w of workers.values()) if (!w.isDead()) w.process.kill('SIGKILL');
    }, 10_000);
    await Promise.all(exits);
    clearTimeout(late);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  return new Promise<number>(() => {});
}
