/**
 * Pure rules of the catalogue's criteria sets: how a criterion turns a measured value into
 * points. Two rules cover the provincial assessment sets (DTI-style) and QĐ 766:
 * - ratio: below the threshold, points = value × max / threshold; at or above it, full marks
 *   (QĐ 766/QĐ-TTg scoring, RULES.md §3); rounded to 2 decimals;
 * - steps: the points of the highest step whose minimum the value reaches.
 * A missing denominator gives no score ("N/A"), not zero.
 */
export type ScoringRule =
  { kind: 'ratio'; threshold: number } | { kind: 'steps'; steps: { min: number; points: number }[] };

export function scoreCriterion(rule: ScoringRule, maxPoints: number, value: number | null): number | null {
  if (value === null || Number.isNaN(value)) return null;
  if (rule.kind === 'ratio') {
    const points = value >= rule.threshold ? maxPoints : (value * maxPoints) / rule.threshold;
    return Math.round(Math.max(0, points) * 100) / 100;
  }
  const reached = [...rule.steps].sort((a, b) => a.min - b.min).filter((s) => value >= s.min);
  return reached.length ? Math.min(maxPoints, reached[reached.length - 1].points) : 0;
}

/** A value as a percentage from its numerator and denominator; null when the denominator is 0. */
export const ratioPercent = (numerator: number, denominator: number) =>
  denominator > 0 ? (100 * numerator) / denominator : null;
