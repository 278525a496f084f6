/** Any view as a flat table: the rows a CSV or Parquet export writes, with headers as ids or in a language. */
import { METRIC_IDS, METRICS, isMetricId, type MetricId } from '../../../shared/metrics';
import { RECONCILE_STEPS, type MetricValues, type QueryResult, type TopResult } from '../../../shared/results';
import { bucketSpan } from '../../../shared/bucket-span';

export type HeaderStyle = 'ids' | 'en' | 'sv';

export interface ViewTable {
  /** Stable column ids. */
  columns: string[];
  rows: unknown[][];
}

const LABELS: Record<string, { en: string; sv: string }> = {
  date: { en: 'Date', sv: 'Datum' },
  first_day: { en: 'First day in range', sv: 'Första dagen i intervallet' },
  last_day: { en: 'Last day in range', sv: 'Sista dagen i intervallet' },
  split: { en: 'Split', sv: 'Uppdelning' },
  rank: { en: 'Rank', sv: 'Plats' },
  pin_id: { en: 'Pin ID', sv: 'Pin-ID' },
  title: { en: 'Pin title', sv: 'Pin-titel' },
  board_id: { en: 'Board ID', sv: 'Anslagstavle-ID' },
  name: { en: 'Board', sv: 'Anslagstavla' },
  board_name: { en: 'Board', sv: 'Anslagstavla' },
  format: { en: 'Format', sv: 'Format' },
  source: { en: 'Source', sv: 'Källa' },
  metric: { en: 'Metric', sv: 'Mått' },
  a: { en: 'Range A', sv: 'Intervall A' },
  b: { en: 'Range B', sv: 'Intervall B' },
  change: { en: 'Change', sv: 'Förändring' },
  change_pct: { en: 'Change %', sv: 'Förändring %' },
  change_pp: { en: 'Change (pp)', sv: 'Förändring (procentenheter)' },
  a_days_with_data: { en: 'Days with data in A', sv: 'Dagar med data i A' },
  b_days_with_data: { en: 'Days with data in B', sv: 'Dagar med data i B' },
  rank_b: { en: 'Rank in B', sv: 'Plats i B' },
  rank_change: { en: 'Rank change', sv: 'Platsförändring' },
  status: { en: 'Status', sv: 'Status' },
  block: { en: 'Block', sv: 'Block' },
  phase: { en: 'Phase', sv: 'Fas' },
  as_of: { en: 'As of', sv: 'Per' },
  daily_viewers: { en: 'Daily viewers', sv: 'Dagliga tittare' },
  monthly_viewers: { en: 'Monthly viewers', sv: 'Månatliga tittare' },
};

export function headerLabel(column: string, style: HeaderStyle): string {
  if (style === 'ids') return column;
  const [base, suffix] = column.startsWith('b_') ? [column.slice(2), ' (B)'] : [column, ''];
  if (isMetricId(base)) return METRICS[base].label[style] + suffix;
  return (LABELS[base]?.[style] ?? base) + suffix;
}

function topTable(result: TopResult): ViewTable {
  const labels = result.view === 'top-boards' ? ['board_id', 'name'] : ['pin_id', 'title', 'board_name', 'format', 'source'];
  const c = result.comparison;
  const columns = [
    'rank',
    ...labels,
    ...METRIC_IDS,
    ...(c ? ['rank_b', 'rank_change', 'status', ...METRIC_IDS.map((m) => `b_${m}`), 'a_days_with_data', 'b_days_with_data'] : []),
  ];
  const rows = result.rows.map((r, i) => {
    const row = r as Record<string, unknown>;
    const cmp = c?.rows[i];
    return columns.map((col) => {
      if (col === 'rank') return i + 1;
      if (col === 'rank_b') return cmp?.rank_b ?? null;
      if (col === 'rank_change') return cmp?.rank_change ?? null;
      if (col === 'status') return cmp?.status ?? null;
      if (col === 'a_days_with_data') return c?.coverage.a.covered ?? null;
      if (col === 'b_days_with_data') return c?.coverage.b.covered ?? null;
      if (col.startsWith('b_')) return cmp?.b[col.slice(2) as MetricId] ?? null;
      return row[col] ?? null;
    });
  });
  // Entries of range B that are gone from range A close the table.
  for (const g of c?.gone ?? []) {
    const row = g as unknown as Record<string, unknown>;
    rows.push(
      columns.map((col) =>
        col === 'rank'
          ? null
          : col === 'rank_b'
            ? g.rank_b
            : col === 'status'
              ? 'gone'
              : col === 'a_days_with_data'
                ? (c?.coverage.a.covered ?? null)
                : col === 'b_days_with_data'
                  ? (c?.coverage.b.covered ?? null)
                  : col.startsWith('b_')
                    ? (row[col.slice(2)] ?? null)
                    : METRIC_IDS.includes(col as MetricId)
                      ? null
                      : (row[col] ?? null),
      ),
    );
  }
  return { columns, rows };
}

export function viewTable(result: QueryResult): ViewTable {
  switch (result.view) {
    case 'overview': {
      // Weeks and months say which of their days the range holds, as the chart's * does: a cut one holds fewer.
      const spans = result.granularity !== 'day';
      const columns = ['date', ...(spans ? ['first_day', 'last_day'] : []), 'split', ...METRIC_IDS];
      const rows = result.series.map((p) => {
        const span = bucketSpan(p.date, result.granularity, result.range);
        const values: Record<string, unknown> = { ...p, first_day: span.from, last_day: span.to };
        return columns.map((h) => values[h] ?? null);
      });
      return { columns, rows };
    }
    case 'compare':
      return {
        columns: ['metric', 'a', 'b', 'change', 'change_pct', 'change_pp', 'a_days_with_data', 'b_days_with_data'],
        rows: METRIC_IDS.map((id) => [
          id,
          result.a.totals[id],
          result.b.totals[id],
          result.delta[id].abs,
          METRICS[id].unit === 'ratio' ? null : result.delta[id].pct,
          result.delta[id].pp ?? null,
          result.coverage.a.covered,
          result.coverage.b.covered,
        ]),
      };
    case 'legacy': {
      const columns = ['date', ...result.metrics];
      return { columns, rows: result.series.map((p) => columns.map((h) => p[h] ?? null)) };
    }
    case 'pin': {
      const blocks: Record<string, MetricValues> =
        result.phase === 'real-time' ? { real_time: result.real_time } : { last_24h: result.last_24h, final: result.final };
      return {
        columns: ['pin_id', 'phase', 'as_of', 'block', ...METRIC_IDS],
        rows: Object.entries(blocks).map(([name, b]) => [
          result.pin_id,
          result.phase,
          result.as_of,
          name,
          ...METRIC_IDS.map((id) => b[id]),
        ]),
      };
    }
    case 'reconcile': {
      const steps = ['raw', ...RECONCILE_STEPS, 'final'] as const;
      const metricRows = Object.entries(result.metrics).map(([id, counts]) => [id, ...steps.map((s) => counts[s])]);
      return { columns: ['metric', ...steps], rows: [['events', ...steps.map((s) => result[s])], ...metricRows] };
    }
    default:
      return topTable(result);
  }
}
