import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting of the server, parsed once from the environment. Nothing else reads
 * process.env. On bad values the process stops listing every problem at once.
 */
const bool = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Server processes sharing the port (node:cluster), PostgreSQL only; each has its own DB_POOL_SIZE connections. */
  SERVER_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  /** Name hot statements so PostgreSQL plans them once per connection (platform/db/auto-prepare.ts). */
  DB_PREPARED_STATEMENTS: bool.default(true),
  DEMO: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when served over HTTPS so cookies carry the Secure flag. */
  COOKIE_SECURE: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  ADMIN_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Wrong passwords for one account from one address before that address is locked out of it. */
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Wrong passwords for one account from all addresses before addresses it was never used from are locked out. */
  SIGN_IN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).max(10000).default(20),
  /** Sign-in attempts per minute from one address (password spraying). */
  SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(60),
  SIGN_IN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  TRUST_PROXY: bool.default(false),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_REDIRECT_URI: z.string().url().optional(),
  OIDC_SCOPE: z.string().default('openid profile'),
  /** Allow an http:// issuer (tests, local identity providers only). */
  OIDC_ALLOW_HTTP: bool.default(false),
  /** Largest evidence file (minh chứng) of a task. */
  EVIDENCE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /** Whoever sent a unit's report may not approve or return it (as for tasks); 0 turns it off. */
  REPORT_SEPARATION_OF_DUTIES: bool.default(true),
  /** Overdue beyond this many working days escalates to the task's approver. */
  ESCALATE_AFTER_WORKING_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  /** How often the running server scans for reminders and drains the mail outbox; 0 = never. */
  REMINDER_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(15),
  /** smtp://user:pass@host:587 or smtps://…; unset = mails wait in the outbox, unsent. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Xã Số <no-reply@localhost>'),
  /** Folder of the daily backups; default DATA_DIR/backups (better: another disk). */
  BACKUP_DIR: z.string().optional(),
  /** Hour (0–23, Vietnamese time) of the daily backup, or `off`. */
  BACKUP_HOUR: z.union([z.literal('off'), z.coerce.number().int().min(0).max(23)]).default(2),
  /** How many daily backups to keep; older ones are deleted after a new one is verified. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(3650).default(7),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  dbPoolSize: number;
  /** > 1: a primary process forks this many servers on one port (server/cluster.ts). */
  serverProcesses: number;
  dbPreparedStatements: boolean;
  demo: boolean;
  logLevel: string;
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  adminSessionIdleMinutes: number;
  sessionMaxHours: number;
  signInMaxFailures: number;
  signInAccountMaxFailures: number;
  signInLockMinutes: number;
  signInRatePerMinute: number;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  trustProxy: boolean;
  oidc?: {
    issuer: string;
    clientId: string;
    clientSecret?: string;
    redirectUri: string;
    scope: string;
    allowHttp: boolean;
  };
  evidenceMaxBytes: number;
  escalateAfterWorkingDays: number;
  /** Whoever sent a unit's report may not review it (REPORT_SEPARATION_OF_DUTIES). */
  reportSeparationOfDuties: boolean;
  reminderIntervalMinutes: number;
  smtpUrl?: string;
  mailFrom: string;
  backupDir: string;
  /** null = no scheduled backups (BACKUP_HOUR=off). */
  backupHour: number | null;
  backupKeep: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ / invalid settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const oidcSet = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_REDIRECT_URI].filter(Boolean).length;
  if (oidcSet > 0 && oidcSet < 3) {
    throw new ConfigError(
      'Cấu hình không hợp lệ: OIDC_ISSUER, OIDC_CLIENT_ID và OIDC_REDIRECT_URI phải đặt cùng nhau.',
    );
  }
  if (e.SERVER_PROCESSES > 1 && !e.DATABASE_URL) {
    throw new ConfigError(
      'Cấu hình không hợp lệ: SERVER_PROCESSES > 1 cần PostgreSQL (DATABASE_URL); cơ sở dữ liệu nhúng (PGlite) chỉ mở được trong một tiến trình.',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    dbPoolSize: e.DB_POOL_SIZE,
    serverProcesses: e.SERVER_PROCESSES,
    dbPreparedStatements: e.DB_PREPARED_STATEMENTS,
    demo: e.DEMO,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    adminSessionIdleMinutes: e.ADMIN_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    signInMaxFailures: e.SIGN_IN_MAX_FAILURES,
    signInAccountMaxFailures: e.SIGN_IN_ACCOUNT_MAX_FAILURES,
    signInLockMinutes: e.SIGN_IN_LOCK_MINUTES,
    signInRatePerMinute: e.SIGN_IN_RATE_PER_MINUTE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    uploadLimitBytes: e.UPLOAD_LIMIT_BYTES,
    trustProxy: e.TRUST_PROXY,
    evidenceMaxBytes: e.EVIDENCE_MAX_BYTES,
    escalateAfterWorkingDays: e.ESCALATE_AFTER_WORKING_DAYS,
    reportSeparationOfDuties: e.REPORT_SEPARATION_OF_DUTIES,
    reminderIntervalMinutes: e.REMINDER_INTERVAL_MINUTES,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    backupDir: path.resolve(e.BACKUP_DIR ?? path.join(e.DATA_DIR, 'backups')),
    backupHour: e.BACKUP_HOUR === 'off' ? null : e.BACKUP_HOUR,
    backupKeep: e.BACKUP_KEEP,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_REDIRECT_URI
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            redirectUri: e.OIDC_REDIRECT_URI,
            scope: e.OIDC_SCOPE,
            allowHttp: e.OIDC_ALLOW_HTTP,
          }
        : undefined,
  };
}
