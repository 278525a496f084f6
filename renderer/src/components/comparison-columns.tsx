/** The columns a top list gains in compare mode: the sort metric in range B, and the rank change. */
import type { MetricId } from '../../../shared/metrics';
import type { TopResult, TopRow } from '../../../shared/results';
import type { useStrings } from '../i18n/use-strings';
import type { Column } from './VirtualTable';

export function comparisonColumns(result: TopResult | undefined, sort: MetricId, s: ReturnType<typeof useStrings>): Column<TopRow>[] {
  const comparison = result?.comparison;
  if (!result || !comparison) return [];
  const byRow = new Map(result.rows.map((r, i) => [r, comparison.rows[i]]));
  return [
    { key: 'b', label: `${s.metricLabel(sort)} (B)`, numeric: true, render: (r) => s.formatMetric(sort, byRow.get(r)?.b[sort] ?? null) },
    {
      key: 'rank_change',
      label: s.t('rankChange'),
      numeric: true,
      width: '96px',
      render: (r) => {
        const c = byRow.get(r);
        if (!c || c.status === 'new') return <span className="badge new">{s.t('newEntry')}</span>;
        const change = c.rank_change ?? 0;
        return <span className={change > 0 ? 'up' : change < 0 ? 'down' : ''}>{change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : '='}</span>;
      },
    },
  ];
}
