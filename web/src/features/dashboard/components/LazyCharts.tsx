import { lazy, Suspense, type ComponentProps } from 'react';
import { Skeleton } from 'antd';

/** ECharts is loaded only when a chart is first shown, not with the rest of the app. */
const Trend = lazy(() => import('./charts.tsx').then((m) => ({ default: m.TrendChart })));
const Bars = lazy(() => import('./charts.tsx').then((m) => ({ default: m.RankBarChart })));

export function LazyTrendChart(props: ComponentProps<typeof Trend>) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 240 }} />}>
      <Trend {...props} />
    </Suspense>
  );
}

export function LazyBarChart(props: ComponentProps<typeof Bars>) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 160 }} />}>
      <Bars {...props} />
    </Suspense>
  );
}
