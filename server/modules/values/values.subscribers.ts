/**
 * What the values module hears (platform/events.ts), in the transaction of the write that
 * published it, before its COMMIT:
 * - `report.approved` carries the values the standing office approved: they become indicator
 *   values (source 'report') with their rollups;
 * - every other event a computed indicator declares (computed-indicators.ts) recounts, once
 *   per commune per transaction, the indicators that name it: a plan that creates 50 tasks
 *   recounts its commune's task figures once, not 50 times.
 * A failure here rolls the write back: a figure never disagrees with the records it counts.
 */
import type { Ctx } from '../../platform/context.ts';
import { subscribe, type DomainEvent, type EventType } from '../../platform/events.ts';
import { COMPUTED_INDICATORS } from './computed-indicators.ts';
import { recountComputedValues } from './computed-values.ts';
import { recordValues } from './indicator-values.ts';

/** The events that change values: an approval's values, and those the computed indicators name. */
export const VALUE_EVENTS: readonly EventType[] = [
  ...new Set<EventType>(['report.approved', ...COMPUTED_INDICATORS.flatMap((d) => d.events)]),
];

export async function onValueEvents(tx: Ctx, events: DomainEvent[]): Promise<void> {
  const approvals = events.filter((e): e is DomainEvent<'report.approved'> => e.type === 'report.approved');
  if (approvals.length)
    // Only approved values count (Akvo RSR's rule).
    await recordValues(
      tx,
      approvals.flatMap((e) =>
        e.values.map((v) => ({
          targetId: v.targetId,
          periodCode: e.periodCode,
          periodEnd: e.periodEnd,
          value: v.value,
          numerator: v.numerator,
          denominator: v.denominator,
          source: 'report' as const,
          sourceRef: e.submissionId,
          producedBy: e.approvedBy,
        })),
      ),
    );
  const heard = new Map<string, Set<EventType>>();
  for (const e of events) {
    const types = heard.get(e.communeId) ?? new Set<EventType>();
    heard.set(e.communeId, types.add(e.type));
  }
  for (const [communeId, types] of heard) {
    const indicators = COMPUTED_INDICATORS.filter((d) => d.events.some((t) => types.has(t)));
    if (indicators.length) await recountComputedValues(tx, communeId, { indicators });
  }
}

/** Subscribes the values module (the composition root, server/subscribers.ts, calls it once). */
export const subscribeValues = () => subscribe('values', VALUE_EVENTS, onValueEvents);
