/**
 * Pure rules of plans: the content of a plan as data, comparing two versions (what was
 * added, removed, changed), and suggesting the catalogue indicator a target measures.
 */
import { foldVietnamese } from '../../platform/text.ts';

export interface TargetContent {
  id?: string;
  groupName: string | null;
  text: string;
  kind: 'target' | 'baseline';
  comparator: '>=' | '>' | '=' | '<=' | '<' | 'range';
  value: number;
  valueMax: number | null;
  unit: string;
  year: number | null;
  sourceLine: number | null;
  indicatorId?: string | null;
  indicatorLink?: 'suggested' | 'confirmed' | null;
}
export interface TaskContent {
  id?: string;
  groupName: string | null;
  title: string;
  leadText: string | null;
  leadUnitId?: string | null;
  partners: string[];
  fromYear: number | null;
  toYear: number | null;
  expected: string | null;
  sourceLine: number | null;
}
export interface ReportingRuleContent {
  id?: string;
  cycle: 'quarterly' | 'half-year' | 'nine-month' | 'annual' | 'ad-hoc';
  reporter: string | null;
  recipient: string | null;
  deadlineText: string | null;
  day: number | null;
  month: number | null;
}
export interface PlanHeader {
  title: string;
  number: string | null;
  issuedOn: string | null;
  periodFrom: number | null;
  periodTo: number | null;
  signerName: string | null;
  signerTitle: string | null;
}
export interface PlanContent {
  header: PlanHeader;
  targets: TargetContent[];
  tasks: TaskContent[];
  reporting: ReportingRuleContent[];
}

// Words that say nothing about what is measured ("tỷ lệ", "các", "được" …).
const STOP = new Set(
  'cac cua va trong tren duoc co cho la voi nguoi ty le dat toi thieu it nhat phan dau the nhung mot so nam den tai tu ve theo nay do'.split(
    ' ',
  ),
);

export function words(text: string): Set<string> {
  return new Set(
    foldVietnamese(text)
      .split(/[^a-z0-9]+/)
      .filter((w) => w && !STOP.has(w)),
  );
}

/** Dice similarity of two texts' word sets, 0…1. */
export function similarity(a: string, b: string): number {
  const A = words(a);
  const B = words(b);
  if (A.size === 0 || B.size === 0) return 0;
  let common = 0;
  for (const w of A) if (B.has(w)) common++;
  return (2 * common) / (A.size + B.size);
}

export interface CatalogueEntry {
  id: string;
  name: string;
  unit: string;
  aliases: string[];
}

/**
 * The catalogue indicator a target most likely measures: best similarity of the target's
 * words with the indicator's name or any alias, among indicators of the same unit.
 * A person confirms the suggestion; below `min` there is none.
 */
export function suggestIndicator(target: { text: string; unit: string }, catalogue: CatalogueEntry[], min = 0.5) {
  let best: { indicatorId: string; score: number } | null = null;
  for (const c of catalogue) {
    if (normaliseUnit(c.unit) !== normaliseUnit(target.unit)) continue;
    const score = Math.max(similarity(target.text, c.name), ...c.aliases.map((a) => similarity(target.text, a)));
    if (score >= min && (!best || score > best.score))
      best = { indicatorId: c.id, score: Math.round(score * 100) / 100 };
  }
  return best;
}

export const normaliseUnit = (u: string) => {
  const f = foldVietnamese(u).replace(/\s+/g, '');
  if (f === 'phantram') return '%';
  if (f === 'mbps') return 'mbit/s';
  if (f === 'gbps' || f === 'gb/s') return 'gbit/s';
  return f;
};

// ——— Comparing two versions ———

export interface Change<T> {
  before: T;
  after: T;
  fields: string[];
}
export interface ListDiff<T> {
  added: T[];
  removed: T[];
  changed: Change<T>[];
  unchanged: number;
  /** Every matched pair [before, after], changed or not, in the order of `after`. */
  pairs: [T, T][];
}
export interface PlanDiff {
  header: { field: string; before: unknown; after: unknown }[];
  targets: ListDiff<TargetContent>;
  tasks: ListDiff<TaskContent>;
  reporting: ListDiff<ReportingRuleContent>;
}

/**
 * Pairs items of two lists one to one: first exact keys, then the most similar remaining
 * pair above a threshold (a reworded task is "changed", not "removed + added").
 */
