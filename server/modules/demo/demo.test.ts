import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../platform/context.ts';
import { buildTestApp, type Session, type TestApp } from '../../test/test-app.ts';
import { DEMO_ACCOUNTS } from './demo.accounts.ts';
import { seedDemo } from './demo.seed.ts';
import { demoPdf } from './demo.tasks.ts';
import { checkEvidenceFile } from '../tasks/tasks.files.ts';

/** The demo data as a new user meets it (the test database is seeded exactly as a first start). */
let t: TestApp;
let leader: Session, kinhte: Session;

beforeAll(async () => {
  t = await buildTestApp();
  [leader, kinhte] = await Promise.all(['vinhbao.chutich', 'vinhbao.kinhte'].map((u) => t.signIn(u)));
});
afterAll(() => t.close());

describe('demo tasks', () => {
  it('every demo commune tracks the plan items that name a lead unit, through the same log as the API', async () => {
    const rows = await t.database.db
      .selectFrom('tasks as t')
      .innerJoin('orgUnits as c', 'c.id', 't.communeId')
      .select(['c.code', 't.status', 't.source', 't.planTaskId', 't.dueDate'])
      .execute();
    const codes = ['11824', '11842', '10750', '05800', '16363'];
    for (const code of codes) {
      const mine = rows.filter((r) => r.code === code);
      const planItems = await t.database.db
        .selectFrom('planTasks as p')
        .innerJoin('orgUnits as c', 'c.id', 'p.communeId')
        .select('p.id')
        .where('c.code', '=', code)
        .where('p.leadUnitId', 'is not', null)
        .execute();
      expect(mine.length, code).toBe(planItems.length);
      expect(
        mine.every((r) => r.source === 'plan' && r.planTaskId),
        code,
      ).toBe(true);
      // A few realistic states in each commune.
      expect(new Set(mine.map((r) => r.status)), code).toEqual(
        new Set(['assigned', 'in_progress', 'submitted', 'verified', 'returned']),
      );
    }
    const actions = await t.database.db.selectFrom('taskActions').select(['kind']).execute();
    expect(new Set(actions.map((a) => a.kind))).toEqual(
      new Set(['assign', 'progress', 'evidence', 'submit', 'verify', 'return', 'comment']),
    );
  });

  it('Vĩnh Bảo: the unit officer has work, the leader has one to approve and sees one overdue', async () => {
    const mine = (await t.request(kinhte, { method: 'GET', url: '/api/v1/tasks/mine' })).json();
    expect(mine.counts.responsible).toBeGreaterThan(0);
    const leaderMine = (await t.request(leader, { method: 'GET', url: '/api/v1/tasks/mine' })).json();
    expect(leaderMine.toApprove.length).toBeGreaterThan(0);
    const od = (await t.request(leader, { method: 'GET', url: '/api/v1/tasks/overdue' })).json();
    expect(od.overdue.length).toBeGreaterThan(0);
    expect(od.atRisk.length).toBeGreaterThan(0);
    const withEvidence = await t.database.db
      .selectFrom('files')
      .select(['fileName', 'mediaType'])
      .where('ownerType', '=', 'task')
      .execute();
    expect(withEvidence.length).toBeGreaterThan(0);
    expect(withEvidence.every((f) => f.mediaType === 'application/pdf')).toBe(true);
  });

  it('demo people have addresses that can never be delivered, and the seeding itself mailed nobody', async () => {
    const users = await t.database.db
      .selectFrom('users')
      .select(['username', 'email'])
      .where(
        'username',
        'in',
        DEMO_ACCOUNTS.map((a) => a.username),
      )
      .execute();
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    for (const u of users) expect(u.email).toBe(`${u.username}@demo.xaso.example`);
    expect(await t.database.db.selectFrom('mailOutbox').select('id').execute()).toEqual([]);
    const notes = await t.database.db
      .selectFrom('notifications')
      .select('id')
      .where('kind', '=', 'task.assigned')
      .execute();
    expect(notes.length).toBeGreaterThan(0);
  });

  it('seeding again adds nothing', async () => {
    const before = await t.database.db.selectFrom('tasks').select('id').execute();
    const r = await seedDemo(systemCtx(t.database.db, t.config));
    expect(r).toEqual({ unitsAdded: 0, usersAdded: 0, plansAdded: 0, tasksAdded: 0 });
    expect(await t.database.db.selectFrom('tasks').select('id').execute()).toHaveLength(before.length);
  });

  it('the evidence file of a demo progress post is a PDF the evidence check accepts', async () => {
    expect((await checkEvidenceFile('bao-cao.pdf', demoPdf('Báo cáo kết quả (thôn 1)'), 1_000_000)).mediaType).toBe(
      'application/pdf',
    );
  });
});
