import { describe, expect, it } from 'vitest';
import { addWorkingDays, buildCalendar, workingDaysBetween } from '../calendar/working-days.rules.ts';
import { addDays } from '../calendar/dates.ts';
import {
  applyAction,
  availableActions,
  deriveTaskState,
  foldActions,
  planMilestones,
  planTaskSpan,
  reminderWindows,
  timingOf,
  WorkingDayCounter,
  type ActionEntry,
  type TaskRelation,
  type TaskStatus,
  type TimingInput,
} from './tasks.rules.ts';

const calendar = buildCalendar({ years: [2025, 2031] });
const counter = new WorkingDayCounter(calendar);
let seq = 0;
const act = (
  kind: ActionEntry['kind'],
  onDate = '2026-03-02',
  percent: number | null = null,
  actorId: string | null = 'u1',
): ActionEntry => ({ seq: ++seq, kind, onDate, percent, actorId });

describe('status from the append-only log', () => {
  it.each<[string, ActionEntry['kind'][], TaskStatus, number]>([
    ['just assigned', ['assign'], 'assigned', 0],
    ['progress', ['assign', 'progress'], 'in_progress', 40],
    ['evidence and comments change nothing', ['assign', 'evidence', 'comment'], 'assigned', 0],
    ['submitted', ['assign', 'progress', 'submit'], 'submitted', 100],
    ['verified', ['assign', 'progress', 'submit', 'verify'], 'verified', 100],
    ['returned keeps the percent', ['assign', 'progress', 'submit', 'return'], 'returned', 100],
    ['worked again after a return', ['assign', 'submit', 'return', 'progress', 'submit', 'verify'], 'verified', 100],
    ['an edit by the assigner', ['assign', 'edit', 'progress'], 'in_progress', 40],
  ])('%s', (_name, kinds, status, percent) => {
    const s = foldActions(kinds.map((k) => act(k, '2026-03-02', k === 'progress' ? 40 : null)));
    expect(s).toMatchObject({ status, percent });
  });

  it.each<[string, ActionEntry['kind'][], ActionEntry['kind']]>([
    ['verifying a task not submitted', ['assign', 'progress'], 'verify'],
    ['returning a verified task', ['assign', 'submit', 'verify'], 'return'],
    ['progress while waiting for approval', ['assign', 'submit'], 'progress'],
    ['editing a verified task', ['assign', 'submit', 'verify'], 'edit'],
    ['a second assignment', ['assign'], 'assign'],
  ])('refuses %s with TASK_ACTION_NOT_ALLOWED', (_name, kinds, next) => {
    const s = foldActions(kinds.map((k) => act(k)));
    expect(() => applyAction(s, act(next))).toThrowError(
      expect.objectContaining({ code: 'TASK_ACTION_NOT_ALLOWED', kind: 'conflict' }),
    );
  });

  it('a log must start with the assignment', () => {
    expect(() => foldActions([act('progress')])).toThrowError(
      expect.objectContaining({ code: 'TASK_ACTION_NOT_ALLOWED' }),
    );
  });

  it('orders by seq, whatever order the rows come in', () => {
    const log = [act('assign'), act('progress', '2026-03-03', 30), act('submit', '2026-03-04')];
    expect(foldActions([...log].reverse())).toMatchObject({
      status: 'submitted',
      submittedOn: '2026-03-04',
      lastSeq: log[2].seq,
    });
  });
});

describe('working days, counted fast', () => {
  it('agrees with workingDaysBetween on every pair of a sample across holidays', () => {
    // Pairs a few weeks apart (Tết, 30/4, 2/9 of 2026 inside), both directions.
    const days = Array.from({ length: 90 }, (_, i) => addDays('2025-12-20', i * 5 + (i % 3)));
    for (const [i, a] of days.entries())
      for (const b of days.slice(Math.max(0, i - 6), i + 6))
        expect(counter.between(a, b)).toBe(workingDaysBetween(a, b, calendar));
  });
});

describe('timing: overdue and at risk, from dates and progress', () => {
  const base: TimingInput = {
    startDate: '2026-03-02',
    dueDate: '2026-03-31',
    status: 'in_progress',
    percent: 50,
    submittedOn: null,
  };
  it.each<[string, Partial<TimingInput>, string, string, object]>([
    ['before the start', {}, '2026-02-20', 'not_started', { remainingWorkingDays: 27 }],
    ['half-way, half done', {}, '2026-03-16', 'on_track', { expectedPercent: 48 }],
    ['half-way, nothing done', { status: 'assigned', percent: 0 }, '2026-03-16', 'at_risk', { isAtRisk: true }],
    ['24 points behind is not yet at risk', { percent: 24 }, '2026-03-16', 'on_track', {}],
    ['due today is not overdue', { percent: 90 }, '2026-03-31', 'on_track', { remainingWorkingDays: 0 }],
    ['the day after the due date', {}, '2026-04-01', 'overdue', { isOverdue: true, overdueWorkingDays: 1 }],
    ['over Giỗ Tổ (27/4 in lieu) and 30/4–1/5', {}, '2026-05-04', 'overdue', { overdueWorkingDays: 21 }],
    [
      'submitted on time, waiting for approval',
      { status: 'submitted', percent: 100, submittedOn: '2026-03-30' },
      '2026-04-10',
      'on_track',
      { isOverdue: false },
    ],
    [
      'submitted late, still waiting',
      { status: 'submitted', percent: 100, submittedOn: '2026-04-02' },
      '2026-04-10',
      'overdue',
      { isOverdue: true },
    ],
    [
      'verified on time',
      { status: 'verified', percent: 100, submittedOn: '2026-03-31' },
      '2026-06-01',
      'done',
      { isOverdue: false },
    ],
    [
      'verified after a late submission',
      { status: 'verified', percent: 100, submittedOn: '2026-04-01' },
      '2026-06-01',
      'done_late',
      {},
    ],
    [
      'returned after the due date',
      { status: 'returned', percent: 100, submittedOn: '2026-03-30' },
      '2026-04-02',
      'overdue',
      {},
    ],
  ])('%s', (_name, over, today, timing, more) => {
    const t = timingOf({ ...base, ...over }, today, counter);
    expect(t.timing).toBe(timing);
    expect(t).toMatchObject(more);
  });

  it('deriveTaskState joins the fold and the timing', () => {
    const state = deriveTaskState(
      { startDate: '2026-03-02', dueDate: '2026-03-31' },
      [act('assign', '2026-03-02'), act('progress', '2026-03-10', 10)],
      '2026-04-02',
      counter,
    );
    expect(state).toMatchObject({ status: 'in_progress', percent: 10, timing: 'overdue', overdueWorkingDays: 2 });
  });
});

