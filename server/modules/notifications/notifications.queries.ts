/**
 * The notifications module's set-based writes: notices made by another module's SELECT (the
 * tasks module's reminder scan reads every commune's tasks at once) inserted with their mails
 * in one statement.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export const MAIL_FOOTER = '\n\n—\nThư tự động từ Xã Số. Xem chi tiết khi đăng nhập, mục Nhiệm vụ.';

/**
 * One statement: insert the notifications `select` yields — rows of (province_id, commune_id,
 * user_id, kind, title, body, record_type, record_id, dedupe_key), in that order — skipping
 * keys already used, then queue a mail for each new one whose person has an address. Returns
 * both counts.
 */
export async function insertNoticesFrom(db: Db, select: RawBuilder<unknown>) {
  const r = await sql<{ notified: number; mailed: number }>`
    with ins as (
      insert into notifications (province_id, commune_id, user_id, kind, title, body, record_type, record_id, dedupe_key)
      ${select}
      on conflict (commune_id, dedupe_key) do nothing
      returning id, province_id, commune_id, user_id, title, body
    ), mails as (
      insert into mail_outbox (province_id, commune_id, to_address, subject, body_text, dedupe_key)
      select ins.province_id, ins.commune_id, u.email, ins.title, ins.body || ${MAIL_FOOTER}, 'mail:' || ins.id
      from ins join users u on u.id = ins.user_id
      where u.email is not null and not u.is_disabled
      on conflict (commune_id, dedupe_key) do nothing
      returning 1
    )
    select (select count(*) from ins) as notified, (select count(*) from mails) as mailed`.execute(db);
  return { notified: Number(r.rows[0].notified), mailed: Number(r.rows[0].mailed) };
}
