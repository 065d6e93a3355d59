/**
 * Reporting periods (kỳ báo cáo) and their deadlines — pure rules, no I/O.
 *
 * A period is a window object, not a calendar month (RULES.md §1): its calendar bounds
 * `start`–`end` and its data-closing window (thời gian chốt số liệu) under Nghị định
 * 09/2019/NĐ-CP, Điều 12: from the 15th of the month before the period's first month to the 14th
 * of its last month — month M 15/(M−1)→14/M, Q1 15/12(Y−1)→14/3, H1 15/12(Y−1)→14/6,
 * 9 months 15/12(Y−1)→14/9 (provincial practice), year 15/12(Y−1)→14/12.
 * Codes follow the CLI contract (docs/CLI.md): 2026-Q1…Q4, 2026-H1/H2, 2026-9M, 2026, 2026-M01…M12.
 */
import { AppError } from '../../platform/errors.ts';
import { addDays, daysInMonth, formatViDate, isoDate, parseIsoDate, type IsoDate } from '../calendar/index.ts';

export const CLOSING_LEGAL_BASIS = 'Nghị định 09/2019/NĐ-CP, Điều 12';
/** NĐ 09/2019 took effect 12/3/2019; earlier periods were not under these closing windows. */
export const FIRST_PERIOD_YEAR = 2019;
export const LAST_PERIOD_YEAR = 2100;

export type PeriodKind = 'month' | 'quarter' | 'half-year' | 'nine-month' | 'annual';

export interface ReportingPeriod {
  code: string;
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2; 1 for nine-month and annual. */
  index: number;
  label: string;
  start: IsoDate;
  end: IsoDate;
  closingStart: IsoDate;
  closingEnd: IsoDate;
  legalBasis: string;
}

/** The reporting rule as the plan-import extraction gives it (contracts/plan-import.schema.json). */
export interface ReportingRule {
  cycle: 'quarterly' | 'half-year' | 'nine-month' | 'annual' | 'ad-hoc';
  day?: number | null;
  month?: number | null;
  deadline?: string | null;
}

export interface ReportDeadline {
  period: string;
  /** The last day on which the report is on time. */
  dueDate: IsoDate;
  /** The date the rule names ("ngày 18"). */
  namedDate: IsoDate;
  /** "trước ngày 18" excludes the 18th, so dueDate is the 17th; "chậm nhất ngày 18" includes it. */
  exclusive: boolean;
  /** The resolved wording, e.g. 'trước ngày 18/3/2026'. */
  deadlineText: string;
  /** The rule's wording as written in the plan, e.g. 'trước ngày 18 tháng cuối quý'. */
  ruleText: string | null;
}

export const PERIOD_FORMS =
  '2026-Q1…2026-Q4 (quý), 2026-H1, 2026-H2 (6 tháng), 2026-9M (9 tháng), 2026 (năm), 2026-M01…2026-M12 (tháng)';

export const periodInvalid = (code: unknown, why = '') =>
  new AppError(
    'PERIOD_INVALID',
    'invalid',
    `Kỳ báo cáo "${String(code)}" không hợp lệ${why ? ` (${why})` : ''}. Dùng một trong các dạng: ${PERIOD_FORMS}.`,
    { details: { code } },
  );

const ruleInvalid = (rule: ReportingRule, why: string) =>
  new AppError('REPORTING_RULE_INVALID', 'invalid', `Quy định thời hạn báo cáo không hợp lệ: ${why}.`, {
    details: { rule },
  });

const ROMAN = ['I', 'II', 'III', 'IV'];
const INDEX_COUNT: Record<PeriodKind, number> = { month: 12, quarter: 4, 'half-year': 2, 'nine-month': 1, annual: 1 };

/** First and last month of a period. */
function monthSpan(kind: PeriodKind, index: number): [number, number] {
  switch (kind) {
    case 'month':
      return [index, index];
    case 'quarter':
      return [3 * index - 2, 3 * index];
    case 'half-year':
      return index === 1 ? [1, 6] : [7, 12];
    case 'nine-month':
      return [1, 9];
    case 'annual':
      return [1, 12];
  }
}

function codeOf(kind: PeriodKind, year: number, index: number): string {
  switch (kind) {
    case 'month':
      return `${year}-M${String(index).padStart(2, '0')}`;
    case 'quarter':
      return `${year}-Q${index}`;
    case 'half-year':
      return `${year}-H${index}`;
    case 'nine-month':
      return `${year}-9M`;
    case 'annual':
      return `${year}`;
  }
}

