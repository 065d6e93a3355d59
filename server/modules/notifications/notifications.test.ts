import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, latestAudit, type Session, type TestApp } from '../../test/test-app.ts';
import { drainOutbox, type MailTransport } from './outbox.sender.ts';
import { scanReminders } from '../tasks/tasks.reminders.ts';

let t: TestApp;
let leader: Session, kinhte: Session, motcua: Session;
const TODAY = '2026-03-23'; // a Monday
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  [leader, kinhte, motcua] = await Promise.all(
    ['vinhbao.chutich', 'vinhbao.kinhte', 'vinhbao.motcua'].map((u) => t.signIn(u)),
  );
  await t.database.db
    .updateTable('users')
    .set({ email: 'kinhte@vinhbao.example' })
    .where('username', '=', 'vinhbao.kinhte')
    .execute();
  await t.database.db
    .updateTable('users')
    .set({ email: 'chutich@vinhbao.example' })
    .where('username', '=', 'vinhbao.chutich')
    .execute();
  const org = async (code: string) =>
    (await t.request(leader, { method: 'GET', url: `/api/v1/org/by-code/${code}` })).json().id as string;
  const [commune, unit] = await Promise.all([org('11824'), org('11824-KT')]);
  const make = async (name: string, dueDate: string) => {
    const res = await t.request(leader, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: {
        communeId: commune,
        source: 'meeting',
        sourceRef: 'TB 1',
        title: `Nhiệm vụ ${name}`,
        leadUnitId: unit,
        assigneeId: kinhte.userId,
        approverId: leader.userId,
        approvingAuthority: 'Chủ tịch UBND xã',
        expectedProduct: 'Báo cáo',
        startDate: '2026-03-01',
        dueDate,
      },
    });
    ids[name] = res.json().id;
  };
  // Due in 1, 3 and 6 working days; overdue by 3 and by 9 working days; one waiting for approval.
  for (const [name, due] of [
    ['A', '2026-03-24'],
    ['B', '2026-03-26'],
    ['C', '2026-03-31'],
    ['D', '2026-03-18'],
    ['E', '2026-03-10'],
    ['F', '2026-03-10'],
  ] as const)
    await make(name, due);
  await t.request(kinhte, { method: 'POST', url: `/api/v1/tasks/${ids.F}/actions/submit`, payload: { note: 'Xong' } });
});
afterAll(() => t.close());

const notes = (kind: string) =>
  t.database.db
    .selectFrom('notifications')
    .select(['userId', 'recordId', 'title', 'dedupeKey'])
    .where('kind', '=', kind)
    .execute();

describe('the reminder scan', () => {
  it('reminds 7/3/1 working days ahead and on the day overdue, escalates past 3 working days, sends the weekly digest — once', async () => {
    const r = await scanReminders(t.database.db, TODAY, { escalateAfter: 3 });
    expect(r).toMatchObject({ dueSoon: 3, overdue: 2, escalated: 1, digests: 1, mails: 7 });
    const soon = await notes('task.due_soon');
    expect(soon.map((n) => [n.recordId, n.title.slice(0, 30)]).sort()).toEqual(
      [
        [ids.A, 'Còn 1 ngày làm việc đến hạn: N'],
        [ids.B, 'Còn 3 ngày làm việc đến hạn: N'],
        [ids.C, 'Còn 7 ngày làm việc đến hạn: N'],
      ].sort(),
    );
    expect(soon.every((n) => n.userId === kinhte.userId)).toBe(true);
    expect((await notes('task.overdue')).map((n) => n.recordId).sort()).toEqual([ids.D, ids.E].sort());
    expect(await notes('task.escalated')).toEqual([
      expect.objectContaining({ recordId: ids.E, userId: leader.userId }),
    ]);
    expect((await notes('task.digest'))[0]).toMatchObject({
      userId: leader.userId,
      title: 'Tổng hợp tuần: 2 nhiệm vụ quá hạn, 3 sắp đến hạn',
    });
    const again = await scanReminders(t.database.db, TODAY, { escalateAfter: 3 });
    expect(again).toMatchObject({ dueSoon: 0, overdue: 0, escalated: 0, digests: 0, mails: 0 });
  });

  it('a due date moved by an edit earns its own reminders', async () => {
    await t.request(leader, { method: 'PATCH', url: `/api/v1/tasks/${ids.A}`, payload: { dueDate: '2026-03-25' } });
    const r = await scanReminders(t.database.db, TODAY, { escalateAfter: 3 });
    expect(r.dueSoon).toBe(1);
  });
});

