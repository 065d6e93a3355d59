/**
 * The `xaso` command line (contract: docs/CLI.md). Each command is a small function here or
 * beside the module it serves; every command that opens the database takes the data-folder
 * lock, so none of them can run beside a server on the same embedded database.
 */
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { DataDirInUseError } from './platform/db/data-dir-lock.ts';

type Command = (args: string[]) => Promise<number>;

const say = (msg: string) => process.stderr.write(`${msg}\n`);

async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The demo accounts, printed when the server is ready (DEMO=1). */
async function sayDemoAccounts(config: Config) {
  if (!config.demo) return;
  const { describeDemoAccounts } = await import('./modules/demo/index.ts');
  const accounts = describeDemoAccounts();
  say(`Tài khoản mẫu (mật khẩu chung: ${accounts[0].password}, phải đổi khi đăng nhập; tắt bằng DEMO=0):`);
  for (const a of accounts) say(`  ${a.username.padEnd(20)} ${a.role.padEnd(17)} ${a.orgUnitName}`);
}

const start: Command = async () => {
  const t0 = Date.now();
  const config = loadConfig();
  const { isClusterPrimary, startPrimary, runsSchedules, workerSlot } = await import('./cluster.ts');
  if (isClusterPrimary(config)) {
    return startPrimary(config, async (ms) => {
      say(
        `Xã Số đang chạy tại http://localhost:${config.port} (cơ sở dữ liệu: PostgreSQL; ${config.serverProcesses} tiến trình máy chủ; sẵn sàng sau ${ms} ms)`,
      );
      await sayDemoAccounts(config);
    });
  }
  const slot = workerSlot(); // null: the only server process
  // The embedded database opens in its worker thread while this thread loads the app.
  const opening = openDatabase(config);
  const [{ prepareDatabase }, { buildApp }] = await Promise.all([import('./bootstrap.ts'), import('./app.ts')]);
  const database = await opening;
  // Several processes: the primary has prepared the database, and only slot 1 runs the reminder scan.
  const appConfig = runsSchedules() ? config : { ...config, reminderIntervalMinutes: 0 };
  const [app] = await Promise.all([
    buildApp({ config: appConfig, database }),
    slot ? null : prepareDatabase(database, config, { demo: config.demo, log: say }),
  ]);
  // The daily backup (BACKUP_HOUR, BACKUP_DIR, BACKUP_KEEP): platform/db/backup-schedule.ts.
  const { startBackupSchedule } = await import('./platform/db/backup-schedule.ts');
  const backups =
    config.backupHour === null || !runsSchedules() ? null : startBackupSchedule(database, config, app.log);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    if (!slot) say(`Nhận ${signal}, đang dừng…`);
    await backups?.stop().catch(() => {});
    await app.close().catch(() => {});
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite trong ${config.dataDir}`;
  if (!slot)
    say(
      `Xã Số đang chạy tại http://localhost:${config.port} (cơ sở dữ liệu: ${where}; sẵn sàng sau ${Date.now() - t0} ms)`,
    );
  if (runsSchedules()) {
    say(
      backups
        ? `Sao lưu tự động: hằng ngày lúc ${String(config.backupHour).padStart(2, '0')}:00 (giờ Việt Nam) vào ${config.backupDir}, giữ ${config.backupKeep} bản; lần tới ${backups.next?.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}${backups.catchingUp ? ' (bù bản của ngày đã lỡ)' : ''}`
        : 'Sao lưu tự động: tắt (BACKUP_HOUR=off).',
    );
  }
  if (!slot) await sayDemoAccounts(config);
  return new Promise<number>(() => {});
};

const migrateCommand: Command = async () => {
  const config = loadConfig();
  const { prepareDatabase } = await import('./bootstrap.ts');
  await withDatabase(config, (db) => prepareDatabase(db, config, { demo: false, log: say }));
  say('Cơ sở dữ liệu đã cập nhật.');
  return 0;
};

const seedDemoCommand: Command = async () => {
  const config = loadConfig();
  const { prepareDatabase } = await import('./bootstrap.ts');
  await withDatabase(config, (db) => prepareDatabase(db, config, { demo: true, log: say }));
  say('Dữ liệu mẫu đã sẵn sàng.');
  return 0;
};

