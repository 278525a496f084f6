/** A waterfall of the reconcile steps: the records imported, each removal as a falling bar, the figure shown. */
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Theme } from '../store/ui-slice';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface WaterfallStep {
  label: string;
  value: number;
  /** 'total' bars stand on the axis; 'removed' bars hang from the running total. */
  kind: 'total' | 'removed';
}

export function WaterfallChart({
  steps,
  theme,
  label,
  format,
}: {
  steps: WaterfallStep[];
  theme: Theme;
  label: string;
  format: (v: number) => string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!host.current) return;
    chart.current = echarts.init(host.current, theme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, [theme]);

  useEffect(() => {
    let running = 0;
    const bases: number[] = [];
    const bars: number[] = [];
    for (const s of steps) {
      if (s.kind === 'total') {
        running = s.value;
        bases.push(0);
        bars.push(s.value);
      } else {
        running -= s.value;
        bases.push(running);
        bars.push(s.value);
      }
    }
    chart.current?.setOption(
      {
        backgroundColor: 'transparent',
        // Drawn at once: the numbers are what matters, and a growing bar reads as a changing one.
        animation: false,
        grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          valueFormatter: (v: unknown) => (typeof v === 'number' ? format(v) : ''),
        },
        // A narrow panel: fewer ticks, and a label that would run into the next one is left out.
        xAxis: { type: 'value', splitNumber: 3, axisLabel: { formatter: (v: number) => format(v), hideOverlap: true } },
        yAxis: { type: 'category', inverse: true, data: steps.map((s) => s.label) },
        series: [
          { type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, tooltip: { show: false }, data: bases },
          {
            type: 'bar',
            stack: 'w',
            name: label,
            data: bars.map((v, i) => ({ value: v, itemStyle: { color: steps[i]?.kind === 'total' ? '#5470c6' : '#ee6666' } })),
            label: { show: true, position: 'right', formatter: (p: { value: number }) => format(p.value) },
          },
        ],
      },
      { notMerge: true },
    );
  }, [steps, label, format, theme]);

  return <div ref={host} className="waterfall-chart" role="img" aria-label={label} data-testid="reconcile-chart" />;
}
