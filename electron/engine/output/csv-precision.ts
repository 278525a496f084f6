/**
 * How numbers are written to CSV: counts as integers, rates (ratios) with 6 decimals, durations (seconds and
 * minutes) with 3, percentage points with 4. Parquet keeps full precision. The README's "Compare and export"
 * states the same.
 */
import { isMetricId, METRICS, type MetricUnit } from '../../../shared/metrics';

const DECIMALS: Record<MetricUnit, number> = { count: 0, ratio: 6, seconds: 3, minutes: 3 };

export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** The unit of a view-table column: a metric id (or B's `b_<metric>`); null for labels. */
function unitOf(column: string): MetricUnit | null {
  const base = column.startsWith('b_') ? column.slice(2) : column;
  return isMetricId(base) ? METRICS[base].unit : null;
}

/** Rounds the numbers of a view table's rows for CSV (the compare table rounds by each row's metric). */
export function roundRows(columns: string[], rows: unknown[][]): unknown[][] {
  const metricCol = columns.indexOf('metric');
  return rows.map((row) =>
    row.map((v, i) => {
      if (typeof v !== 'number') return v;
      const col = columns[i] ?? '';
      if (col === 'change_pct') return roundTo(v, 6);
      if (col === 'change_pp') return roundTo(v, 4);
      const rowMetric =
        metricCol >= 0 && typeof row[metricCol] === 'string' && isMetricId(row[metricCol]) ? METRICS[row[metricCol]].unit : null;
      const unit = rowMetric ?? unitOf(col);
      return unit ? roundTo(v, DECIMALS[unit]) : v;
    }),
  );
}
