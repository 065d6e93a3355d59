/**
 * The reminder scan (nhắc việc): set-based SQL over every commune's open tasks at once.
 * - 7, 3 and 1 working days before the due date → the responsible person;
 * - the day a task falls overdue → the responsible person;
 * - overdue beyond ESCALATE_AFTER_WORKING_DAYS working days → the approver (escalation);
 *   both look back at most CATCH_UP_DAYS (31) days, so a daily scan reads only recent due dates;
 * - once a week, on its first working day the scan runs → each commune leader, a digest.
 * Working days come from the calendar (Bộ luật Lao động 2019, Điều 111–112): the rules turn
 * "today" into date ranges, so the SQL compares dates only. Each reminder has a unique key
 * (task, kind, due date), so a scan that runs twice, or on two servers, sends nothing twice,
 * and a due date moved by an edit earns its own reminders.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { buildCalendar } from '../calendar/working-days.rules.ts';
import { parseIsoDate, type IsoDate } from '../calendar/dates.ts';
import { reminderWindows } from '../tasks/tasks.rules.ts';
import { MAIL_FOOTER } from './notifications.service.ts';

export interface ScanResult {
  today: IsoDate;
  dueSoon: number;
  overdue: number;
  escalated: number;
  digests: number;
  mails: number;
  ms: number;
}

const OPEN = sql`('assigned', 'in_progress', 'returned')`;

/**
 * One statement: insert the notifications a SELECT yields (skipping keys already used), then
 * queue a mail for each new one whose person has an address. Returns both counts.
 */
async function insertAndMail(db: Db, select: RawBuilder<unknown>) {
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

export async function scanReminders(db: Db, today: IsoDate, opts: { escalateAfter: number }): Promise<ScanResult> {
  const t0 = performance.now();
  const year = parseIsoDate(today).year;
  const w = reminderWindows(today, buildCalendar({ years: [year - 1, year + 1] }), opts.escalateAfter);
  const dd = (col: string) => sql.raw(`to_char(${col}, 'DD/MM/YYYY')`);
  let mails = 0;
  const run = async (select: RawBuilder<unknown>) => {
    const r = await insertAndMail(db, select);
    mails += r.mailed;
    return r.notified;
  };

  let dueSoon = 0;
  if (w.bands.length) {
    const bands = sql.join(w.bands.map((b) => sql`(${b.days}::int, ${b.from}::date, ${b.to}::date)`));
    dueSoon = await run(sql`
      select t.province_id, t.commune_id, t.assignee_id, 'task.due_soon',
        'Còn ' || b.days || ' ngày làm việc đến hạn: ' || left(t.title, 150),
        'Hạn hoàn thành ' || ${dd('t.due_date')} || '. Tiến độ hiện tại: ' || t.percent || '%.',
        'task', t.id, 'task:' || t.id || ':due' || b.days || ':' || t.due_date
      from tasks t join (values ${bands}) as b (days, d_from, d_to) on t.due_date between b.d_from and b.d_to
      where t.status in ${OPEN}`);
  }
  const overdue = await run(sql`
    select t.province_id, t.commune_id, t.assignee_id, 'task.overdue',
      'Quá hạn: ' || left(t.title, 150),
      'Nhiệm vụ đã quá hạn hoàn thành ' || ${dd('t.due_date')} || '. Tiến độ hiện tại: ' || t.percent || '%. Hãy cập nhật tiến độ hoặc trình kết quả.',
      'task', t.id, 'task:' || t.id || ':overdue:' || t.due_date
    from tasks t where t.status in ${OPEN} and t.due_date >= ${w.overdueFrom}::date and t.due_date < ${w.overdueBefore}::date`);
  const escalated = await run(sql`
    select t.province_id, t.commune_id, t.approver_id, 'task.escalated',
      'Quá hạn quá ' || ${opts.escalateAfter}::int || ' ngày làm việc: ' || left(t.title, 150),
      'Nhiệm vụ do ' || lu.name || ' chủ trì, ' || a.full_name || ' chịu trách nhiệm, hạn ' || ${dd('t.due_date')} || ', tiến độ ' || t.percent || '%.',
      'task', t.id, 'task:' || t.id || ':escalate:' || t.due_date
    from tasks t join org_units lu on lu.id = t.lead_unit_id join users a on a.id = t.assignee_id
    where t.status in ${OPEN} and t.due_date between ${w.escalateFrom}::date and ${w.escalateOnOrBefore}::date`);

  let digests = 0;
  if (w.digestWeek) {
    const soonTo = w.bands.find((b) => b.days === 7)?.to ?? today;
    digests = await run(sql`
      with agg as (
        select t.commune_id,
          count(*) filter (where t.due_date < ${today}::date) as overdue,
          count(*) filter (where t.due_date between ${today}::date and ${soonTo}::date) as soon
        from tasks t where t.status in ${OPEN} and t.due_date <= ${soonTo}::date
        group by t.commune_id)
      select g.province_id, g.commune_id, g.user_id, 'task.digest',
        'Tổng hợp tuần: ' || agg.overdue || ' nhiệm vụ quá hạn, ' || agg.soon || ' sắp đến hạn',
        'Tuần bắt đầu ' || to_char(${w.digestWeek}::date, 'DD/MM/YYYY') || ': ' || agg.overdue || ' nhiệm vụ quá hạn, ' || agg.soon || ' nhiệm vụ đến hạn trong 7 ngày làm việc tới. Xem danh sách ở mục Nhiệm vụ → Quá hạn.',
        'commune', g.commune_id, 'digest:' || g.user_id || ':' || ${w.digestWeek}
      from agg join role_grants g on g.commune_id = agg.commune_id and g.org_unit_id = agg.commune_id and g.role = 'commune_leader'
      join users u on u.id = g.user_id and not u.is_disabled
      where agg.overdue > 0 or agg.soon > 0`);
  }
  return { today, dueSoon, overdue, escalated, digests, mails, ms: Math.round(performance.now() - t0) };
}
