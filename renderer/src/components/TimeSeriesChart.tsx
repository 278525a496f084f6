/** An ECharts time series of one metric, one line per split value; tooltips, legend toggles, zoom, save as PNG. */
import { LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, ToolboxComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { MetricId } from '../../../shared/metrics';
import type { SeriesPoint } from '../../../shared/results';
import { isStringKey, useStrings } from '../i18n/use-strings';
import type { Theme } from '../store/ui-slice';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, ToolboxComponent, CanvasRenderer]);

export interface TimeSeriesChartProps {
  series: SeriesPoint[];
  metric: MetricId;
  theme: Theme;
  /** Range B's series, overlaid on A's days by day offset. */
  compareSeries?: SeriesPoint[];
}

export function TimeSeriesChart({ series, metric, theme, compareSeries }: TimeSeriesChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const { t, metricLabel, formatMetric, formatDay } = useStrings();

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, theme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [theme]);

  useEffect(() => {
    const dates = [...new Set(series.map((p) => p.date))];
    const splits = [...new Set(series.map((p) => p.split))];
    const byKey = new Map(series.map((p) => [`${p.date}|${p.split ?? ''}`, p]));
    const name = (split: string | null) => (split === null ? metricLabel(metric) : isStringKey(split) ? t(split) : split);
    chart.current?.setOption(
      {
        backgroundColor: 'transparent',
        animation: false,
        grid: { left: 64, right: 24, top: 40, bottom: 64 },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) => formatMetric(metric, typeof v === 'number' ? v : null),
        },
        legend: { top: 4 },
        toolbox: { right: 8, feature: { saveAsImage: { title: t('savePng'), name: `pinsight-${metric}` } } },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 12 }],
        xAxis: { type: 'category', data: dates, axisLabel: { formatter: (d: string) => formatDay(d) } },
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatMetric(metric, v) } },
        series: [
          ...splits.map((split) => ({
            name: name(split),
            type: 'line',
            showSymbol: dates.length < 40,
            connectNulls: false,
            data: dates.map((d) => byKey.get(`${d}|${split ?? ''}`)?.[metric] ?? null),
          })),
          ...bSeries(compareSeries, splits, dates.length, metric).map(({ split, values }) => ({
            name: `${name(split)} (B)`,
            type: 'line',
            showSymbol: false,
            lineStyle: { type: 'dashed' },
            data: values,
          })),
        ],
      },
      { notMerge: true },
    );
  }, [series, compareSeries, metric, t, metricLabel, formatMetric, formatDay, theme]);

  return <div ref={ref} className="chart" data-testid="time-series-chart" role="img" aria-label={metricLabel(metric)} />;
}

/** Range B's values per split, the n-th day of B under the n-th day of A. */
function bSeries(compare: SeriesPoint[] | undefined, splits: (string | null)[], length: number, metric: MetricId) {
  if (!compare?.length) return [];
  return splits.map((split) => {
    const points = compare.filter((p) => p.split === split).sort((a, b) => a.date.localeCompare(b.date));
    return { split, values: Array.from({ length }, (_, i) => points[i]?.[metric] ?? null) };
  });
}
