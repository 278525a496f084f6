/** The overview over event data, compiled: spec and range to SQL statements with bound parameters. */
import { AUDIENCE_METRICS, COUNTER_METRICS, type MetricId } from '../../../../shared/metrics';
import type { QuerySpec } from '../../../../shared/query';
import type { ResolvedRange } from '../../../../shared/results';
import { splitColumn, splitExpression } from '../../db/dimension-columns';
import { bucketDateSql, bucketSql } from './buckets';
import { metricSelect } from './metric-sql';
import { compileFilters, type Statement } from './filters-sql';

export interface OverviewStatements {
  /**
   * Counters from the rollup per bucket and split value, and the totals as the row without a date (null when
   * only the audiences are asked for).
   */
  figures: Statement | null;
  /** Distinct audiences from the cleaned events: totals only, or (`withSeries`) per bucket too, the total as the row without a date. */
  audience: (Statement & { withSeries: boolean }) | null;
}

/** `comboRollup`: the workspace has the rollup summed over Pins (workspaces derived before 2026-12 may not). */
export function compileOverview(spec: QuerySpec, range: Pick<ResolvedRange, 'from' | 'to'>, comboRollup = true): OverviewStatements {
  const where = compileFilters(spec.filters, range);
  const eventsWhere = compileFilters(spec.filters, range, '', 'events');
  const split = splitExpression(spec.splitBy);
  const splitCol = splitColumn(spec.splitBy);
  const counters = !spec.audienceOnly;
  const keys = ['bucket_day', ...(splitCol ? [splitCol] : [])].join(', ');
  /**
   * Metrics per bucket and split value, and their totals as the row without a date (grouped by the stored date
   * and ENUM, labelled as text afterwards, not once per row).
   */
  const bucketed = (metrics: readonly MetricId[], from: string, whereSql: string) => {
    const perBucket = `SELECT ${bucketDateSql(spec.granularity)} AS bucket_day${splitCol ? `, ${splitCol}` : ''}, ${metricSelect(metrics)}
      FROM ${from} WHERE ${whereSql}`;
    const labelled = (grouped: string) =>
      `SELECT ${bucketSql(spec.granularity, 'bucket_day')} AS date, ${split ?? 'NULL'} AS split, ${metrics.join(', ')}
FROM (${grouped})`;
    // Large tables are read once, the total being the grouping set without a date. The summed rollup's few
    // thousand rows are cheaper to read twice: DuckDB's grouping sets cost a fixed ~5 ms (3-4 times that on a
    // busy machine), a second plain aggregate ~1 ms. The same aggregates either way, so the same numbers.
    if (from !== 'rollup_combo') return labelled(`${perBucket} GROUP BY GROUPING SETS ((${keys}), ())`);
    return `${labelled(`${perBucket} GROUP BY ${keys}`)}
UNION ALL SELECT NULL, NULL, ${metricSelect(metrics)} FROM ${from} WHERE ${whereSql}`;
  };
  const audience = spec.skipAudience ? [] : AUDIENCE_METRICS;
  let audienceStatement: OverviewStatements['audience'] = null;
  if (audience.length && spec.audienceSeries) {
    // The series and the total in one scan of the events: the total is the grouping set without a date.
    audienceStatement = {
      sql: bucketed(audience, 'events_clean', eventsWhere.sql),
      params: eventsWhere.params,
      withSeries: true,
    };
  } else if (audience.length) {
    audienceStatement = {
      sql: `SELECT ${metricSelect(audience)} FROM events_clean WHERE ${eventsWhere.sql}`,
      params: eventsWhere.params,
      withSeries: false,
    };
  }
  // The same shape for the counters from the rollup. Without a claimed-account filter (which picks Pin groups)
  // the rollup summed over Pins holds every count the overview needs.
  const table = comboRollup && !spec.filters.accounts.length ? 'rollup_combo' : 'rollup_daily';
  const figures = counters ? { sql: bucketed(COUNTER_METRICS, table, where.sql), params: where.params } : null;
  return { figures, audience: audienceStatement };
}