const demoAccounts: Command = async (args) => {
  const { describeDemoAccounts } = await import('./modules/demo/index.ts');
  const accounts = describeDemoAccounts();
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(accounts, null, 2)}\n`);
  else
    for (const a of accounts)
      process.stdout.write(`${a.username}\t${a.password}\t${a.role}\t${a.orgUnitCode}\t${a.orgUnitName}\n`);
  return 0;
};

const backup: Command = async (args) => {
  const out = option(args, '--out');
  if (!out) {
    say('Cách dùng: xaso backup --out FILE');
    return 2;
  }
  const config = loadConfig();
  const { writeBackup } = await import('./platform/db/backup.ts');
  const header = await withDatabase(config, (db) => writeBackup(db, out));
  say(`Đã sao lưu ${header.tables.reduce((n, t) => n + t.rows, 0)} dòng của ${header.tables.length} bảng vào ${out}.`);
  return 0;
};

const restore: Command = async (args) => {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    say('Cách dùng: xaso restore FILE');
    return 2;
  }
  const config = loadConfig();
  const { readBackup, restoreBackup, NotABackupError } = await import('./platform/db/backup.ts');
  const { migrate } = await import('./platform/db/migrate.ts');
  try {
    readBackup(file); // refuse a file that is not a backup before touching the database
    const r = await withDatabase(config, async (db) => {
      await migrate(db);
      return restoreBackup(db, file);
    });
    say(`Đã khôi phục ${r.rows} dòng của ${r.tables} bảng từ ${file}.`);
    return 0;
  } catch (e) {
    if (e instanceof NotABackupError) {
      say(e.message);
      return 2;
    }
    throw e;
  }
};

/**
 * The commands; `writes`: it writes through the modules' use cases, so the modules' event
 * subscribers are registered before it runs (server/subscribers.ts; `start` registers them in
 * buildApp and in the database preparation).
 */
const commands: Record<string, { summary: string; run: () => Promise<Command>; writes?: true }> = {
  start: { summary: 'start                       chạy máy chủ (PORT, DATA_DIR, DATABASE_URL)', run: async () => start },
  migrate: {
    summary: 'migrate                     cập nhật cấu trúc cơ sở dữ liệu',
    run: async () => migrateCommand,
    writes: true,
  },
  'seed-demo': {
    summary: 'seed-demo                   nạp dữ liệu mẫu (chạy lại không nhân đôi)',
    run: async () => seedDemoCommand,
    writes: true,
  },
  'demo-accounts': { summary: 'demo-accounts [--json]      in các tài khoản mẫu', run: async () => demoAccounts },
  backup: { summary: 'backup --out FILE           sao lưu toàn bộ cơ sở dữ liệu', run: async () => backup },
  restore: { summary: 'restore FILE                khôi phục từ bản sao lưu', run: async () => restore },
  reminders: {
    summary:
      'reminders [--date YYYY-MM-DD] quét nhắc việc (7/3/1 ngày làm việc, quá hạn, báo lãnh đạo) và gửi hộp thư đi',
    run: async () => (await import('./schedules.ts')).remindersCommand,
    writes: true,
  },
  report: {
    summary: 'report --commune MÃ --period 2026-Q1 --format docx|xlsx --out TỆP   báo cáo định kỳ của xã',
    run: async () => (await import('./modules/reporting/index.ts')).reportCommand,
  },
  'import-plan': {
    summary: 'import-plan FILE --json     in kế hoạch trích xuất từ FILE (.txt, .docx, .pdf), không ghi gì',
    run: async () => (await import('./modules/plans/index.ts')).importPlanCommand,
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    say(
      `Cách dùng:\n${Object.values(commands)
        .map((c) => `  xaso ${c.summary}`)
        .join('\n')}`,
    );
    return name && name !== '--help' ? 2 : 0;
  }
  try {
    if (command.writes) (await import('./subscribers.ts')).registerSubscribers();
    return await (
      await command.run()
    )(rest);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof DataDirInUseError) {
      say(e.message);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
