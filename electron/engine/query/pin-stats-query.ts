/**
 * Pin stats, as the Pin stats help text describes them. as_of is the latest event time (or --as-of).
 * - Within 24 hours of the group's first Pin: phase "real-time", every imported record of this Pin itself
 *   (duplicates and spam included, no group aggregation) from its creation to as_of.
 * - Later: phase "final", with the final numbers of the whole group over the 24 hours that end at as_of
 *   rounded down to the hour, and from creation up to the start of as_of's UTC day.
 * Every dimension filter of the registry applies (content type, device, source, format); the date range and
 * claimed-account filters do not: the blocks set their own time windows, and the Pin is one of the accounts' or
 * has no stats.
 */
import { PinsightError } from '../../../shared/api';
import { AUDIENCE_METRICS, COUNTER_METRICS, METRIC_IDS } from '../../../shared/metrics';
import type { QuerySpec } from '../../../shared/query';
import type { MetricValues, PinStatsResult } from '../../../shared/results';
import { derivedConditions, rawConditions, type Params } from '../db/dimension-columns';
import { numberOrNull, type PlainRow } from '../db/duckdb-values';
import type { Workspace } from '../db/workspace';
import { COUNTER_SELECT } from '../derive/derive-sql';
import { metricSelect } from './metric-sql';

const DAY_MS = 86_400_000;

export async function pinStatsQuery(ws: Workspace, spec: QuerySpec): Promise<PinStatsResult> {
  const pinId = spec.pinId;
  if (!pinId) throw new PinsightError('invalid-argument', 'The pin view needs a Pin id (--pin ID)');
  const pin = await ws.one<{ pin_key: number; group_key: number; created_at: string | null; title: string | null; in_scope: boolean; first_created_at: string | null }>(
    `SELECT d.pin_key, d.group_key, d.created_at, d.title, g.in_scope, g.first_created_at
     FROM pin_dim d JOIN group_dim g USING (group_key) WHERE d.pin_id = $pinId`,
    { pinId },
  );
  if (!pin) throw new PinsightError('not-found', `No Pin ${pinId} in this workspace`);
  if (!pin.in_scope) throw new PinsightError('not-found', `Pin ${pinId} belongs to no claimed account, so it has no stats here`);

  const latest = (await ws.getMeta('events_latest_time')) || null;
  const asOf = spec.asOf ? new Date(spec.asOf).toISOString() : latest;
  if (!asOf) throw new PinsightError('not-found', 'This workspace has no events');
  const group = await ws.all<{ pin_id: string; parent_pin_id: string | null; creator_id: string | null; created_at: string | null; source: string; title: string | null }>(
    `SELECT pin_id, parent_pin_id, creator_id, created_at, source, title FROM pin_dim WHERE group_key = $g ORDER BY created_at, TRY_CAST(pin_id AS HUGEINT), pin_id`,
    { g: pin.group_key },
  );
  const createdMs = Date.parse(pin.first_created_at ?? pin.created_at ?? asOf);
  const asOfMs = Date.parse(asOf);
  const base = {
    view: 'pin' as const,
    pin_id: pinId,
    title: pin.title,
    created_at: pin.created_at,
    group: group.map((g) => g.pin_id),
    groupPins: group,
    as_of: asOf,
  };

  if (asOfMs - createdMs < DAY_MS) {
    const { where, params } = eventFilters(spec, 'raw');
    const real_time = await block(ws, 'events', `pin_id = $pinId AND event_time >= CAST($start AS TIMESTAMP) AND event_time <= CAST($end AS TIMESTAMP)${where}`, {
      ...params,
      pinId,
      start: pin.created_at ?? new Date(createdMs).toISOString(),
      end: asOf,
    }, 'hash(user_id)');
    return { ...base, phase: 'real-time', real_time };
  }
  const hourEnd = new Date(Math.floor(asOfMs / 3_600_000) * 3_600_000);
  const dayStart = new Date(Math.floor(asOfMs / DAY_MS) * DAY_MS);
  const { where, params } = eventFilters(spec, 'clean');
  const groupWhere = `group_key = $g${where}`;
  const last_24h = await block(ws, 'events_clean', `${groupWhere} AND event_time >= CAST($start AS TIMESTAMP) AND event_time < CAST($end AS TIMESTAMP)`, {
    ...params,
    g: pin.group_key,
    start: new Date(hourEnd.getTime() - DAY_MS).toISOString(),
    end: hourEnd.toISOString(),
  });
  const final = await block(ws, 'events_clean', `${groupWhere} AND event_time < CAST($end AS TIMESTAMP)`, {
    ...params,
    g: pin.group_key,
    end: dayStart.toISOString(),
  });
  return {
    ...base,
    phase: 'final',
    last_24h,
    final,
    windows: {
      last_24h: { from: new Date(hourEnd.getTime() - DAY_MS).toISOString(), to: hourEnd.toISOString() },
      final: { from: new Date(createdMs).toISOString(), to: dayStart.toISOString() },
    },
  };
}

/** The filters' dimensions as an ` AND ...` suffix, on the raw events (real-time block) or the cleaned ones. */
function eventFilters(spec: QuerySpec, on: 'raw' | 'clean'): { where: string; params: Params } {
  const { clauses, params } = on === 'raw' ? rawConditions(spec.filters) : derivedConditions(spec.filters);
  return { where: clauses.map((c) => ` AND ${c}`).join(''), params };
}

/** All metrics over a set of event rows (raw `events` or `events_clean`). */
async function block(ws: Workspace, table: string, where: string, params: Record<string, string | number>, userHash = 'user_hash'): Promise<MetricValues> {
  const rows = `SELECT event_type, ${userHash} AS user_hash, watch_ms, progress_pct, in_view_pct FROM ${table} WHERE ${where}`;
  const counters = await ws.one<PlainRow>(`SELECT ${metricSelect(COUNTER_METRICS)} FROM (SELECT ${COUNTER_SELECT} FROM (${rows}))`, params);
  const audience = await ws.one<PlainRow>(`SELECT ${metricSelect(AUDIENCE_METRICS)} FROM (${rows})`, params);
  return Object.fromEntries(METRIC_IDS.map((id) => [id, numberOrNull((AUDIENCE_METRICS.includes(id) ? audience : counters)?.[id])])) as MetricValues;
}
