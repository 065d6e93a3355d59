/**
 * Domain events (sự kiện nghiệp vụ): a write says what happened, inside its own transaction,
 * and knows nothing of who listens. The figures a commune's plan is measured by (indicator
 * values) are derived from records this way: the tasks, reporting and plans modules publish,
 * the values module subscribes and recounts — so a writer never calls the dashboards and the
 * dashboards never call back into the writers.
 *
 * How it runs:
 * - `publish(tx, event)` only queues the event on the transaction `inTransaction` opened;
 * - just before COMMIT, `inTransaction` hands each subscriber every event of the transaction
 *   at once (a plan that creates 50 tasks recounts once, not 50 times), in the same
 *   transaction: what a subscriber writes commits with the write or not at all, so a figure is
 *   fresh the moment the write is visible, and a failed subscriber rolls the write back;
 * - events a subscriber publishes are delivered in a further round, before the COMMIT.
 *
 * The list of events is this file's `EventPayloads`: a publisher can only publish what is
 * listed, and `EVENT_TYPES` says in words what each means (a test checks that every event has a
 * subscriber or is named in `UNOBSERVED_EVENTS` with the reason).
 *
 * Written here rather than taken from a library: what we need is a typed list and one loop run
 * inside a database transaction; in-process emitters (node:events, mitt) run listeners at once
 * and outside any transaction, and a message broker would add a server for an embedded product.
 */
import type { Ctx } from './context.ts';

/** Where a record lives: every event names its commune, so a subscriber recounts only that commune. */
export interface EventPlace {
  provinceId: string;
  communeId: string;
}

