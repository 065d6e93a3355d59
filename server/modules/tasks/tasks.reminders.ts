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
 * and a due date moved by an edit earns its own reminders. The tasks module decides who is
 * reminded of what (tasks.reminders.queries.ts); the notifications module inserts the notices
 * and queues their mails, in the same statement.
 */
import type { Db } from '../../platform/db/database.ts';
import { buildCalendar, parseIsoDate, type IsoDate } from '../calendar/index.ts';
import { notifyFrom } from '../notifications/index.ts';
import { reminderWindows } from './tasks.rules.ts';
import * as q from './tasks.reminders.queries.ts';

export interface ScanResult {
  today: IsoDate;
  dueSoon: number;
  overdue: number;
  escalated: number;
  digests: number;
  mails: number;
  ms: number;
}

export async function scanReminders(db: Db, today: IsoDate, opts: { escalateAfter: number }): Promise<ScanResult> {
  const t0 = performance.now();
  const year = parseIsoDate(today).year;
  const w = reminderWindows(today, buildCalendar({ years: [year - 1, year + 1] }), opts.escalateAfter);
  let mails = 0;
  const run = async (select: Parameters<typeof notifyFrom>[1]) => {
    const r = await notifyFrom(db, select);
    mails += r.mailed;
    return r.notified;
  };
  const dueSoon = w.bands.length ? await run(q.dueSoonNotices(w.bands)) : 0;
  const overdue = await run(q.overdueNotices(w));
  const escalated = await run(q.escalationNotices(w, opts.escalateAfter));
  let digests = 0;
  if (w.digestWeek) {
    const soonTo = w.bands.find((b) => b.days === 7)?.to ?? today;
    digests = await run(q.digestNotices(w.digestWeek, today, soonTo));
  }
  return { today, dueSoon, overdue, escalated, digests, mails, ms: Math.round(performance.now() - t0) };
}