describe('the mail outbox', () => {
  const outbox = () =>
    t.database.db
      .selectFrom('mailOutbox')
      .select(['id', 'toAddress', 'subject', 'status', 'attempts', 'lastError'])
      .execute();

  it('keeps mails unsent when SMTP is not set', async () => {
    const r = await drainOutbox(t.database.db, t.config);
    expect(r).toEqual({ configured: false, sent: 0, retried: 0, failed: 0 });
    const rows = await outbox();
    expect(rows.length).toBeGreaterThan(7);
    expect(rows.every((m) => m.status === 'unsent' && m.attempts === 0)).toBe(true);
    expect(
      rows.some((m) => m.toAddress === 'kinhte@vinhbao.example' && m.subject.startsWith('Bạn được giao nhiệm vụ')),
    ).toBe(true);
  });

  it('retries with backoff while the server is down, then sends; a refused address fails once and is kept', async () => {
    const down: MailTransport = {
      sendMail: async () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNREFUSED' });
      },
    };
    const first = await drainOutbox(t.database.db, t.config, { transport: down });
    const total = (await outbox()).length;
    expect(first).toMatchObject({ configured: true, sent: 0, retried: total });
    expect((await drainOutbox(t.database.db, t.config, { transport: down })).retried).toBe(0); // backing off
    await sql`update mail_outbox set next_attempt_at = now() - interval '1 minute'`.execute(t.database.db);
    const sent: string[] = [];
    const up: MailTransport = {
      sendMail: async (m) => {
        if (m.subject.startsWith('Quá hạn quá'))
          throw Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550 });
        sent.push(m.to);
      },
    };
    const second = await drainOutbox(t.database.db, t.config, { transport: up });
    expect(second).toMatchObject({ sent: total - 1, failed: 1, retried: 0 });
    const rows = await outbox();
    expect(rows.filter((m) => m.status === 'sent')).toHaveLength(total - 1);
    expect(rows.find((m) => m.status === 'failed')).toMatchObject({
      attempts: 2,
      lastError: expect.stringMatching(/^550/),
    });
    expect((await drainOutbox(t.database.db, t.config, { transport: up })).sent).toBe(0);
  });
});

describe('notification endpoints', () => {
  it('lists mine with the unread count; marks one and all read; another person’s is 404', async () => {
    expect((await t.request(null, { method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
    expect((await t.request(kinhte, { method: 'GET', url: '/api/v1/notifications?limit=0' })).statusCode).toBe(400);
    const list = (await t.request(kinhte, { method: 'GET', url: '/api/v1/notifications?limit=3' })).json();
    expect(list.items).toHaveLength(3);
    expect(list.unreadCount).toBeGreaterThan(3);
    expect(list.nextBefore).not.toBeNull();
    const id = list.items[0].id;
    expect((await t.request(motcua, { method: 'POST', url: `/api/v1/notifications/${id}/read` })).statusCode).toBe(404);
    const read = await t.request(kinhte, { method: 'POST', url: `/api/v1/notifications/${id}/read` });
    expect(read.json()).toEqual({ id, read: true });
    expect((await latestAudit(t.database))[0]).toMatchObject({ action: 'notification.read', recordId: id });
    const after = (
      await t.request(kinhte, { method: 'GET', url: '/api/v1/notifications?unreadOnly=true&limit=200' })
    ).json();
    expect(after.unreadCount).toBe(list.unreadCount - 1);
    const all = (await t.request(kinhte, { method: 'POST', url: '/api/v1/notifications/read-all' })).json();
    expect(all.count).toBe(after.unreadCount);
    expect((await t.request(kinhte, { method: 'GET', url: '/api/v1/notifications' })).json().unreadCount).toBe(0);
  });
});
