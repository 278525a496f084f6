/** Columns shared by the top lists: their metric columns, and what they gain in compare mode. */
import type { MetricId } from '../../../shared/metrics';
import type { TopResult, TopRow } from '../../../shared/results';
import type { useStrings } from '../i18n/use-strings';
import type { Column } from './VirtualTable';

/** The rank and a Pin's title (its id on hover), both staying in view while the table scrolls sideways. */
export function rankAndTitleColumns(s: ReturnType<typeof useStrings>, titleWidth = 220): Column<TopRow>[] {
  return [
    { key: 'rank', label: s.t('rank'), numeric: true, width: 56, sticky: true, render: (_r, i) => i + 1 },
    {
      key: 'title',
      label: s.t('title'),
      width: titleWidth,
      sticky: true,
      render: (r) => <span title={r.title ? `${r.title} (${r.pin_id})` : r.pin_id}>{r.title || r.pin_id}</span>,
    },
  ];
}

/** One numeric column per metric; the sort metric stands out; `sortable` ones sort on a header click. */
export function metricColumns(
  ids: readonly MetricId[],
  sort: MetricId,
  s: ReturnType<typeof useStrings>,
  sortable: readonly MetricId[] = [],
): Column<TopRow>[] {
  return ids.map((m) => ({
    key: m,
    label: s.metricLabel(m),
    numeric: true,
    sortable: sortable.includes(m),
    render: (r: TopRow) => <span className={m === sort ? 'sorted' : ''}>{s.formatMetric(m, r[m])}</span>,
  }));
}

/** The columns a top list gains in compare mode: the sort metric in range B, and the rank change. */
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
      width: 96,
      grow: 0,
      render: (r) => {
        const c = byRow.get(r);
        if (!c || c.rank_b === null) return <span className="badge new">{s.t('newEntry')}</span>;
        const change = c.rank_change ?? 0;
        const arrow = change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : '=';
        // New in the list, though ranked further down in B: the move and B's rank, not just "new".
        return (
          <span className={change > 0 ? 'up' : change < 0 ? 'down' : ''} title={`#${c.rank_b} (B)`}>
            {c.status === 'new' ? `${arrow} (#${c.rank_b})` : arrow}
          </span>
        );
      },
    },
  ];
}
