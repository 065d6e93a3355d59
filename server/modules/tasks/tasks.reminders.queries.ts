/**
 * The reminder scan's SQL: which notices the open tasks of every commune call for, as SELECTs
 * of notification rows — (province_id, commune_id, user_id, kind, title, body, record_type,
 * record_id, dedupe_key) — that the notifications module inserts with their mails in one
 * statement (notifications.service `notifyFrom`). Each notice's key (task, kind, due date)
 * makes a second scan, or one on another server, add nothing.
 */
import { sql } from 'kysely';
import type { IsoDate } from '../calendar/index.ts';
import type { ReminderWindows } from './tasks.rules.ts';

const OPEN = sql`('assigned', 'in_progress', 'returned')`;
const dd = (col: string) => sql.raw(`to_char(${col}, 'DD/MM/YYYY')`);

/** 7, 3 and 1 working days before the due date → the responsible person. */
export function dueSoonNotices(bands: ReminderWindows['bands']) {
  const rows = sql.join(bands.map((b) => sql`(${b.days}::int, ${b.from}::date, ${b.to}::date)`));
  return sql`
    select t.province_id, t.commune_id, t.assignee_id, 'task.due_soon',
      'Còn ' || b.days || ' ngày làm việc đến hạn: ' || left(t.title, 150),
      'Hạn hoàn thành ' || ${dd('t.due_date')} || '. Tiến độ hiện tại: ' || t.percent || '%.',
      'task', t.id, 'task:' || t.id || ':due' || b.days || ':' || t.due_date
    from tasks t join (values ${rows}) as b (days, d_from, d_to) on t.due_date between b.d_from and b.d_to
    where t.status in ${OPEN}`;
}

/** The day a task falls overdue (looking back a few days) → the responsible person. */
export function overdueNotices(w: ReminderWindows) {
  return sql`
    select t.province_id, t.commune_id, t.assignee_id, 'task.overdue',
      'Quá hạn: ' || left(t.title, 150),
      'Nhiệm vụ đã quá hạn hoàn thành ' || ${dd('t.due_date')} || '. Tiến độ hiện tại: ' || t.percent || '%. Hãy cập nhật tiến độ hoặc trình kết quả.',
      'task', t.id, 'task:' || t.id || ':overdue:' || t.due_date
    from tasks t where t.status in ${OPEN} and t.due_date >= ${w.overdueFrom}::date and t.due_date < ${w.overdueBefore}::date`;
}

/** Overdue beyond `escalateAfter` working days → the approver. */
export function escalationNotices(w: ReminderWindows, escalateAfter: number) {
  return sql`
    select t.province_id, t.commune_id, t.approver_id, 'task.escalated',
      'Quá hạn quá ' || ${escalateAfter}::int || ' ngày làm việc: ' || left(t.title, 150),
      'Nhiệm vụ do ' || lu.name || ' chủ trì, ' || a.full_name || ' chịu trách nhiệm, hạn ' || ${dd('t.due_date')} || ', tiến độ ' || t.percent || '%.',
      'task', t.id, 'task:' || t.id || ':escalate:' || t.due_date
    from tasks t join org_units lu on lu.id = t.lead_unit_id join users a on a.id = t.assignee_id
    where t.status in ${OPEN} and t.due_date between ${w.escalateFrom}::date and ${w.escalateOnOrBefore}::date`;
}

/** Once a week → each commune leader, a digest of what is overdue and due within `soonTo`. */
export function digestNotices(digestWeek: IsoDate, today: IsoDate, soonTo: IsoDate) {
  return sql`
    with agg as (
      select t.commune_id,
        count(*) filter (where t.due_date < ${today}::date) as overdue,
        count(*) filter (where t.due_date between ${today}::date and ${soonTo}::date) as soon
      from tasks t where t.status in ${OPEN} and t.due_date <= ${soonTo}::date
      group by t.commune_id)
    select g.province_id, g.commune_id, g.user_id, 'task.digest',
      'Tổng hợp tuần: ' || agg.overdue || ' nhiệm vụ quá hạn, ' || agg.soon || ' sắp đến hạn',
      'Tuần bắt đầu ' || to_char(${digestWeek}::date, 'DD/MM/YYYY') || ': ' || agg.overdue || ' nhiệm vụ quá hạn, ' || agg.soon || ' nhiệm vụ đến hạn trong 7 ngày làm việc tới. Xem danh sách ở mục Nhiệm vụ → Quá hạn.',
      'commune', g.commune_id, 'digest:' || g.user_id || ':' || ${digestWeek}
    from agg join role_grants g on g.commune_id = agg.commune_id and g.org_unit_id = agg.commune_id and g.role = 'commune_leader'
    join users u on u.id = g.user_id and not u.is_disabled
    where agg.overdue > 0 or agg.soon > 0`;
}
