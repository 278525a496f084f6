/**
 * The reconcile view compiled: every raw event record of the filters' range, each put in the first step that
 * removes it (duplicates, then spam users, then Pins of no claimed account) or in `final`, with the rollup's
 * counters per step. `final` is exactly what events_clean (and so the rollup and the overview) holds.
 */
import type { Filters } from '../../../../shared/filters';
import type { ResolvedRange } from '../../../../shared/results';
import { rawConditions, type Params } from '../../db/dimension-columns';
import { COUNTER_SELECT, DERIVED_THROUGH_KEY, dayExpression } from '../../derive/derive-sql';
import type { Statement } from './filters-sql';

/** `pinId`: only the events of that Pin's group (every Pin sharing its image and URL, and its re-saves). */
export function compileReconcile(filters: Filters, range: Pick<ResolvedRange, 'from' | 'to'>, timeZone: string, pinId?: string): Statement {
  const dimensions = rawConditions(filters);
  const conditions = [
    // Only imports whose derivation has finished, as events_clean.
    `import_id <= (SELECT CAST(value AS INTEGER) FROM pinsight_meta WHERE key = '${DERIVED_THROUGH_KEY}')`,
    `event_time >= CAST($from AS TIMESTAMP) - INTERVAL 1 DAY AND event_time < CAST($to AS TIMESTAMP) + INTERVAL 2 DAY`,
    `${dayExpression(timeZone, 'event_time')} BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)`,
    ...dimensions.clauses,
  ];
  const params: Params = { from: range.from, to: range.to, ...dimensions.params };
  if (filters.accounts.length) {
    const names = filters.accounts.map((a, i) => {
      params[`account${i}`] = a;
      return `$account${i}`;
    });
    conditions.push(
      `pin_hash IN (SELECT pin_hash FROM pin_dim WHERE group_key IN (SELECT group_key FROM group_accounts WHERE account_id IN (${names.join(', ')})))`,
    );
  }
  if (pinId !== undefined) {
    params.pinId = pinId;
    conditions.push(`pin_hash IN (SELECT pin_hash FROM pin_dim WHERE group_key = (SELECT group_key FROM pin_dim WHERE pin_id = $pinId))`);
  }
  return {
    sql: `SELECT step, count(*) AS events, ${COUNTER_SELECT}
FROM (
  SELECT CASE WHEN is_duplicate THEN 'duplicates'
              WHEN user_hash IN (SELECT user_hash FROM spam_dim) THEN 'spam'
              WHEN pin_hash NOT IN (SELECT d.pin_hash FROM pin_dim d JOIN group_dim g USING (group_key) WHERE g.in_scope) THEN 'out_of_scope'
              ELSE 'final' END AS step,
         event_type, watch_ms, progress_pct, in_view_pct
  FROM events
  WHERE ${conditions.join('\n    AND ')}
)
GROUP BY step`,
    params,
  };
}

/** Rows of event files refused at import, per file, and the first of them. */
export const REJECTED_FILES_SQL = `SELECT r.file, count(*) AS rows FROM import_rejects r JOIN import_log l USING (import_id)
WHERE l.kind = 'events' GROUP BY r.file ORDER BY r.file`;

export const REJECTED_ROWS_SQL = `SELECT r.file, r.line, r.reason FROM import_rejects r JOIN import_log l USING (import_id)
WHERE l.kind = 'events' ORDER BY r.file, r.line LIMIT $limit`;
