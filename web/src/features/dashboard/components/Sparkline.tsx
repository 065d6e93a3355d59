import type { TrendPoint } from '../api/dashboards.ts';

/**
 * The polyline of a target's last periods in a width × height box (y grows downwards):
 * x by position (periods are evenly spaced in a plan's cycle), y from 0 — or the lowest value
 * if it is negative — to the highest value, or 100 for a rate. Fewer than two points: no line.
 */
export function sparklinePoints(
  points: { value: number }[],
  width: number,
  height: number,
  unit: string,
): string | null {
  if (points.length < 2) return null;
  const values = points.map((p) => p.value);
  const lo = Math.min(0, ...values);
  // All zeros: a flat line at the bottom, not the top.
  const hi = Math.max(unit === '%' ? 100 : 0, ...values, lo + 1);
  const span = hi - lo;
  const pad = 2;
  return points
    .map((p, i) => {
      const x = pad + (i * (width - 2 * pad)) / (points.length - 1);
      const y = pad + ((hi - p.value) * (height - 2 * pad)) / span;
      return `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`;
    })
    .join(' ');
}

/** A small line of the last periods beside a target's latest value; the full chart opens with the target. */
export function Sparkline({
  points,
  unit,
  color,
  label,
}: {
  points: TrendPoint[];
  unit: string;
  color: string;
  label: string;
}) {
  const line = sparklinePoints(points, 96, 24, unit);
  if (!line) return null;
  return (
    <svg
      className="xs-dash-spark"
      width={96}
      height={24}
      viewBox="0 0 96 24"
      role="img"
      aria-label={label}
      data-testid="sparkline"
    >
      <polyline
        points={line}
        fill="none"
        stroke={color}
        strokeWidth={1.5}
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}
