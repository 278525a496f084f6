/**
 * Pin stats compiled to SQL (the rules are in pin-stats-query.ts): the Pin, its group, and the statement pairs
 * (counters, audiences) of each block for a given "now".
 */
import { AUDIENCE_METRICS, COUNTER_METRICS } from '../../../../shared/metrics';
import type { Filters } from '../../../../shared/filters';
import { derivedConditions, rawConditions, type Params } from '../../db/dimension-columns';
import { COUNTER_SELECT } from '../../derive/derive-sql';
import { metricSelect } from './metric-sql';
import type { Statement } from './filters-sql';

export const DAY_MS = 86_400_000;

export interface PinFacts {
  group_key: number;
  created_at: string | null;
  first_created_at: string | null;
}

/** The counters and the audiences of one block of event rows. */
export interface BlockStatements {
  counters: Statement;
  audience: Statement;
}

export type PinStatsStatements =
  | { phase: 'real-time'; real_time: BlockStatements }
  | {
      phase: 'final';
      last_24h: BlockStatements;
      final: BlockStatements;
      windows: { last_24h: { from: string; to: string }; final: { from: string; to: string } };
    };

export function compilePinLookup(pinId: string): Statement {
  return {
    sql: `SELECT d.pin_key, d.group_key, d.created_at, d.title, g.in_scope, g.first_created_at
FROM pin_dim d JOIN group_dim g USING (group_key) WHERE d.pin_id = $pinId`,
    params: { pinId },
  };
}

export function compileGroupPins(groupKey: number): Statement {
  return {
    sql: `SELECT pin_id, parent_pin_id, creator_id, created_at, source, title FROM pin_dim WHERE group_key = $g ORDER BY created_at, TRY_CAST(pin_id AS HUGEINT), pin_id`,
    params: { g: groupKey },
  };
}

/** The filters' dimensions as an ` AND ...` suffix, on the raw events (real-time block) or the cleaned ones. */
function dimensionSuffix(filters: Filters, on: 'raw' | 'clean'): { where: string; params: Params } {
  const { clauses, params } = on === 'raw' ? rawConditions(filters) : derivedConditions(filters);
  return { where: clauses.map((c) => ` AND ${c}`).join(''), params };
}

/** All metrics over a set of event rows (raw `events` or `events_clean`). */
function compileBlock(table: string, where: string, params: Params, userHash = 'user_hash'): BlockStatements {
  const rows = `SELECT event_type, ${userHash} AS user_hash, watch_ms, progress_pct, in_view_pct FROM ${table} WHERE ${where}`;
  return {
    counters: { sql: `SELECT ${metricSelect(COUNTER_METRICS)} FROM (SELECT ${COUNTER_SELECT} FROM (${rows}))`, params },
    audience: { sql: `SELECT ${metricSelect(AUDIENCE_METRICS)} FROM (${rows})`, params },
  };
}

/** The blocks of a Pin's stats as of `asOf` (an ISO time): real-time in the group's first 24 hours, else final. */
export function compilePinStats(pinId: string, filters: Filters, pin: PinFacts, asOf: string): PinStatsStatements {
  const createdMs = Date.parse(pin.first_created_at ?? pin.created_at ?? asOf);
  const asOfMs = Date.parse(asOf);
  if (asOfMs - createdMs < DAY_MS) {
    const { where, params } = dimensionSuffix(filters, 'raw');
    const window = `pin_id = $pinId AND event_time >= CAST($start AS TIMESTAMP) AND event_time <= CAST($end AS TIMESTAMP)${where}`;
    const start = pin.created_at ?? new Date(createdMs).toISOString();
    return { phase: 'real-time', real_time: compileBlock('events', window, { ...params, pinId, start, end: asOf }, 'hash(user_id)') };
  }
  const hourEnd = new Date(Math.floor(asOfMs / 3_600_000) * 3_600_000);
  const dayStart = new Date(Math.floor(asOfMs / DAY_MS) * DAY_MS);
  const { where, params } = dimensionSuffix(filters, 'clean');
  const groupWhere = `group_key = $g${where}`;
  const last24From = new Date(hourEnd.getTime() - DAY_MS).toISOString();
  return {
    phase: 'final',
    last_24h: compileBlock(
      'events_clean',
      `${groupWhere} AND event_time >= CAST($start AS TIMESTAMP) AND event_time < CAST($end AS TIMESTAMP)`,
      {
        ...params,
        g: pin.group_key,
        start: last24From,
        end: hourEnd.toISOString(),
      },
    ),
    final: compileBlock('events_clean', `${groupWhere} AND event_time < CAST($end AS TIMESTAMP)`, {
      ...params,
      g: pin.group_key,
      end: dayStart.toISOString(),
    }),
    windows: {
      last_24h: { from: last24From, to: hourEnd.toISOString() },
      final: { from: new Date(createdMs).toISOString(), to: dayStart.toISOString() },
    },
  };
}