function pairUp<T>(
  before: T[],
  after: T[],
  key: (x: T) => string,
  text: (x: T) => string,
  fields: (keyof T)[],
  min: number,
): ListDiff<T> {
  const usedA = new Set<number>();
  const pairs: [T, T][] = [];
  const remainingB: T[] = [];
  const byKey = new Map<string, number[]>();
  before.forEach((b, i) => byKey.set(key(b), [...(byKey.get(key(b)) ?? []), i]));
  for (const a of after) {
    const i = (byKey.get(key(a)) ?? []).find((j) => !usedA.has(j));
    if (i === undefined) remainingB.push(a);
    else {
      usedA.add(i);
      pairs.push([before[i], a]);
    }
  }
  const added: T[] = [];
  for (const a of remainingB) {
    let best = -1;
    let bestScore = min;
    before.forEach((b, i) => {
      if (usedA.has(i)) return;
      const s = similarity(text(a), text(b));
      if (s >= bestScore) {
        best = i;
        bestScore = s;
      }
    });
    if (best < 0) added.push(a);
    else {
      usedA.add(best);
      pairs.push([before[best], a]);
    }
  }
  const changed: Change<T>[] = [];
  let unchanged = 0;
  for (const [b, a] of pairs) {
    const differing = fields.filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null)).map(String);
    if (differing.length) changed.push({ before: b, after: a, fields: differing });
    else unchanged++;
  }
  const order = new Map(after.map((a, i) => [a, i]));
  pairs.sort((x, y) => order.get(x[1])! - order.get(y[1])!);
  return { added, removed: before.filter((_, i) => !usedA.has(i)), changed, unchanged, pairs };
}

export function diffPlans(before: PlanContent, after: PlanContent): PlanDiff {
  const header = (Object.keys(after.header) as (keyof PlanHeader)[])
    .filter((k) => JSON.stringify(before.header[k] ?? null) !== JSON.stringify(after.header[k] ?? null))
    .map((field) => ({ field, before: before.header[field] ?? null, after: after.header[field] ?? null }));
  return {
    header,
    targets: pairUp(
      before.targets,
      after.targets,
      (t) => `${foldVietnamese(t.text)}|${t.kind}|${t.year}`,
      (t) => t.text,
      ['groupName', 'text', 'kind', 'comparator', 'value', 'valueMax', 'unit', 'year'],
      0.6,
    ),
    tasks: pairUp(
      before.tasks,
      after.tasks,
      (t) => foldVietnamese(t.title),
      (t) => t.title,
      ['groupName', 'title', 'leadText', 'partners', 'fromYear', 'toYear', 'expected'],
      0.6,
    ),
    reporting: pairUp(
      before.reporting,
      after.reporting,
      (r) => `${r.cycle}|${r.day}|${r.month}`,
      (r) => `${r.cycle} ${r.reporter ?? ''} ${r.recipient ?? ''}`,
      ['cycle', 'reporter', 'recipient', 'deadlineText', 'day', 'month'],
      0.3,
    ),
  };
}

export const isEmptyDiff = (d: PlanDiff) =>
  d.header.length === 0 &&
  [d.targets, d.tasks, d.reporting].every(
    (l) => l.added.length === 0 && l.removed.length === 0 && l.changed.length === 0,
  );

export function summariseDiff(d: PlanDiff): string {
  const part = (name: string, l: ListDiff<unknown>) =>
    `${name}: +${l.added.length} −${l.removed.length} ~${l.changed.length}`;
  return [part('chỉ tiêu', d.targets), part('nhiệm vụ', d.tasks), part('chế độ báo cáo', d.reporting)].join('; ');
}

/** Matches a unit named in a plan ("Phòng Văn hóa – Xã hội", "Công an xã") to the commune's units. */
export function matchUnit(text: string | null, units: { id: string; name: string }[]): string | null {
  if (!text) return null;
  const t = foldVietnamese(text).replace(/[–—-]/g, ' ').replace(/\s+/g, ' ');
  let best: { id: string; score: number } | null = null;
  for (const u of units) {
    const n = foldVietnamese(u.name).replace(/[–—-]/g, ' ').replace(/\s+/g, ' ');
    const score = t === n || t.startsWith(`${n} `) || t.includes(n) ? 1 : similarity(text, u.name);
    if (score >= 0.75 && (!best || score > best.score)) best = { id: u.id, score };
  }
  return best?.id ?? null;
}