describe('buttons by state and relation', () => {
  it.each<[TaskStatus, TaskRelation[], string[]]>([
    ['assigned', ['lead'], ['progress', 'evidence', 'submit', 'comment']],
    ['in_progress', ['partner'], ['comment']],
    ['in_progress', ['reader'], []],
    ['in_progress', ['approver'], ['comment']],
    ['submitted', ['approver'], ['verify', 'return', 'comment']],
    ['submitted', ['lead'], ['comment']],
    ['submitted', ['assigner'], ['edit', 'comment']],
    ['returned', ['lead', 'partner'], ['progress', 'evidence', 'submit', 'comment']],
    ['verified', ['assigner', 'approver', 'lead'], ['comment']],
  ])('%s as %j → %j', (status, relations, buttons) => {
    expect(availableActions({ status }, relations)).toEqual(buttons);
  });

  it('an approver does not approve their own submission', () => {
    expect(availableActions({ status: 'submitted' }, ['approver', 'lead'], { selfSubmitted: true })).toEqual([
      'comment',
    ]);
  });
});

describe('from a plan item to dates and milestones', () => {
  it.each([
    [{ fromYear: 2026, toYear: 2030 }, '2025-11-10', { startDate: '2026-01-01', dueDate: '2030-12-31' }],
    [{ fromYear: 2026, toYear: 2030 }, '2026-05-04', { startDate: '2026-05-04', dueDate: '2030-12-31' }],
    [{ fromYear: 2027, toYear: null }, '2026-05-04', { startDate: '2027-01-01', dueDate: '2027-12-31' }],
    [{ fromYear: null, toYear: null }, '2026-05-04', { startDate: '2026-05-04', dueDate: '2030-12-31' }],
  ])('%j on %s', (item, today, span) => {
    expect(planTaskSpan(item, { periodFrom: 2026, periodTo: 2030 }, today)).toEqual(span);
  });

  it('cuts yearly and quarterly milestones inside the span', () => {
    expect(planMilestones('2026-05-04', '2028-12-31', 'yearly').map((m) => m.dueDate)).toEqual([
      '2026-12-31',
      '2027-12-31',
      '2028-12-31',
    ]);
    expect(planMilestones('2026-05-04', '2026-11-15', 'quarterly')).toEqual([
      { title: 'Quý II/2026', dueDate: '2026-06-30' },
      { title: 'Quý III/2026', dueDate: '2026-09-30' },
      { title: 'Quý IV/2026', dueDate: '2026-11-15' },
    ]);
    expect(planMilestones('2026-01-01', '2026-12-31', 'none')).toEqual([]);
  });
});

describe('reminder windows', () => {
  it('on Monday 23/3/2026: due-date bands 7, 3, 1 working days ahead, escalation after 3', () => {
    const w = reminderWindows('2026-03-23', calendar, 3);
    expect(w.bands).toEqual([
      { days: 7, from: '2026-03-27', to: '2026-04-01' },
      { days: 3, from: '2026-03-25', to: '2026-03-26' },
      { days: 1, from: '2026-03-24', to: '2026-03-24' },
    ]);
    expect([w.overdueFrom, w.overdueBefore]).toEqual(['2026-02-20', '2026-03-23']);
    expect(w.escalateFrom).toBe(addDays(w.escalateOnOrBefore, -31));
    expect(workingDaysBetween(w.escalateOnOrBefore, '2026-03-23', calendar)).toBe(4);
    expect(workingDaysBetween(addDays(w.escalateOnOrBefore, 1), '2026-03-23', calendar)).toBe(3);
    expect(w.digestWeek).toBe('2026-03-23');
  });

  it('every due date in a band is that many working days away (around the 30/4 holidays)', () => {
    for (let today = '2026-04-20'; today < '2026-05-10'; today = addDays(today, 1)) {
      const w = reminderWindows(today, calendar, 3);
      for (const b of w.bands) {
        expect(workingDaysBetween(today, b.to, calendar)).toBeLessThanOrEqual(b.days);
        expect(
          addWorkingDays(today, b.days, calendar) <= b.to || workingDaysBetween(today, b.to, calendar) < b.days,
        ).toBe(true);
      }
      if (today === '2026-05-02') expect(w.digestWeek).toBeNull(); // Saturday
    }
  });
});
