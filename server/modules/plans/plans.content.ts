/**
 * Pure conversions between the importer's extraction, the plan's content and its views.
 */
import type { PlanExtraction } from './import/plan-import.contract.ts';
import type { PlanContent, ReportingRuleContent, TargetContent, TaskContent } from './plans.rules.ts';
import { formatViNumber } from '../../platform/text.ts';

export function contentFromExtraction(x: PlanExtraction): PlanContent {
  return {
    header: {
      title: x.title || 'Kế hoạch',
      number: x.number ?? null,
      issuedOn: x.issuedOn ?? null,
      periodFrom: x.period?.from ?? null,
      periodTo: x.period?.to ?? null,
      signerName: x.signer?.name ?? null,
      signerTitle: x.signer?.title ?? null,
    },
    targets: x.indicators.map((i): TargetContent => ({
      groupName: i.group ?? null,
      text: i.text,
      kind: i.kind,
      comparator: i.comparator,
      value: i.value,
      valueMax: i.comparator === 'range' ? (i.valueMax ?? i.value) : null,
      unit: i.unit,
      year: i.year,
      sourceLine: i.line,
    })),
    tasks: x.tasks.map((t): TaskContent => ({
      groupName: t.group ?? null,
      title: t.title,
      leadText: t.lead ?? null,
      partners: t.partners ?? [],
      fromYear: t.from ?? null,
      toYear: t.to ?? null,
      expected: t.expected ?? null,
      sourceLine: t.line,
    })),
    reporting: x.reporting.map((r): ReportingRuleContent => ({
      cycle: r.cycle,
      reporter: r.reporter ?? null,
      recipient: r.recipient ?? null,
      deadlineText: r.deadline ?? null,
      day: r.day ?? null,
      month: r.month ?? null,
    })),
  };
}

/** Text of a target for people: "≥ 95 % người dân hài lòng (2027)". */
export function describeTarget(
  t: Pick<TargetContent, 'comparator' | 'value' | 'valueMax' | 'unit' | 'text' | 'year'>,
): string {
  const n = (v: number) => formatViNumber(v); // a kept formatter: a report form describes 300 targets
  const unit = t.unit === 'count' ? '' : ` ${t.unit}`;
  const value =
    t.comparator === 'range'
      ? `${n(t.value)}–${n(t.valueMax ?? t.value)}`
      : `${t.comparator === '=' ? '' : `${t.comparator.replace('>=', '≥').replace('<=', '≤')} `}${n(t.value)}`;
  return `${value}${unit} ${t.text}${t.year ? ` (${t.year})` : ''}`;
}
