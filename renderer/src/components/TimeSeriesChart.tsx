/** An ECharts time series of one metric, one line per split value; tooltips, legend toggles, zoom, save as PNG. */
import { LineChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  ToolboxComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { METRICS, type MetricId } from '../../../shared/metrics';
import type { Granularity } from '../../../shared/query';
import type { Coverage, SeriesPoint } from '../../../shared/results';
import { bucketSpan, spanDays } from './buckets';
import { alignB } from './range-b';
import { useStrings } from '../i18n/use-strings';
import type { Theme } from '../store/ui-slice';

echarts.use([
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  ToolboxComponent,
  MarkAreaComponent,
  CanvasRenderer,
]);

export interface TimeSeriesChartProps {
  series: SeriesPoint[];
  metric: MetricId;
  theme: Theme;
  /** Range B's series, overlaid on A's days by day offset. */
  compareSeries?: SeriesPoint[];
  /** The days of B that have data: the others are shaded and have no line. */
  compareCoverage?: Coverage;
  /** The range and bucket size, to mark weeks and months the range cuts (label with *, tooltip with their days). */
  granularity: Granularity;
  range: { from: string; to: string };
}

/** One colour per split value; B's line of a split takes the same colour, dashed and lighter. */
const PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc'];

export function TimeSeriesChart({ series, metric, theme, compareSeries, compareCoverage, granularity, range }: TimeSeriesChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const { t, metricLabel, formatMetric, formatDay, word } = useStrings();

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
    const span = (d: string) => bucketSpan(d, granularity, range);
    // One date style for axis and tooltip; a bucket the range cuts says which of its days it holds.
    const label = (d: string) => `${formatDay(d)}${span(d).partial ? '*' : ''}`;
    const head = (d: string) => {
      const s = span(d);
      return s.partial ? `${formatDay(d)}* (${t('partialBucket').replace('{days}', spanDays(s, formatDay))})` : formatDay(d);
    };
    const splits = [...new Set(series.map((p) => p.split))];
    const byKey = new Map(series.map((p) => [`${p.date}|${p.split ?? ''}`, p]));
    const name = (split: string | null) => (split === null ? metricLabel(metric) : word(split));
    const aligned = alignB(compareSeries, compareCoverage, granularity);
    const bDates = aligned?.dates ?? [];
    const uncovered = (i: number) => aligned?.noData(i) ?? false;
    // B's days without data, as shaded bands under A's days (one band per run of such days).
    const bands: [{ xAxis: string; name?: string }, { xAxis: string }][] = [];
    for (let i = 0; i < dates.length; i++) {
      if (!uncovered(i) || (i > 0 && uncovered(i - 1))) continue;
      let j = i;
      while (j + 1 < dates.length && uncovered(j + 1)) j++;
      bands.push([{ xAxis: dates[i] ?? '', name: t('bNoDataBand') }, { xAxis: dates[j] ?? '' }]);
    }
    const color = (i: number) => PALETTE[i % PALETTE.length] ?? PALETTE[0];
    type AxisItem = { dataIndex: number; seriesName: string; value: unknown; marker: string };
    chart.current?.setOption(
      {
        backgroundColor: 'transparent',
        animation: false,
        grid: { left: 64, right: 24, top: 40, bottom: 64 },
        tooltip: {
          trigger: 'axis',
          // A's and B's days side by side: the n-th day of B is drawn under the n-th day of A.
          formatter: (items: AxisItem[]) => {
            const i = items[0]?.dataIndex ?? 0;
            const top = bDates.length ? `A: ${head(dates[i] ?? '')} · B: ${bDates[i] ? formatDay(bDates[i]) : '–'}` : head(dates[i] ?? '');
            const rows = items.map(
              (it) => `${it.marker}${it.seriesName}: <b>${formatMetric(metric, typeof it.value === 'number' ? it.value : null)}</b>`,
            );
            return [top, ...rows].join('<br/>');
          },
        },
        legend: { top: 4 },
        toolbox: { right: 8, feature: { saveAsImage: { title: t('savePng'), name: `pinsight-${metric}` } } },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 12 }],
        // Weeks and months: the first and last labels always (a partial bucket's * is at either end).
        xAxis: {
          type: 'category',
          data: dates,
          axisLabel: { formatter: label, ...(granularity === 'day' ? {} : { showMinLabel: true, showMaxLabel: true }) },
        },
        // Counts step by whole numbers at least (no "0, 1, 1, 2, 2" on a small scale).
        yAxis: {
          type: 'value',
          minInterval: METRICS[metric].unit === 'count' ? 1 : 0,
          axisLabel: { formatter: (v: number) => formatMetric(metric, v) },
        },
        series: [
          ...splits.map((split, i) => ({
            name: name(split),
            type: 'line',
            showSymbol: dates.length < 40,
            connectNulls: false,
            itemStyle: { color: color(i) },
            lineStyle: { color: color(i), width: 2 },
            data: dates.map((d) => byKey.get(`${d}|${split ?? ''}`)?.[metric] ?? null),
          })),
          ...(aligned ? splits : []).map((split, i) => ({
            name: `${name(split)} (B)`,
            type: 'line',
            showSymbol: false,
            connectNulls: false,
            itemStyle: { color: color(i), opacity: 0.7 },
            lineStyle: { color: color(i), type: 'dashed', opacity: 0.75, width: 2 },
            data: dates.map((_, k) => aligned?.point(k, split)?.[metric] ?? null),
            ...(i === 0 && bands.length
              ? {
                  markArea: {
                    silent: true,
                    itemStyle: { color: theme === 'dark' ? 'rgba(255,255,255,0.07)' : 'rgba(0,0,0,0.06)' },
                    label: { color: theme === 'dark' ? '#aaa' : '#666', fontSize: 11 },
                    data: bands,
                  },
                }
              : {}),
          })),
        ],
      },
      { notMerge: true },
    );
  }, [series, compareSeries, compareCoverage, metric, t, metricLabel, formatMetric, formatDay, word, theme, granularity, range]);

  return <div ref={ref} className="chart" data-testid="time-series-chart" role="img" aria-label={metricLabel(metric)} />;
}
