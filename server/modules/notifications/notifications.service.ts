/**
 * In-app notifications (thông báo) and the e-mail outbox. Generic: any module calls notify()
 * inside the transaction of the change that causes it; the mail is queued in mail_outbox in
 * that same transaction and sent later by outbox.sender.ts, so nothing is lost when the mail
 * server is down and nothing is sent for a change that rolled back.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { insertNoticesFrom, MAIL_FOOTER } from './notifications.queries.ts';
import { requireActor } from '../../platform/access.ts';

export interface NotificationInput {
  userId: string;
  provinceId: string;
  communeId: string;
  kind: string;
  title: string;
  body: string;
  recordType?: string | null;
  recordId?: string | null;
  /** Same key, same commune → at most one notification (and one mail), ever. */
  dedupeKey?: string | null;
  /** Also queue an e-mail when the person has an address (default true). */
  mail?: boolean;
}

/** Adds notifications (and their mails) in the caller's transaction. Returns how many were new. */
export async function notify(db: Db, items: NotificationInput[]): Promise<number> {
  const unique = [...new Map(items.map((i) => [`${i.userId}|${i.dedupeKey ?? Math.random()}`, i])).values()];
  if (!unique.length) return 0;
  const inserted = await db
    .insertInto('notifications')
    .values(
      unique.map((i) => ({
        userId: i.userId,
        provinceId: i.provinceId,
        communeId: i.communeId,
        kind: i.kind,
        title: i.title,
        body: i.body,
        recordType: i.recordType ?? null,
        recordId: i.recordId ?? null,
        dedupeKey: i.dedupeKey ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(['communeId', 'dedupeKey']).doNothing())
    .returning(['id', 'userId', 'dedupeKey', 'communeId'])
    .execute();
  const mailed = inserted.filter(
    (r) => unique.find((i) => i.userId === r.userId && (i.dedupeKey ?? null) === r.dedupeKey)?.mail !== false,
  );
  if (mailed.length) {
    await db
      .insertInto('mailOutbox')
      .columns(['provinceId', 'communeId', 'toAddress', 'subject', 'bodyText', 'dedupeKey'])
      .expression(
        (eb) =>
          eb
            .selectFrom('notifications as n')
            .innerJoin('users as u', 'u.id', 'n.userId')
            .select([
              'n.provinceId',
              'n.communeId',
              'u.email',
              'n.title',
              sql<string>`n.body || ${MAIL_FOOTER}`.as('body'),
              sql<string>`'mail:' || n.id`.as('key'),
            ])
            .where(
              'n.id',
              'in',
              mailed.map((r) => r.id),
            )
            .where('u.email', 'is not', null)
            .where('u.isDisabled', '=', false) as never,
      )
      .onConflict((oc) => oc.columns(['communeId', 'dedupeKey']).doNothing())
      .execute();
  }
  return inserted.length;
}

/**
 * Adds the notifications another module's SELECT yields, with their mails, in one statement
 * (the reminder scan: every commune's tasks at once). The SELECT gives rows of (province_id,
 * commune_id, user_id, kind, title, body, record_type, record_id, dedupe_key); a key already
 * used adds nothing. Returns how many notices were new and how many mails were queued.
 */
export const notifyFrom = (db: Db, select: RawBuilder<unknown>) => insertNoticesFrom(db, select);

// ——— The person's own list ———

export async function listMine(ctx: Ctx, opts: { unreadOnly: boolean; limit: number; before?: string }) {
  const actor = requireActor(ctx);
  let q = ctx.db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'recordType', 'recordId', 'createdAt', 'readAt'])
    .where('userId', '=', actor.userId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit + 1);
  if (opts.unreadOnly) q = q.where('readAt', 'is', null);
  if (opts.before) q = q.where('createdAt', '<', new Date(opts.before));
  const [rows, unread] = await Promise.all([
    q.execute(),
    ctx.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('userId', '=', actor.userId)
      .where('readAt', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  const items = rows.slice(0, opts.limit).map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt).toISOString(),
    readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
  }));
  return {
    items,
    unreadCount: Number(unread.n),
    nextBefore: rows.length > opts.limit ? items[items.length - 1].createdAt : null,
  };
}

/** Marks one of the person's notifications read; another person's answers 404. */
export async function markRead(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const n = await ctx.db
    .selectFrom('notifications')
    .select(['id', 'provinceId', 'communeId', 'readAt', 'title'])
    .where('id', '=', id)
    .where('userId', '=', actor.userId)
    .executeTakeFirst();
  if (!n) throw notFound('NOTIFICATION_NOT_FOUND', 'thông báo');
  if (!n.readAt) {
    await inTransaction(ctx, async (tx) => {
      await tx.db
        .updateTable('notifications')
        .set({ readAt: sql`now()` })
        .where('id', '=', id)
        .execute();
      await audit(tx, {
        action: 'notification.read',
        recordType: 'notification',
        recordId: id,
        summary: `Đã đọc thông báo: ${n.title.slice(0, 120)}`,
        provinceId: n.provinceId,
        communeId: n.communeId,
      });
    });
  }
  return { id, read: true };
}

export async function markAllRead(ctx: Ctx) {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const r = await tx.db
      .updateTable('notifications')
      .set({ readAt: sql`now()` })
      .where('userId', '=', actor.userId)
      .where('readAt', 'is', null)
      .executeTakeFirst();
    const count = Number(r.numUpdatedRows ?? 0);
    if (count)
      await audit(tx, {
        action: 'notification.read_all',
        recordType: 'user',
        recordId: actor.userId,
        summary: `Đánh dấu đã đọc ${count} thông báo`,
      });
    return { count };
  });
}

/** Queues one mail to an address, outside any notification (e.g. a sign-in unlock code); sent by outbox.sender.ts. */
export async function queueMail(
  db: Db,
  mail: { to: string; subject: string; body: string; provinceId: string | null; communeId: string | null },
) {
  await db
    .insertInto('mailOutbox')
    .values({
      provinceId: mail.provinceId,
      communeId: mail.communeId,
      toAddress: mail.to,
      subject: mail.subject,
      bodyText: mail.body,
      dedupeKey: null,
      lastError: null,
      sentAt: null,
    })
    .execute();
}
