/**
 * Filters to a WHERE clause with bound parameters. Column names are fixed here; every value is a parameter.
 * Works on rollup_daily and events_clean alike (they share the filter columns; the events also get a time range).
 */
import type { Filters } from '../../../../shared/filters';
import type { ResolvedRange } from '../../../../shared/results';
import { derivedConditions, type Params } from '../../db/dimension-columns';

/** One SQL statement with its bound parameters: what a compile step gives and a run step executes. */
export interface Statement {
  sql: string;
  params: Params;
}

export type CompiledWhere = Statement;

/** Filters on the daily rollup (`on` 'rollup') or on the cleaned events (`on` 'events'). */
export function compileFilters(
  filters: Filters,
  range: Pick<ResolvedRange, 'from' | 'to'>,
  alias = '',
  on: 'rollup' | 'events' = 'rollup',
): CompiledWhere {
  const c = (col: string) => (alias ? `${alias}.${col}` : col);
  const clauses = [`${c('day')} BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)`];
  if (on === 'events') {
    // A day of the events is computed from their time; this wider range on the stored time (whatever the
    // workspace's time zone, a local day lies within a day of its UTC date) lets DuckDB filter in the scan.
    clauses.push(
      `${c('event_time')} >= CAST($from AS TIMESTAMP) - INTERVAL 1 DAY AND ${c('event_time')} < CAST($to AS TIMESTAMP) + INTERVAL 2 DAY`,
    );
  }
  const dimensions = derivedConditions(filters, alias);
  clauses.push(...dimensions.clauses);
  const params: Params = { from: range.from, to: range.to, ...dimensions.params };
  if (filters.accounts.length) {
    const names = filters.accounts.map((_, i) => `$account${i}`);
    filters.accounts.forEach((a, i) => (params[`account${i}`] = a));
    clauses.push(`${c('group_key')} IN (SELECT group_key FROM group_accounts WHERE account_id IN (${names.join(', ')}))`);
  }
  return { sql: clauses.join(' AND '), params };
}
