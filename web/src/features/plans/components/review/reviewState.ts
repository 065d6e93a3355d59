/**
 * The review of an imported plan as page state: every extracted item with an "accepted"
 * tick, its catalogue suggestion and a stable key. Pure functions, tested in plans.test.ts.
 */
import type {
  ImportView,
  PlanContent,
  PlanHeader,
  RuleContent,
  Suggestion,
  TargetContent,
  TaskContent,
} from '../../api/types.ts';

export interface Row<T> {
  key: string;
  accepted: boolean;
  item: T;
  suggestion: Suggestion | null;
  /** Added by the person (from a selected passage or by hand), not read by the importer. */
  isNew?: boolean;
}
export interface ReviewState {
  header: PlanHeader;
  targets: Row<TargetContent>[];
  tasks: Row<TaskContent>[];
  reporting: Row<RuleContent>[];
}
export type ListName = 'targets' | 'tasks' | 'reporting';
export type AnyItem = TargetContent | TaskContent | RuleContent;

/** Which items the person unticked (kept in the browser: the server's review holds content only). */
export interface ReviewFlags {
  rejected: Record<ListName, number[]>;
}

let counter = 0;
export const newKey = (list: ListName) => `${list}-${++counter}`;

/** The server's content, with defaults filled in for anything the importer left out. */
export function normaliseTarget(t: Partial<TargetContent>): TargetContent {
  return {
    groupName: t.groupName ?? null,
    text: t.text ?? '',
    kind: t.kind ?? 'target',
    comparator: t.comparator ?? '>=',
    value: t.value ?? 0,
    valueMax: t.comparator === 'range' ? (t.valueMax ?? t.value ?? 0) : null,
    unit: t.unit ?? '%',
    year: t.year ?? null,
    sourceLine: t.sourceLine ?? null,
    indicatorId: t.indicatorId ?? null,
    indicatorLink: t.indicatorId ? (t.indicatorLink ?? 'suggested') : null,
  };
}
export function normaliseTask(t: Partial<TaskContent>): TaskContent {
  return {
    groupName: t.groupName ?? null,
    title: t.title ?? '',
    leadText: t.leadText ?? null,
    leadUnitId: t.leadUnitId ?? null,
    partners: t.partners ?? [],
    fromYear: t.fromYear ?? null,
    toYear: t.toYear ?? null,
    expected: t.expected ?? null,
    sourceLine: t.sourceLine ?? null,
  };
}
export function normaliseRule(r: Partial<RuleContent>): RuleContent {
  return {
    cycle: r.cycle ?? 'quarterly',
    reporter: r.reporter ?? null,
    recipient: r.recipient ?? null,
    deadlineText: r.deadlineText ?? null,
    day: r.day ?? null,
    month: r.month ?? null,
  };
}

/** The state to start from: the saved review when there is one, else what the importer read. */
export function initialState(draft: ImportView, flags: ReviewFlags | null): ReviewState {
  const source = draft.review ?? draft.extraction;
  const rejected = draft.review && flags ? flags.rejected : { targets: [], tasks: [], reporting: [] };
  const suggestionFor = (t: TargetContent, i: number): Suggestion | null => {
    if (!draft.review) return draft.suggestions[i] ?? null;
    // A reviewed list no longer lines up with the suggestions: find the extracted target it came from.
    const j = draft.extraction.targets.findIndex((x) => x.sourceLine === t.sourceLine && x.text === t.text);
    const k =
      j >= 0
        ? j
        : draft.extraction.targets.findIndex(
            (x) => x.sourceLine === t.sourceLine && t.indicatorId && x.indicatorId === t.indicatorId,
          );
    return k >= 0 ? (draft.suggestions[k] ?? null) : null;
  };
  return {
    header: { ...source.header },
    targets: source.targets.map((t, i) => ({
      key: newKey('targets'),
      accepted: !rejected.targets.includes(i),
      item: normaliseTarget(t),
      suggestion: suggestionFor(t, i),
    })),
    tasks: source.tasks.map((t, i) => ({
      key: newKey('tasks'),
      accepted: !rejected.tasks.includes(i),
      item: normaliseTask(t),
      suggestion: null,
    })),
    reporting: source.reporting.map((r, i) => ({
      key: newKey('reporting'),
      accepted: !rejected.reporting.includes(i),
      item: normaliseRule(r),
      suggestion: null,
    })),
  };
}

