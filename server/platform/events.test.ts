import { describe, expect, it } from 'vitest';
import type { Ctx } from './context.ts';
import { deliverEvents, publish, subscribe, type DomainEvent } from './events.ts';

/** A transaction as inTransaction opens it, as far as events.ts looks. */
const tx = () => ({ db: { isTransaction: true }, events: { queue: [] } }) as unknown as Ctx;
const created: DomainEvent<'task.created'> = { type: 'task.created', provinceId: 'p', communeId: 'c', taskId: 't' };

// This file runs in its own process (vitest forks): nothing has subscribed before the first test.
describe('events', () => {
  it('refuse to be published in a process where nobody ever subscribed (a forgotten registration)', () => {
    expect(() => publish(tx(), created)).toThrow(/registerSubscribers/);
  });

  it('refuse to be published outside a transaction opened by inTransaction', () => {
    const off = subscribe('test', ['task.created'], async () => {});
    try {
      expect(() => publish({ db: { isTransaction: false } } as unknown as Ctx, created)).toThrow(
        /outside a transaction/,
      );
    } finally {
      off();
    }
  });

  it('reach each subscriber once per transaction with all its events, in order; what subscribers publish comes in a further round', async () => {
    const seen: string[][] = [];
    const offs = [
      subscribe('tasks', ['task.created', 'task.changed'], async (t, events) => {
        seen.push(events.map((e) => `${e.type}:${e.taskId}`));
        if (events.some((e) => e.type === 'task.created'))
          publish(t, { type: 'task.changed', provinceId: 'p', communeId: 'c', taskId: 'later', action: 'edit' });
      }),
      subscribe('comments', ['task.commented'], async (_t, events) => {
        seen.push(events.map((e) => e.type));
      }),
    ];
    try {
      const t = tx();
      publish(t, created);
      publish(t, { ...created, taskId: 'u' });
      publish(t, { type: 'task.commented', provinceId: 'p', communeId: 'c', taskId: 't' });
      await deliverEvents(t);
      expect(seen).toEqual([['task.created:t', 'task.created:u'], ['task.commented'], ['task.changed:later']]);
    } finally {
      for (const off of offs) off();
    }
  });
});