/** A value a unit reported and the standing office approved (only approved values count). */
export interface ApprovedValue {
  targetId: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/** Every event, by type: what it carries besides its place. */
export interface EventPayloads {
  /** nhiệm vụ được giao (ad hoc or from the plan). */
  'task.created': { taskId: string };
  /**
   * A task's state, dates or fields changed: edited, progress reported, submitted, verified,
   * returned, reopened (`action`, the kind of its log entry). Milestones and evidence files are
   * not published: no figure counts them.
   */
  'task.changed': { taskId: string; action: string };
  /** A comment on a task's log: nothing but the conversation changed. */
  'task.commented': { taskId: string };
  /** A unit's report was sent (nộp báo cáo), on time or late. */
  'report.submitted': { submissionId: string; periodId: string; unitId: string; isLate: boolean };
  /** The standing office returned a unit's report (trả lại): it no longer counts as submitted. */
  'report.returned': { submissionId: string; periodId: string; unitId: string };
  /** The standing office approved a unit's report (duyệt): its values become indicator values. */
  'report.approved': {
    submissionId: string;
    periodId: string;
    unitId: string;
    periodCode: string;
    periodEnd: string;
    approvedBy: string;
    values: ApprovedValue[];
  };
  /** The commune report (báo cáo của xã) was drafted, signed, sent up to the province, or received by it. */
  'commune-report.changed': {
    communeReportId: string;
    periodId: string;
    kind: 'updated' | 'signed' | 'sent' | 'received';
  };
  /** Targets of a plan were linked to catalogue indicators (saved from an import, added or edited by hand). */
  'plan.targets-linked': { planId: string };
}

export type EventType = keyof EventPayloads;
export type DomainEvent<T extends EventType = EventType> = {
  [K in T]: { type: K } & EventPlace & EventPayloads[K];
}[T];

/** Every event type, with what it means — a Record, so a type added above must be described here. */
export const EVENT_TYPES: Record<EventType, string> = {
  'task.created': 'Một nhiệm vụ được giao',
  'task.changed': 'Một nhiệm vụ đổi trạng thái, tiến độ, thời hạn hoặc nội dung',
  'task.commented': 'Một ý kiến trao đổi trên nhiệm vụ',
  'report.submitted': 'Đơn vị nộp báo cáo định kỳ',
  'report.returned': 'Bộ phận thường trực trả lại báo cáo của đơn vị',
  'report.approved': 'Bộ phận thường trực duyệt báo cáo của đơn vị; số liệu trở thành giá trị chỉ tiêu',
  'commune-report.changed': 'Báo cáo của xã được soạn, ký, gửi lên tỉnh hoặc được tỉnh xác nhận đã nhận',
  'plan.targets-linked': 'Chỉ tiêu của kế hoạch được gắn với chỉ số trong danh mục',
};

/**
 * Events nobody needs yet, each with the reason — so a new event is either heard or named
 * here on purpose, never forgotten (server/subscribers.test.ts).
 */
export const UNOBSERVED_EVENTS: Partial<Record<EventType, string>> = {
  'task.commented': 'Ý kiến trao đổi không làm thay đổi số liệu nào.',
  'commune-report.changed': 'Chưa có chỉ số nào đếm báo cáo của xã; lịch sử nằm trong report_events.',
};

/** A subscriber receives every event of one transaction that it asked for, in publishing order. */
export type Subscriber<T extends EventType = EventType> = (tx: Ctx, events: DomainEvent<T>[]) => Promise<void>;

interface Subscription {
  name: string;
  types: ReadonlySet<EventType>;
  handle: Subscriber;
}

const subscriptions: Subscription[] = [];
/** Whether anyone ever subscribed in this process: publishing before that is a forgotten registration. */
let everSubscribed = false;

/**
 * Registers a subscriber for some event types (at start, from the composition root). Returns a
 * function that removes it (tests). `name` appears in errors and in the list of subscribers.
 */
export function subscribe<T extends EventType>(name: string, types: readonly T[], handle: Subscriber<T>): () => void {
  const s: Subscription = { name, types: new Set(types), handle: handle as Subscriber };
  subscriptions.push(s);
  everSubscribed = true;
  return () => {
    const i = subscriptions.indexOf(s);
    if (i >= 0) subscriptions.splice(i, 1);
  };
}

/** Who listens to what: for the coverage test and the architecture page. */
export function subscribersOf(type: EventType): string[] {
  return subscriptions.filter((s) => s.types.has(type)).map((s) => s.name);
}

/** The events a transaction has published and not yet delivered. */
export interface PendingEvents {
  queue: DomainEvent[];
}

/**
 * Queues an event on the caller's transaction; its subscribers run before that transaction
 * commits. Publishing outside `inTransaction` is a programming error: the event would have no
 * transaction to commit or roll back with. So is publishing in a process where nobody ever
 * subscribed: the composition root (server/subscribers.ts) was not called at start, and the
 * figures this write changes would silently stay stale — the write fails instead.
 */
export function publish<T extends EventType>(tx: Ctx, event: DomainEvent<T>): void {
  if (!tx.events || !tx.db.isTransaction)
    throw new Error(`publish('${event.type}') outside a transaction opened by inTransaction`);
  if (!everSubscribed)
    throw new Error(
      `publish('${event.type}') before any subscriber was registered: call registerSubscribers() (server/subscribers.ts) at start`,
    );
  tx.events.queue.push(event as DomainEvent);
}

/** Rounds of delivery before giving up: a subscriber that publishes what it hears would loop forever. */
const MAX_ROUNDS = 5;

/** Delivers the transaction's events to their subscribers (inTransaction calls it before COMMIT). */
export async function deliverEvents(tx: Ctx): Promise<void> {
  const pending = tx.events;
  if (!pending) return;
  for (let round = 0; pending.queue.length; round++) {
    if (round === MAX_ROUNDS) throw new Error(`events still published after ${MAX_ROUNDS} rounds: a subscriber loop`);
    const events = pending.queue.splice(0);
    for (const s of subscriptions) {
      const heard = events.filter((e) => s.types.has(e.type));
      if (heard.length) await s.handle(tx, heard);
    }
  }
}
