/**
 * Drains the e-mail outbox through SMTP (nodemailer). Rows are claimed with a short lease
 * (one UPDATE … RETURNING), sent outside any transaction — so a slow mail server never holds
 * the embedded database's single connection — then marked sent, or rescheduled with
 * exponential backoff (1, 2, 4 … minutes, at most 6 hours). Temporary failures retry forever,
 * so nothing is lost while the server is down; a permanent refusal (SMTP 5xx: no such mailbox)
 * marks the mail 'failed' and keeps it. With SMTP_URL unset nothing is sent: mails stay
 * 'unsent' until it is set.
 */
import { loadMailer } from '../../platform/lazy-libs.ts';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';

export interface MailTransport {
  sendMail(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    headers?: Record<string, string>;
  }): Promise<unknown>;
}

export interface DrainResult {
  configured: boolean;
  sent: number;
  retried: number;
  failed: number;
}

/** A claimed mail is not picked up again by another sender for this long. */
const LEASE_MINUTES = 10;
const MAX_BACKOFF_MINUTES = 6 * 60;

export const backoffMinutes = (attempts: number) => Math.min(2 ** Math.max(attempts - 1, 0), MAX_BACKOFF_MINUTES);

let cachedTransport: { url: string; transport: MailTransport } | null = null;
async function transportFor(config: Config): Promise<MailTransport | null> {
  if (!config.smtpUrl) return null;
  if (cachedTransport?.url !== config.smtpUrl)
    cachedTransport = { url: config.smtpUrl, transport: (await loadMailer()).createTransport(config.smtpUrl) };
  return cachedTransport.transport;
}

export async function drainOutbox(
  db: Db,
  config: Config,
  opts: { limit?: number; transport?: MailTransport } = {},
): Promise<DrainResult> {
  const transport = opts.transport ?? (await transportFor(config));
  const result: DrainResult = { configured: !!transport, sent: 0, retried: 0, failed: 0 };
  if (!transport) return result;
  const claimed = await sql<{ id: string; to_address: string; subject: string; body_text: string; attempts: number }>`
    update mail_outbox set next_attempt_at = now() + make_interval(mins => ${LEASE_MINUTES}), attempts = attempts + 1
    where id in (select id from mail_outbox where status = 'unsent' and next_attempt_at <= now() order by next_attempt_at limit ${opts.limit ?? 100} for update skip locked)
    returning id, to_address, subject, body_text, attempts`.execute(db);
  for (const m of claimed.rows) {
    try {
      await transport.sendMail({
        from: config.mailFrom,
        to: m.to_address,
        subject: m.subject,
        text: m.body_text,
        headers: { 'X-Xaso-Mail-Id': m.id },
      });
      await db
        .updateTable('mailOutbox')
        .set({ status: 'sent', sentAt: sql`now()`, lastError: null })
        .where('id', '=', m.id)
        .execute();
      result.sent++;
    } catch (e) {
      const code = (e as { responseCode?: number }).responseCode;
      const permanent = typeof code === 'number' && code >= 500 && code < 600;
      const error = `${code ?? ''} ${(e as Error).message ?? String(e)}`.trim().slice(0, 500);
      await db
        .updateTable('mailOutbox')
        .set(
          permanent
            ? { status: 'failed', lastError: error }
            : { lastError: error, nextAttemptAt: sql`now() + make_interval(mins => ${backoffMinutes(m.attempts)})` },
        )
        .where('id', '=', m.id)
        .execute();
      if (permanent) result.failed++;
      else result.retried++;
    }
  }
  return result;
}
