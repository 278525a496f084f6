/** Top Pins (by Pin group), top boards and top video Pins over event data, compiled to SQL statements. */
import { AUDIENCE_METRICS, COUNTER_METRICS, type MetricId } from '../../../../shared/metrics';
import type { Filters } from '../../../../shared/filters';
import type { ResolvedRange, TopResult } from '../../../../shared/results';
import { metricSelect } from './metric-sql';
import { compileFilters, type Statement } from './filters-sql';

type Range = Pick<ResolvedRange, 'from' | 'to'>;

/** The filters a top list applies: the video list is the format filter set to video. */
export function topFilters(view: TopResult['view'], filters: Filters): Filters {
  return view === 'top-video-pins' ? { ...filters, format: 'video' } : filters;
}

/** The board panel's condition: its Pins only (the Pin table joined as `d`); empty without a board. */
function onBoard(boardId: string | undefined): { sql: string; params: Record<string, string> } {
  return boardId === undefined ? { sql: '', params: {} } : { sql: ' AND d.board_id = $board', params: { board: boardId } };
}

/** A Pin's attributes that a group's Pins may differ in (the rollup's columns). */
export const PIN_KINDS = ['source', 'format'] as const;

/** The ranked keys (Pin groups or boards) with their counters, from the rollup; for groups, the kinds of Pin counted. */
export function compileTopRanking(
  view: TopResult['view'],
  filters: Filters,
  range: Range,
  sortBy: MetricId,
  limit: number,
  boardId?: string,
): Statement {
  const where = compileFilters(topFilters(view, filters), range, 'r');
  const byBoard = view === 'top-boards';
  const board = onBoard(boardId);
  // A Pin group's rows may be of either source or several formats: which of them it counted (one, or both).
  const kinds = byBoard
    ? ''
    : PIN_KINDS.map((c) => `,\n  CAST(min(r.${c}) AS VARCHAR) AS ${c}_min, CAST(max(r.${c}) AS VARCHAR) AS ${c}_max`).join('');
  return {
    sql: `SELECT ${byBoard ? 'd.board_id' : 'r.group_key'} AS k, ${metricSelect(COUNTER_METRICS)}${kinds}
FROM rollup_daily r ${byBoard || board.sql ? 'JOIN pin_dim d ON d.pin_key = r.pin_key' : ''}
WHERE ${where.sql}${board.sql}
GROUP BY ALL
ORDER BY ${sortBy} DESC NULLS LAST, k
LIMIT $limit`,
    params: { ...where.params, limit, ...board.params },
  };
}

/** The distinct audiences of the ranked keys, from the cleaned events. */
export function compileTopAudience(
  view: TopResult['view'],
  filters: Filters,
  range: Range,
  keys: (string | number)[],
  boardId?: string,
): Statement {
  const where = compileFilters(topFilters(view, filters), range, 'e', 'events');
  const byBoard = view === 'top-boards';
  const key = byBoard ? 'd.board_id' : 'e.group_key';
  const board = onBoard(boardId);
  return {
    sql: `SELECT ${key} AS k, ${metricSelect(AUDIENCE_METRICS)}
FROM events_clean e ${byBoard || board.sql ? 'JOIN pin_dim d ON d.pin_key = e.pin_key' : ''}
WHERE ${where.sql}${board.sql} AND ${key} IN (${keys.map((_, i) => `$key${i}`).join(', ')})
GROUP BY ALL`,
    params: { ...where.params, ...Object.fromEntries(keys.map((k, i) => [`key${i}`, k])), ...board.params },
  };
}

/** A Pin group's face: its representative Pin and board (its source and format are those it counted); on a board's panel, its first Pin there. */
export function compileGroupLabels(groupKeys: number[], boardId?: string): Statement {
  const keys = groupKeys.map((_, i) => `$g${i}`).join(', ');
  const params = Object.fromEntries(groupKeys.map((k, i) => [`g${i}`, k]));
  const face =
    boardId === undefined
      ? `SELECT group_key, rep_pin_id AS pin_id FROM group_dim WHERE group_key IN (${keys})`
      : `SELECT group_key, min(pin_id) AS pin_id FROM pin_dim WHERE board_id = $board AND group_key IN (${keys}) GROUP BY group_key`;
  return {
    sql: `SELECT g.group_key AS k, f.pin_id, d.title, d.board_id, b.name AS board_name, g.size AS group_size
FROM (${face}) f JOIN group_dim g USING (group_key) JOIN pin_dim d ON d.pin_id = f.pin_id LEFT JOIN boards b ON b.board_id = d.board_id`,
    params: boardId === undefined ? params : { ...params, board: boardId },
  };
}

export function compileBoardNames(boardIds: string[]): Statement {
  return {
    sql: `SELECT board_id, name FROM boards WHERE board_id IN (${boardIds.map((_, i) => `$b${i}`).join(', ')})`,
    params: Object.fromEntries(boardIds.map((b, i) => [`b${i}`, b])),
  };
}
