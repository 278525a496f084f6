/** Top Pins (by Pin group), top boards and top video Pins over event data. */
import { AUDIENCE_METRICS, COUNTER_METRICS, type MetricId } from '../../../shared/metrics';
import { DEFAULT_TOP_LIMIT, type QuerySpec } from '../../../shared/query';
import type { TopResult, TopRow } from '../../../shared/results';
import { numberOrNull, type PlainRow } from '../db/duckdb-values';
import type { Workspace } from '../db/workspace';
import { compileBoardNames, compileGroupLabels, compileTopAudience, compileTopRanking, PIN_KINDS } from './compile/top-sql';
import { MIXED } from '../../../shared/dimensions';
import { eventBounds, eventProvenance, resolveRange } from './resolve-range';
import { PinsightError } from '../../../shared/api';

type TopView = TopResult['view'];

const BOARD_KNOWN = `SELECT 1 FROM boards WHERE board_id = $b UNION ALL SELECT 1 FROM pins WHERE board_id = $b LIMIT 1`;

export function defaultSort(view: TopView): MetricId {
  return view === 'top-video-pins' ? 'video_views' : 'impressions';
}

export async function topQuery(ws: Workspace, spec: QuerySpec & { view: TopView }): Promise<TopResult> {
  const bounds = await eventBounds(ws);
  const range = resolveRange(spec.filters, bounds);
  const sortBy = spec.sortBy ?? defaultSort(spec.view);
  const limit = spec.limit ?? DEFAULT_TOP_LIMIT;
  if (!bounds.lastDay) {
    return {
      view: spec.view,
      range,
      sortBy,
      rows: [],
      provenance: { kind: 'none', reason: 'noEventData', detail: 'No event data in this workspace' },
    };
  }
  const byBoard = spec.view === 'top-boards';
  const boardId = spec.view === 'top-pins' ? spec.boardId : undefined;
  const ranking = compileTopRanking(spec.view, spec.filters, range, sortBy, limit, boardId);
  const ranked = await ws.all(ranking.sql, ranking.params);
  // A board's Pins: an empty list for a board there is no trace of (a link edited by hand) says so.
  if (boardId !== undefined && !ranked.length && !(await ws.one(BOARD_KNOWN, { b: boardId })))
    throw new PinsightError('not-found', `No board ${boardId} in this workspace`);
  const keys = ranked.map((r) => r.k as string | number);
  const audience = new Map<unknown, PlainRow>();
  if (!spec.skipAudience && keys.length) {
    const statement = compileTopAudience(spec.view, spec.filters, range, keys, boardId);
    for (const r of await ws.all(statement.sql, statement.params)) audience.set(r.k, r);
  }
  const labels = byBoard ? await boardLabels(ws, keys as string[]) : await groupLabels(ws, keys as number[], boardId);
  // A group's face is its first Pin, but its rows are of the sources and formats of the Pins it counted (under
  // "Other Pins", other people's re-saves of a Pin of yours): the row says those, "mixed" where there are several.
  const counted = (r: PlainRow): Partial<TopRow> =>
    byBoard ? {} : Object.fromEntries(PIN_KINDS.map((c) => [c, r[`${c}_min`] === r[`${c}_max`] ? r[`${c}_min`] : MIXED]));

  const rows: TopRow[] = ranked.map((r) => {
    const row: TopRow = { ...labels.get(r.k), ...counted(r) };
    for (const id of COUNTER_METRICS) row[id] = numberOrNull(r[id]);
    for (const id of AUDIENCE_METRICS) row[id] = spec.skipAudience ? null : (numberOrNull(audience.get(r.k)?.[id]) ?? 0);
    return row;
  });
  return {
    view: spec.view,
    range,
    sortBy,
    rows,
    provenance: eventProvenance(range, bounds),
  };
}

async function groupLabels(ws: Workspace, groupKeys: number[], boardId?: string): Promise<Map<unknown, TopRow>> {
  if (!groupKeys.length) return new Map();
  const statement = compileGroupLabels(groupKeys, boardId);
  const rows = await ws.all<{
    k: number;
    pin_id: string;
    title: string | null;
    board_id: string | null;
    board_name: string | null;
    group_size: number;
  }>(statement.sql, statement.params);
  return new Map(rows.map(({ k, ...rest }) => [k, rest]));
}

async function boardLabels(ws: Workspace, boardIds: string[]): Promise<Map<unknown, TopRow>> {
  const known = boardIds.filter((b) => b !== null);
  const rows = known.length
    ? await ws.all<{ board_id: string; name: string | null }>(compileBoardNames(known).sql, compileBoardNames(known).params)
    : [];
  const names = new Map(rows.map((r) => [r.board_id, r.name]));
  return new Map(boardIds.map((id) => [id, { board_id: id ?? '(no board)', name: names.get(id) ?? null }]));
}