/** Content for the server: every kept item (autosave) or only the accepted ones (preview, commit). */
export function contentOf(
  s: ReviewState,
  onlyAccepted: boolean,
): { content: PlanContent; keys: Record<ListName, string[]> } {
  const pick = <T>(rows: Row<T>[]) => (onlyAccepted ? rows.filter((r) => r.accepted) : rows);
  const targets = pick(s.targets);
  const tasks = pick(s.tasks);
  const reporting = pick(s.reporting);
  return {
    content: {
      header: s.header,
      targets: targets.map((r) => r.item),
      tasks: tasks.map((r) => r.item),
      reporting: reporting.map((r) => r.item),
    },
    keys: {
      targets: targets.map((r) => r.key),
      tasks: tasks.map((r) => r.key),
      reporting: reporting.map((r) => r.key),
    },
  };
}

export function flagsOf(s: ReviewState): ReviewFlags {
  const idx = (rows: Row<unknown>[]) => rows.flatMap((r, i) => (r.accepted ? [] : [i]));
  return { rejected: { targets: idx(s.targets), tasks: idx(s.tasks), reporting: idx(s.reporting) } };
}

export type ReviewAction =
  | { type: 'header'; header: PlanHeader }
  | { type: 'update'; list: ListName; key: string; item: AnyItem }
  | { type: 'accept'; list: ListName; key: string; accepted: boolean }
  | { type: 'acceptAll'; list: ListName; accepted: boolean }
  | { type: 'remove'; list: ListName; key: string }
  | { type: 'add'; list: ListName; rows: Row<AnyItem>[] };

/** Where a new item goes: before the first item that starts further down the document. */
function insertInOrder<T extends { item: { sourceLine?: number | null } }>(rows: T[], added: T[]): T[] {
  const out = [...rows];
  for (const a of added) {
    const line = a.item.sourceLine ?? null;
    const at = line === null ? -1 : out.findIndex((r) => (r.item.sourceLine ?? 0) > line);
    if (at < 0) out.push(a);
    else out.splice(at, 0, a);
  }
  return out;
}

export function reviewReducer(s: ReviewState, a: ReviewAction): ReviewState {
  switch (a.type) {
    case 'header':
      return { ...s, header: a.header };
    case 'update':
      return {
        ...s,
        [a.list]: (s[a.list] as Row<AnyItem>[]).map((r) => (r.key === a.key ? { ...r, item: a.item } : r)),
      };
    case 'accept':
      return {
        ...s,
        [a.list]: (s[a.list] as Row<AnyItem>[]).map((r) => (r.key === a.key ? { ...r, accepted: a.accepted } : r)),
      };
    case 'acceptAll':
      return { ...s, [a.list]: (s[a.list] as Row<AnyItem>[]).map((r) => ({ ...r, accepted: a.accepted })) };
    case 'remove':
      return { ...s, [a.list]: (s[a.list] as Row<AnyItem>[]).filter((r) => r.key !== a.key) };
    case 'add':
      return {
        ...s,
        [a.list]:
          a.list === 'reporting'
            ? [...s.reporting, ...a.rows]
            : insertInOrder(
                s[a.list] as Row<AnyItem & { sourceLine: number | null }>[],
                a.rows as Row<AnyItem & { sourceLine: number | null }>[],
              ),
      };
  }
}

/** The heading an item at this line belongs under: that of the nearest item above it. */
export function groupAt(
  rows: Row<{ groupName: string | null; sourceLine: number | null }>[],
  line: number,
): string | null {
  let group: string | null = null;
  for (const r of rows) {
    if (r.item.sourceLine !== null && r.item.sourceLine <= line) group = r.item.groupName;
  }
  return group;
}

const FLAGS_KEY = (id: string) => `xaso.review.${id}`;
export function loadFlags(importId: string): ReviewFlags | null {
  try {
    const raw = localStorage.getItem(FLAGS_KEY(importId));
    return raw ? (JSON.parse(raw) as ReviewFlags) : null;
  } catch {
    return null;
  }
}
export function storeFlags(importId: string, flags: ReviewFlags | null) {
  try {
    if (flags) localStorage.setItem(FLAGS_KEY(importId), JSON.stringify(flags));
    else localStorage.removeItem(FLAGS_KEY(importId));
  } catch {
    /* private mode: the ticks last for this visit only */
  }
}

/** Drafts this browser started, so the plans page can offer to continue them (the server lists none). */
const DRAFTS_KEY = 'xaso.planDrafts';
export function rememberedDrafts(): string[] {
  try {
    return JSON.parse(localStorage.getItem(DRAFTS_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}
export function rememberDraft(id: string, keep: boolean) {
  try {
    const ids = rememberedDrafts().filter((x) => x !== id);
    localStorage.setItem(DRAFTS_KEY, JSON.stringify(keep ? [id, ...ids].slice(0, 10) : ids));
  } catch {
    /* ignore */
  }
}
