/**
 * The catalogue indicators Xã Số computes from its own records (provenance "computed"), each
 * declared once, here: its catalogue code, its formula in Vietnamese (stored with every value
 * as its source), the events that can change it, how it counts its numerator and denominator,
 * and the link to the records it counts. Nothing else names these codes: the recount
 * (computed-values.ts) and the subscriber (values.subscribers.ts) read this list.
 *
 * A declaration counts through the owning module's own exported functions (the tasks module's
 * `stats`, the reporting module's `reportingFigures`) — the figures those modules show
 * themselves — never through SQL of their tables here, so a figure is computed one way only.
 * Declarations that share one count read it through `SOURCES`, memoised per recount: the three
 * task figures come from one read of the tasks, however many of them a commune's plan links.
 *
 * Adding a computed indicator: add its declaration below (and a source in `SOURCES` when no
 * existing one gives its count), and a case in computed-indicators.test.ts that counts it from
 * records. Nothing else changes: a target of a plan linked to the code gets its value when one
 * of the declaration's events is published in the commune, and every day (docs/ARCHITECTURE.md).
 */
import type { Actor } from '../../platform/access.ts';
import type { Ctx } from '../../platform/context.ts';
import type { EventType } from '../../platform/events.ts';
import { REPORTING_PRODUCER, reportingFigures } from '../reporting/index.ts';
import { stats } from '../tasks/index.ts';
import type { Share } from './values.rules.ts';

export const TASKS_PRODUCER = 'Tính từ dữ liệu nhiệm vụ của Xã Số';

/** One commune's recount, in the transaction of the write that caused it. */
export interface Recount {
  tx: Ctx;
  provinceId: string;
  communeId: string;
  /** 'YYYY-MM-DD', Vietnamese time: what is due and the quarter the values belong to. */
  today: string;
}

/** Reads as the commune's own reader (no person): the tasks module checks scope on every call. */
function readerOf(place: { provinceId: string; communeId: string }): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'xaso.computed',
    fullName: 'Xã Số',
    sessionId: null,
    grants: [
      {
        id: 'computed-values',
        role: 'commune_admin',
        orgUnitId: place.communeId,
        orgKind: 'commune',
        provinceId: place.provinceId,
        communeId: place.communeId,
      },
    ],
  };
}

/**
 * The counts declarations share, each read at most once per recount (`sourcesFor`). A source
 * is a function of the recount; a declaration asks for it by name.
 */
export const SOURCES = {
  /** The tasks module's figures of the commune: tracked, done on time, overdue (one read). */
  taskStats: async (r: Recount) => (await stats({ ...r.tx, actor: readerOf(r) }, { communeId: r.communeId })).commune,
  /** The reporting module's unit reports due by today: how many, sent through Xã Số, on time. */
  reportingFigures: (r: Recount) => reportingFigures(r.tx.db, r.communeId, r.today),
};

/** The sources of one recount: each read on first use, then the same answer. */
export type Sources = { [K in keyof typeof SOURCES]: () => ReturnType<(typeof SOURCES)[K]> };

export function sourcesFor(r: Recount): Sources {
  const memo = new Map<string, Promise<unknown>>();
  const get = (name: keyof typeof SOURCES) => () => {
    if (!memo.has(name)) memo.set(name, SOURCES[name](r));
    return memo.get(name);
  };
  return Object.fromEntries(Object.keys(SOURCES).map((name) => [name, get(name as keyof typeof SOURCES)])) as Sources;
}

export interface ComputedIndicator {
  /** The catalogue code (indicators.seed): a plan's target linked to it gets the computed value. */
  code: string;
  /** The formula in words, stored with each value: "<code>: <formula> = n/d". */
  formula: string;
  /** What produced it, in words (shown with the value). */
  producer: string;
  /** The events after which it is counted again, in the transaction of the write. */
  events: readonly EventType[];
  /** Its numerator and denominator (a share with denominator 0 is left out, not shown as 0 %). */
  count: (sources: Sources) => Promise<Share>;
  /** The records it counts, as an API query. */
  link: (communeId: string, year: number) => string;
}

/** A target newly linked to a computed indicator gets its value at once, not at the next write. */
const LINKED: EventType = 'plan.targets-linked';
/** What changes the task figures (a comment changes none). */
const TASK_EVENTS: readonly EventType[] = ['task.created', 'task.changed', LINKED];
/** What changes the unit-report figures: a report sent, or returned (it no longer counts as sent). An approval changes none: submitted and approved reports count alike, and its lateness was fixed when it was sent. */
const REPORT_EVENTS: readonly EventType[] = ['report.submitted', 'report.returned', LINKED];

export const COMPUTED_INDICATORS: readonly ComputedIndicator[] = [
  {
    code: 'CQS-09',
    formula: 'Nhiệm vụ của kế hoạch đã giao và theo dõi trên Xã Số ÷ nhiệm vụ của kế hoạch',
    producer: TASKS_PRODUCER,
    events: TASK_EVENTS,
    count: async (s) => (await s.taskStats()).tracked,
    link: (c) => `/api/v1/tasks/stats?communeId=${c}`,
  },
  {
    code: 'CQS-16',
    formula: 'Nhiệm vụ được xác nhận hoàn thành đúng hạn ÷ nhiệm vụ đã hoàn thành hoặc đã đến hạn',
    producer: TASKS_PRODUCER,
    events: TASK_EVENTS,
    count: async (s) => (await s.taskStats()).doneOnTime,
    link: (c) => `/api/v1/tasks?communeId=${c}&timing=done`,
  },
  {
    code: 'CQS-17',
    formula: 'Nhiệm vụ chưa hoàn thành đã quá hạn ÷ tổng số nhiệm vụ',
    producer: TASKS_PRODUCER,
    events: TASK_EVENTS,
    count: async (s) => (await s.taskStats()).overdue,
    link: (c) => `/api/v1/tasks?communeId=${c}&timing=overdue`,
  },
  {
    code: 'CQS-08',
    formula: 'Báo cáo đơn vị đã nộp qua Xã Số ÷ báo cáo đơn vị đã đến hạn',
    producer: REPORTING_PRODUCER,
    events: REPORT_EVENTS,
    count: async (s) => {
      const f = await s.reportingFigures();
      return { numerator: f.submitted, denominator: f.due };
    },
    link: (c, y) => `/api/v1/reporting/completeness?communeId=${c}&year=${y}`,
  },
  {
    code: 'CQS-18',
    formula: 'Báo cáo đơn vị nộp đúng hạn ÷ báo cáo đơn vị đã đến hạn',
    producer: REPORTING_PRODUCER,
    events: REPORT_EVENTS,
    count: async (s) => {
      const f = await s.reportingFigures();
      return { numerator: f.onTime, denominator: f.due };
    },
    link: (c, y) => `/api/v1/reporting/completeness?communeId=${c}&year=${y}`,
  },
];