function labelOf(kind: PeriodKind, year: number, index: number): string {
  switch (kind) {
    case 'month':
      return `Tháng ${index} năm ${year}`;
    case 'quarter':
      return `Quý ${ROMAN[index - 1]} năm ${year}`;
    case 'half-year':
      return `6 tháng ${index === 1 ? 'đầu' : 'cuối'} năm ${year}`;
    case 'nine-month':
      return `9 tháng năm ${year}`;
    case 'annual':
      return `Năm ${year}`;
  }
}

/** Builds the period of `kind` number `index` (1-based) in `year`. */
export function periodOf(kind: PeriodKind, year: number, index = 1): ReportingPeriod {
  const count = INDEX_COUNT[kind];
  if (!count || !Number.isInteger(index) || index < 1 || index > count)
    throw periodInvalid(`${kind} ${index}`, 'không có kỳ này');
  if (!Number.isInteger(year) || year < FIRST_PERIOD_YEAR || year > LAST_PERIOD_YEAR) {
    throw periodInvalid(codeOf(kind, year, index), `năm phải trong khoảng ${FIRST_PERIOD_YEAR}–${LAST_PERIOD_YEAR}`);
  }
  const [first, last] = monthSpan(kind, index);
  // Điều 12: the window opens on the 15th of the month before the first month (December of
  // the previous year for a period starting in January) and closes on the 14th of the last month.
  const closingStart = first === 1 ? isoDate(year - 1, 12, 15) : isoDate(year, first - 1, 15);
  return {
    code: codeOf(kind, year, index),
    kind,
    year,
    index,
    label: labelOf(kind, year, index),
    start: isoDate(year, first, 1),
    end: isoDate(year, last, daysInMonth(year, last)),
    closingStart,
    closingEnd: isoDate(year, last, 14),
    legalBasis: CLOSING_LEGAL_BASIS,
  };
}

const RANGE_HINT: Partial<Record<PeriodKind, string>> = {
  month: 'tháng phải từ M01 đến M12',
  quarter: 'quý phải từ Q1 đến Q4',
  'half-year': '6 tháng là H1 hoặc H2',
};

const CODE = /^(\d{4})(?:-(?:Q(\d)|H(\d)|(9M)|M(\d{2})))?$/;

/** Parses a period code of the CLI contract; anything else throws PERIOD_INVALID. */
export function parsePeriod(code: string): ReportingPeriod {
  const m = typeof code === 'string' ? CODE.exec(code) : null;
  if (!m) throw periodInvalid(code);
  const year = Number(m[1]);
  const [kind, index]: [PeriodKind, number] =
    m[2] !== undefined
      ? ['quarter', Number(m[2])]
      : m[3] !== undefined
        ? ['half-year', Number(m[3])]
        : m[4] !== undefined
          ? ['nine-month', 1]
          : m[5] !== undefined
            ? ['month', Number(m[5])]
            : ['annual', 1];
  if (index < 1 || index > INDEX_COUNT[kind]) throw periodInvalid(code, RANGE_HINT[kind]);
  const period = periodOf(kind, year, index);
  if (period.code !== code) throw periodInvalid(code);
  return period;
}

export const formatPeriod = (period: Pick<ReportingPeriod, 'kind' | 'year' | 'index'>): string =>
  codeOf(period.kind, period.year, period.index);

const KIND_ORDER: PeriodKind[] = ['month', 'quarter', 'half-year', 'nine-month', 'annual'];

/** Every period of `year` (or of the given kinds), ordered by end date, shorter first. */
export function periodsOfYear(year: number, kinds: PeriodKind[] = KIND_ORDER): ReportingPeriod[] {
  const out = kinds.flatMap((kind) => Array.from({ length: INDEX_COUNT[kind] }, (_, i) => periodOf(kind, year, i + 1)));
  return out.sort((a, b) => a.end.localeCompare(b.end) || b.start.localeCompare(a.start));
}

/** The period of `kind` whose calendar bounds contain `date` (not its closing window). */
export function currentPeriod(kind: PeriodKind, date: IsoDate): ReportingPeriod {
  const { year, month } = parseIsoDate(date);
  const index =
    kind === 'month'
      ? month
      : kind === 'quarter'
        ? Math.ceil(month / 3)
        : kind === 'half-year'
          ? month <= 6
            ? 1
            : 2
          : 1;
  if (kind === 'nine-month' && month > 9) {
    throw periodInvalid(`${year}-9M`, `ngày ${formatViDate(date)} nằm ngoài kỳ 9 tháng`);
  }
  return periodOf(kind, year, index);
}

