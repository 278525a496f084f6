/**
 * Filters to a WHERE clause with bound parameters. Column names are fixed here; every value is a parameter.
 * Works on rollup_daily and events_clean alike (they share the filter columns; the events also get a time range).
 */
import type { Filters, SplitBy } from '../../../shared/filters';
import type { ResolvedRange } from '../../../shared/results';

export interface CompiledWhere {
  sql: string;
  params: Record<string, string | number>;
}

/** Filters on the daily rollup (`on` 'rollup') or on the cleaned events (`on` 'events'). */
export function compileFilters(filters: Filters, range: Pick<ResolvedRange, 'from' | 'to'>, alias = '', on: 'rollup' | 'events' = 'rollup'): CompiledWhere {
  const c = (col: string) => (alias ? `${alias}.${col}` : col);
  const clauses = [`${c('day')} BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)`];
  if (on === 'events') {
    // A day of the events is computed from their time; this wider range on the stored time (whatever the
    // workspace's time zone, a local day lies within a day of its UTC date) lets DuckDB filter in the scan.
    clauses.push(`${c('event_time')} >= CAST($from AS TIMESTAMP) - INTERVAL 1 DAY AND ${c('event_time')} < CAST($to AS TIMESTAMP) + INTERVAL 2 DAY`);
  }
  const params: Record<string, string | number> = { from: range.from, to: range.to };
  if (filters.contentType !== 'all') {
    clauses.push(`${c('content_type')} = $contentType`);
    params.contentType = filters.contentType;
  }
  if (filters.device !== 'all') {
    clauses.push(`${c('app_type')} = $device`);
    params.device = filters.device;
  }
  if (filters.source !== 'all') {
    clauses.push(`${c('source')} = $source`);
    params.source = filters.source;
  }
  if (filters.format !== 'all') {
    clauses.push(`${c('format')} = $format`);
    params.format = filters.format;
  }
  if (filters.accounts.length) {
    const names = filters.accounts.map((_, i) => `$account${i}`);
    filters.accounts.forEach((a, i) => (params[`account${i}`] = a));
    clauses.push(`${c('group_key')} IN (SELECT group_key FROM group_accounts WHERE account_id IN (${names.join(', ')}))`);
  }
  return { sql: clauses.join(' AND '), params };
}

/** The stored column a split dimension groups by (group by it, then label it with splitExpression). */
export function splitColumn(split: SplitBy): string | null {
  return { none: null, 'content-type': 'content_type', device: 'app_type', source: 'source', format: 'format' }[split];
}

/** The column expression of a split dimension, yielding the filter word of the value. */
export function splitExpression(split: SplitBy, alias = ''): string | null {
  const c = (col: string) => (alias ? `${alias}.${col}` : col);
  switch (split) {
    case 'none':
      return null;
    case 'content-type':
      return `CAST(${c('content_type')} AS VARCHAR)`;
    case 'device':
      return `coalesce(CAST(${c('app_type')} AS VARCHAR), 'unknown')`;
    case 'source':
      return c('source');
    case 'format':
      return c('format');
  }
}
