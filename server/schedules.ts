/**
 * What the running server does every REMINDER_INTERVAL_MINUTES: the tasks module's reminder
 * scan, then the notifications module drains the mail outbox, and once a day the values
 * module recounts every commune's computed values (a task falls overdue with the date alone,
 * no write to trigger it); and what `xaso reminders` does once. Here, beside the composition
 * root, because it drives three modules none of which should import the others for it.
 * Runs never overlap; a failed run is logged and the next one tries again (everything it does
 * is idempotent).
 */
import type { Config } from './config.ts';
import type { Db } from './platform/db/database.ts';
import { systemCtx } from './platform/context.ts';
import { vietnamToday } from './modules/calendar/index.ts';
import { recountAllCommunes } from './modules/values/index.ts';
import { drainOutbox, type DrainResult } from './modules/notifications/index.ts';
import { scanReminders, type ScanResult } from './modules/tasks/index.ts';
import { registerSubscribers } from './subscribers.ts';

export interface RemindersResult {
  scan: ScanResult;
  mail: DrainResult;
  /** The daily refresh of computed indicator values, when this run did it. */
  computed?: Awaited<ReturnType<typeof recountAllCommunes>>;
}

export async function runReminders(
  db: Db,
  config: Config,
  today = vietnamToday(),
  opts: { refreshComputed?: boolean } = {},
): Promise<RemindersResult> {
  const scan = await scanReminders(db, today, { escalateAfter: config.escalateAfterWorkingDays });
  const mail = await drainOutbox(db, config, { limit: 500 });
  if (opts.refreshComputed === false) return { scan, mail };
  return { scan, mail, computed: await recountAllCommunes(systemCtx(db, config), today) };
}

export function startReminderLoop(
  db: Db,
  config: Config,
  log: { info(o: object, m: string): void; error(o: object, m: string): void },
): () => void {
  let running = false;
  // The day whose computed values this process has refreshed: the first run of each day does it.
  let refreshedOn: string | null = null;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const today = vietnamToday();
      const r = await runReminders(db, config, today, { refreshComputed: refreshedOn !== today });
      if (r.computed) refreshedOn = today;
      if (r.computed?.failed.length)
        log.error(
          { failed: r.computed.failed },
          'chỉ tiêu tự tính: không cập nhật được một số xã, sẽ thử lại ngày mai',
        );
      log.info(r, 'nhắc việc: đã quét và gửi thư');
    } catch (e) {
      log.error({ err: e }, 'nhắc việc: lỗi, sẽ thử lại lần sau');
    } finally {
      running = false;
    }
  };
  // The first run shortly after start, not during it; then every interval.
  const first = setTimeout(() => void tick(), 30_000);
  const every = setInterval(() => void tick(), config.reminderIntervalMinutes * 60_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

/** `xaso reminders [--date YYYY-MM-DD]`: one scan and one drain, figures on stdout as JSON. */
export async function remindersCommand(args: string[]): Promise<number> {
  const { loadConfig } = await import('./config.ts');
  const { openDatabase } = await import('./platform/db/database.ts');
  const { migrate } = await import('./platform/db/migrate.ts');
  const i = args.indexOf('--date');
  const date = i >= 0 ? args[i + 1] : undefined;
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    process.stderr.write('Cách dùng: xaso reminders [--date YYYY-MM-DD]\n');
    return 2;
  }
  const config = loadConfig();
  registerSubscribers(); // it writes: whatever it writes through a module finds its subscribers
  const database = await openDatabase(config);
  try {
    await migrate(database);
    const r = await runReminders(database.db, config, date);
    process.stdout.write(`${JSON.stringify(r)}\n`);
    if (!r.mail.configured) process.stderr.write('SMTP_URL chưa đặt: thư được giữ trong hộp thư đi, chưa gửi.\n');
    return 0;
  } finally {
    await database.close();
  }
}
