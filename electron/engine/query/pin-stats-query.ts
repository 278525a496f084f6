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
import { AUDIENCE_METRICS, METRIC_IDS } from '../../../shared/metrics';
import type { QuerySpec } from '../../../shared/query';
import type { MetricValues, PinStatsResult } from '../../../shared/results';
import { numberOrNull, type PlainRow } from '../db/duckdb-values';
import type { Workspace } from '../db/workspace';
import { compileGroupPins, compilePinLookup, compilePinStats, type BlockStatements } from './compile/pin-stats-sql';

export async function pinStatsQuery(ws: Workspace, spec: QuerySpec): Promise<PinStatsResult> {
  const pinId = spec.pinId;
  if (!pinId) throw new PinsightError('invalid-argument', 'The pin view needs a Pin id (--pin ID)');
  const lookup = compilePinLookup(pinId);
  const pin = await ws.one<{
    pin_key: number;
    group_key: number;
    created_at: string | null;
    title: string | null;
    in_scope: boolean;
    first_created_at: string | null;
  }>(lookup.sql, lookup.params);
  if (!pin) throw new PinsightError('not-found', `No Pin ${pinId} in this workspace`);
  if (!pin.in_scope) throw new PinsightError('not-found', `Pin ${pinId} belongs to no claimed account, so it has no stats here`);

  const latest = (await ws.getMeta('events_latest_time')) || null;
  const asOf = spec.asOf ? new Date(spec.asOf).toISOString() : latest;
  if (!asOf) throw new PinsightError('not-found', 'This workspace has no events');
  const groupPins = compileGroupPins(pin.group_key);
  const group = await ws.all<{
    pin_id: string;
    parent_pin_id: string | null;
    creator_id: string | null;
    created_at: string | null;
    source: string;
    title: string | null;
  }>(groupPins.sql, groupPins.params);
  const base = {
    view: 'pin' as const,
    pin_id: pinId,
    title: pin.title,
    created_at: pin.created_at,
    group: group.map((g) => g.pin_id),
    groupPins: group,
    as_of: asOf,
  };
  const compiled = compilePinStats(pinId, spec.filters, pin, asOf);
  if (compiled.phase === 'real-time') return { ...base, phase: 'real-time', real_time: await block(ws, compiled.real_time) };
  return {
    ...base,
    phase: 'final',
    last_24h: await block(ws, compiled.last_24h),
    final: await block(ws, compiled.final),
    windows: compiled.windows,
  };
}

async function block(ws: Workspace, statements: BlockStatements): Promise<MetricValues> {
  const counters = await ws.one<PlainRow>(statements.counters.sql, statements.counters.params);
  const audience = await ws.one<PlainRow>(statements.audience.sql, statements.audience.params);
  return Object.fromEntries(
    METRIC_IDS.map((id) => [id, numberOrNull((AUDIENCE_METRICS.includes(id) ? audience : counters)?.[id])]),
  ) as MetricValues;
}
