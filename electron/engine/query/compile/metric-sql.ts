/** Metric formulas from the shared catalogue, compiled to SQL aggregates. */
import { audienceEventTypes, METRICS, type MetricFormula, type MetricId } from '../../../../shared/metrics';
import { eventTypeSql } from '../../derive/derive-sql';

/** An aggregate over rollup_daily (counters) or, for audience, over events_clean. */
export function formulaSql(f: MetricFormula): string {
  switch (f.kind) {
    case 'sum':
      return `coalesce(sum(${f.counter}), 0)`;
    case 'sumOf':
      return `(${f.counters.map((c) => `coalesce(sum(${c}), 0)`).join(' + ')})`;
    case 'ratio':
      return `(${formulaSql(f.numerator)}) * ${f.scale} / nullif(${formulaSql(f.denominator)}, 0)`;
    case 'scaled':
      return `(${formulaSql(f.of)}) * ${f.scale}`;
    case 'distinctUsers': {
      const types = audienceEventTypes(f).map(eventTypeSql);
      return `count(DISTINCT user_hash) FILTER (WHERE event_type ${types.length === 1 ? `= ${types[0]}` : `IN (${types.join(', ')})`})`;
    }
  }
}

export function metricSelect(ids: readonly MetricId[]): string {
  return ids.map((id) => `CAST(${formulaSql(METRICS[id].formula)} AS DOUBLE) AS ${id}`).join(',\n  ');
}
