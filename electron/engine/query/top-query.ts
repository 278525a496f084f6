/** Top Pins (by Pin group), top boards and top video Pins over event data. */
import { AUDIENCE_METRICS, COUNTER_METRICS, type MetricId } from '../../../shared/metrics';
import { DEFAULT_TOP_LIMIT, type QuerySpec } from '../../../shared/query';
import type { TopResult, TopRow } from '../../../shared/results';
import { numberOrNull, type PlainRow } from '../db/duckdb-values';
import type { Workspace } from '../db/workspace';
import { compileFilters } from './compile-filters';
import { metricSelect } from './metric-sql';
import { eventBounds, resolveRange } from './resolve-range';

type TopView = TopResult['view'];

export function defaultSort(view: TopView): MetricId {
  return view === 'top-video-pins' ? 'video_views' : 'impressions';
}

export async function topQuery(ws: Workspace, spec: QuerySpec & { view: TopView }): Promise<TopResult> {
  const bounds = await eventBounds(ws);
  const range = resolveRange(spec.filters, bounds);
  const sortBy = spec.sortBy ?? defaultSort(spec.view);
  const limit = spec.limit ?? DEFAULT_TOP_LIMIT;
  if (!bounds.lastDay) {
    return { view: spec.view, range, sortBy, rows: [], provenance: { kind: 'none', reason: 'noEventData', detail: 'No event data in this workspace' } };
  }
  const filters = spec.view === 'top-video-pins' ? { ...spec.filters, format: 'video' as const } : spec.filters;
  const where = compileFilters(filters, range, 'r');
  const byBoard = spec.view === 'top-boards';
  const key = byBoard ? 'd.board_id' : 'r.group_key';
  const joinPin = byBoard ? 'JOIN pin_dim d ON d.pin_key = r.pin_key' : '';
  const params = { ...where.params, limit };
  const ranked = await ws.all(
    `SELECT ${key} AS k, ${metricSelect(COUNTER_METRICS)}
     FROM rollup_daily r ${joinPin}
     WHERE ${where.sql}
     GROUP BY ALL
     ORDER BY ${sortBy} DESC NULLS LAST, k
     LIMIT $limit`,
    params,
  );
  const keys = ranked.map((r) => r.k);
  const audience = spec.skipAudience || !keys.length ? new Map<unknown, PlainRow>() : await audienceFor(ws, filters, range, byBoard, keys);
  const labels = byBoard ? await boardLabels(ws, keys as string[]) : await groupLabels(ws, keys as number[]);

  const rows: TopRow[] = ranked.map((r) => {
    const row: TopRow = { ...labels.get(r.k) };
    for (const id of COUNTER_METRICS) row[id] = numberOrNull(r[id]);
    for (const id of AUDIENCE_METRICS) row[id] = spec.skipAudience ? null : numberOrNull(audience.get(r.k)?.[id]) ?? 0;
    return row;
  });
  return { view: spec.view, range, sortBy, rows, provenance: { kind: 'events', reason: 'eventData', from: range.from, to: range.to, detail: `Event data, ${range.from} to ${range.to}` } };
}

async function audienceFor(
  ws: Workspace,
  filters: QuerySpec['filters'],
  range: { from: string; to: string },
  byBoard: boolean,
  keys: unknown[],
): Promise<Map<unknown, PlainRow>> {
  const where = compileFilters(filters, range, 'e', 'events');
  const key = byBoard ? 'd.board_id' : 'e.group_key';
  const joinPin = byBoard ? 'JOIN pin_dim d ON d.pin_key = e.pin_key' : '';
  const keyParams = Object.fromEntries(keys.map((k, i) => [`key${i}`, k as string | number]));
  const rows = await ws.all(
    `SELECT ${key} AS k, ${metricSelect(AUDIENCE_METRICS)}
     FROM events_clean e ${joinPin}
     WHERE ${where.sql} AND ${key} IN (${keys.map((_, i) => `$key${i}`).join(', ')})
     GROUP BY ALL`,
    { ...where.params, ...keyParams },
  );
  return new Map(rows.map((r) => [r.k, r]));
}

async function groupLabels(ws: Workspace, groupKeys: number[]): Promise<Map<unknown, TopRow>> {
  if (!groupKeys.length) return new Map();
  const rows = await ws.all<{ k: number; pin_id: string; title: string | null; board_id: string | null; board_name: string | null; format: string; source: string; group_size: number }>(
    `SELECT g.group_key AS k, g.rep_pin_id AS pin_id, d.title, d.board_id, b.name AS board_name, d.format, d.source, g.size AS group_size
     FROM group_dim g JOIN pin_dim d ON d.pin_id = g.rep_pin_id LEFT JOIN boards b ON b.board_id = d.board_id
     WHERE g.group_key IN (${groupKeys.map((_, i) => `$g${i}`).join(', ')})`,
    Object.fromEntries(groupKeys.map((k, i) => [`g${i}`, k])),
  );
  return new Map(rows.map(({ k, ...rest }) => [k, rest]));
}

async function boardLabels(ws: Workspace, boardIds: string[]): Promise<Map<unknown, TopRow>> {
  const known = boardIds.filter((b) => b !== null);
  const rows = known.length
    ? await ws.all<{ board_id: string; name: string | null }>(
        `SELECT board_id, name FROM boards WHERE board_id IN (${known.map((_, i) => `$b${i}`).join(', ')})`,
        Object.fromEntries(known.map((b, i) => [`b${i}`, b])),
      )
    : [];
  const names = new Map(rows.map((r) => [r.board_id, r.name]));
  return new Map(boardIds.map((id) => [id, { board_id: id ?? '(no board)', name: names.get(id) ?? null }]));
}
