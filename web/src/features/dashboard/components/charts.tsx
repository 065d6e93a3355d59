/**
 * The dashboard's charts on Apache ECharts, importing only the parts used (line, bar, grid,
 * tooltip, mark line; canvas) so the chunk stays small. Loaded on demand (see LazyCharts.tsx).
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import dayjs from 'dayjs';
import { useI18n } from '../../../lib/i18n.tsx';
import type { TrendPoint } from '../api/dashboards.ts';
import { periodText, valueText } from './labels.ts';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

type Option = echarts.EChartsCoreOption;

function EChart({ option, height, testId, label }: { option: Option; height: number; testId: string; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, null, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={el} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}

const RED = '#b71c1c';

export interface TrendChartProps {
  trend: TrendPoint[];
  unit: string;
  target: number | null;
  targetText: string;
  forecast: { value: number; atDate: string } | null;
}

/** Values over periods, the target as a dashed line, the forecast to the deadline dashed. */
export function TrendChart({ trend, unit, target, targetText, forecast }: TrendChartProps) {
  const { t, locale } = useI18n();
  const last = trend[trend.length - 1];
  const fmt = (v: number) => valueText(v, unit, locale);
  const byDate = new Map(trend.map((p) => [p.date, p.periodCode]));
  const option: Option = {
    animation: false,
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0, itemWidth: 18, textStyle: { fontSize: 11 } },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; value: [string, number] }) => {
        const code = byDate.get(p.value[0]);
        return `${code ? periodText(code, t) : dayjs(p.value[0]).format('DD/MM/YYYY')}<br/>${p.seriesName}: <b>${fmt(p.value[1])}</b>`;
      },
    },
    xAxis: {
      type: 'time',
      axisLabel: { formatter: (v: number) => dayjs(v).format('MM/YYYY'), hideOverlap: true, fontSize: 11 },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: unit === '%' ? 100 : undefined,
      axisLabel: { formatter: (v: number) => fmt(v), fontSize: 11 },
    },
    series: [
      {
        name: t('dashboard.chart.values'),
        type: 'line',
        data: trend.map((p) => [p.date, p.value]),
        symbolSize: 7,
        lineStyle: { color: RED, width: 2 },
        itemStyle: { color: RED },
        markLine:
          target === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#389e0d' },
                label: {
                  formatter: `${t('dashboard.chart.target')} ${targetText}`,
                  position: 'insideEndTop',
                  fontSize: 11,
                },
                data: [{ yAxis: target }],
              },
      },
      ...(forecast && last
        ? [
            {
              name: t('dashboard.chart.forecast'),
              type: 'line',
              data: [
                [last.date, last.value],
                [forecast.atDate, forecast.value],
              ],
              symbol: 'emptyCircle',
              symbolSize: 8,
              lineStyle: { type: 'dashed', color: '#8c8c8c', width: 2 },
              itemStyle: { color: '#8c8c8c' },
            },
          ]
        : []),
    ],
  };
  return <EChart option={option} height={240} testId="trend-chart" label={t('dashboard.chart.trendLabel')} />;
}

export interface BarItem {
  label: string;
  value: number;
  color: string;
}

/** Horizontal bars, the first item on top. */
export function RankBarChart({ items, unit, label }: { items: BarItem[]; unit: string; label: string }) {
  const { locale } = useI18n();
  const rows = [...items].reverse();
  const fmt = (v: number) => valueText(v, unit, locale);
  const option: Option = {
    animation: false,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number }) => `${p.name}: <b>${fmt(p.value)}</b>`,
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: unit === '%' ? 100 : undefined,
      axisLabel: { formatter: (v: number) => fmt(v), fontSize: 11, hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: { width: 120, overflow: 'truncate', fontSize: 12 },
    },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => ({ value: r.value, itemStyle: { color: r.color } })),
        barMaxWidth: 22,
        label: { show: true, position: 'right', formatter: (p: { value: number }) => fmt(p.value), fontSize: 11 },
      },
    ],
  };
  return <EChart option={option} height={Math.max(140, rows.length * 34 + 40)} testId="bar-chart" label={label} />;
}
