import { describe, expect, it } from 'vitest';
import { boardMore, moveFor, movesOf } from './components/board.rules.ts';
import { chartWidth, ganttRange, monthTicks, offsetOf, position } from './components/gantt.ts';

describe('board: a drop calls the action that leads into the column', () => {
  const open = {
    status: 'in_progress' as const,
    allowedActions: ['progress', 'evidence', 'submit', 'comment'] as ('progress' | 'evidence' | 'submit' | 'comment')[],
  };
  it.each([
    ['submitted', 'submit'],
    ['in_progress', null], // the card is already there
    ['verified', null], // the lead cannot verify
    ['assigned', null], // nothing leads back to "assigned"
    ['returned', null],
  ] as const)('lead, in progress → %s: %s', (to, action) => expect(moveFor(open, to)).toBe(action));

  it('the approver moves a submitted task to verified or returned, nowhere else', () => {
    const waiting = {
      status: 'submitted' as const,
      allowedActions: ['verify', 'return', 'comment'] as ('verify' | 'return' | 'comment')[],
    };
    expect(movesOf(waiting, ['assigned', 'in_progress', 'returned', 'submitted', 'verified'])).toEqual([
      { to: 'returned', action: 'return' },
      { to: 'verified', action: 'verify' },
    ]);
  });

  it('a reader moves nothing', () => {
    expect(
      movesOf({ status: 'assigned', allowedActions: [] }, [
        'assigned',
        'in_progress',
        'returned',
        'submitted',
        'verified',
      ]),
    ).toEqual([]);
  });
});

describe('timeline layout', () => {
  const range = ganttRange(['2026-03-15', '2026-12-31', '2026-11-23'])!;
  it('covers whole months around every date', () => {
    expect(range).toEqual({ from: '2026-03-01', to: '2026-12-31', days: 306 });
    expect(ganttRange([])).toBeNull();
  });
  it('places a span in proportion, never thinner than 3 px, and clips what lies outside', () => {
    expect(position(range, 306, '2026-03-01', '2026-03-10')).toEqual({ left: 0, width: 10 });
    expect(position(range, 306, '2026-12-31', '2026-12-31')).toEqual({ left: 305, width: 3 });
    expect(position(range, 306, '2025-01-01', '2026-03-02')).toEqual({ left: 0, width: 3 });
    expect(offsetOf(range, 612, '2026-03-02')).toBe(2);
  });
  it('ticks one per month, with the year on the first and on January', () => {
    const ticks = monthTicks(ganttRange(['2026-11-01', '2027-02-10'])!, 1000);
    expect(ticks.map((t) => [t.label, t.year])).toEqual([
      ['T11', '2026'],
      ['T12', null],
      ['T1', '2027'],
      ['T2', null],
    ]);
    expect(ticks[0].left).toBe(0);
  });
  it('gives each month enough room: a five-year plan is wider than a phone', () => {
    expect(chartWidth(ganttRange(['2026-01-01', '2030-12-31'])!, 48)).toBeGreaterThan(2800);
  });
});

describe('board: "show more" of a column', () => {
  it('asks the server only for the columns opened beyond the first cards, never past 200', () => {
    expect(boardMore({})).toBeUndefined();
    expect(boardMore({ assigned: 50 })).toBeUndefined();
    expect(boardMore({ assigned: 100, submitted: 150 })).toBe('assigned:100,submitted:150');
    expect(boardMore({ verified: 250 })).toBe('verified:200');
  });
});