/** The period of the same kind just before: Q1 → Q4 of the previous year, 2026-9M → 2025-9M. */
export function previousPeriod(period: Pick<ReportingPeriod, 'kind' | 'year' | 'index'>): ReportingPeriod {
  return period.index > 1
    ? periodOf(period.kind, period.year, period.index - 1)
    : periodOf(period.kind, period.year - 1, INDEX_COUNT[period.kind]);
}

const KIND_OF_CYCLE: Record<Exclude<ReportingRule['cycle'], 'ad-hoc'>, PeriodKind> = {
  quarterly: 'quarter',
  'half-year': 'half-year',
  'nine-month': 'nine-month',
  annual: 'annual',
};

/**
 * The periods a plan's reporting rule asks for in `year`. A "6 tháng" report is the mid-year
 * report, so a half-year rule gives H1 only — unless its deadline month is October–December,
 * which can only be a report on the second half. Ad-hoc reports have no periods.
 */
export function periodsForRule(rule: ReportingRule, year: number): ReportingPeriod[] {
  switch (rule.cycle) {
    case 'ad-hoc':
      return [];
    case 'quarterly':
      return [1, 2, 3, 4].map((q) => periodOf('quarter', year, q));
    case 'half-year':
      return [periodOf('half-year', year, rule.month != null && rule.month >= 10 ? 2 : 1)];
    case 'nine-month':
      return [periodOf('nine-month', year)];
    case 'annual':
      return [periodOf('annual', year)];
    default:
      throw ruleInvalid(rule, `chu kỳ "${String((rule as ReportingRule).cycle)}" không được hỗ trợ`);
  }
}

const NEXT_YEAR = /năm sau|năm tiếp theo|năm kế tiếp/u;

/**
 * The deadline of `period`'s report under `rule`, or null when the rule sets no fixed day
 * (ad-hoc reports, or no "ngày …" in the text).
 * - month null: the day counts in the period's last month ("trước ngày 18 tháng cuối quý").
 * - month set: that month of the period's year; of the next year when the text says "năm sau"
 *   or the date would fall before the period starts (an H2 rule naming May).
 * - "trước ngày 18" means the report must arrive before the 18th, i.e. by the end of the 17th:
 *   dueDate is the 17th. Only a text without "trước" ("chậm nhất ngày 18", "vào ngày 18")
 *   makes the 18th itself allowed; a rule without text is read as "trước" (the earlier, safe date).
 * - a day past the month's end ("ngày 31" in a 30-day month) makes the month's last day the due date.
 * dueDate is not moved off weekends or holidays: a dated deadline is a date; use
 * calendar/working-days.rules.ts when a regime counts otherwise.
 */
export function deadlineFor(rule: ReportingRule, period: ReportingPeriod): ReportDeadline | null {
  if (rule.cycle === 'ad-hoc' || rule.day == null) return null;
  const kind = KIND_OF_CYCLE[rule.cycle];
  if (kind !== period.kind) {
    throw new AppError(
      'REPORTING_RULE_MISMATCH',
      'invalid',
      `Quy định báo cáo theo chu kỳ "${rule.cycle}" không áp dụng cho kỳ ${period.label}.`,
      { details: { cycle: rule.cycle, period: period.code } },
    );
  }
  const { day, month } = rule;
  if (!Number.isInteger(day) || day < 1 || day > 31) throw ruleInvalid(rule, `ngày ${day} không hợp lệ`);
  if (month != null && (!Number.isInteger(month) || month < 1 || month > 12))
    throw ruleInvalid(rule, `tháng ${month} không hợp lệ`);
  if (month != null && kind === 'quarter')
    throw ruleInvalid(rule, 'báo cáo quý không thể có một tháng cố định cho cả bốn quý');
  const text = rule.deadline?.normalize('NFC').toLowerCase() ?? null;
  let year = period.year;
  const m = month ?? parseIsoDate(period.end).month;
  if (month != null && (NEXT_YEAR.test(text ?? '') || isoDate(year, m, 1) < period.start)) year += 1;
  const lastDay = daysInMonth(year, m);
  // "trước ngày 31" in a 30-day month: the whole month is allowed, so its last day is the deadline.
  const namedDate = isoDate(year, m, Math.min(day, lastDay));
  const exclusive = (text === null || text.includes('trước')) && day <= lastDay;
  return {
    period: period.code,
    dueDate: exclusive ? addDays(namedDate, -1) : namedDate,
    namedDate,
    exclusive,
    deadlineText: `${exclusive ? 'trước' : 'chậm nhất'} ngày ${formatViDate(namedDate)}`,
    ruleText: rule.deadline ?? null,
  };
}
