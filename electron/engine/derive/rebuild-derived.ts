/** Rebuilds the derived tables (Pin groups, clean events, rollups) from the raw tables. */
import type { Workspace } from '../db/workspace';
import {
  appendNewCleanSql,
  eventsCleanSql,
  NEW_OUT_OF_SCOPE_COUNT_SQL,
  newCleanEventsSql,
  GROUP_ACCOUNTS_SQL,
  GROUP_DIM_SQL,
  OUT_OF_SCOPE_COUNT_SQL,
  PIN_DIM_SQL,
  ROLLUP_SQL,
} from './derive-sql';

export interface DeriveSummary {
  cleanEvents: number;
  outOfScopeEvents: number;
}

export async function rebuildDerived(ws: Workspace): Promise<DeriveSummary> {
  const timeZone = (await ws.getMeta('time_zone')) ?? 'UTC';
  for (const sql of [PIN_DIM_SQL, GROUP_ACCOUNTS_SQL, GROUP_DIM_SQL, eventsCleanSql(timeZone), ROLLUP_SQL]) {
    await ws.run(sql);
  }
  const outOfScopeEvents = (await ws.value<number>(OUT_OF_SCOPE_COUNT_SQL)) ?? 0;
  return finish(ws, outOfScopeEvents);
}

/**
 * After an import that added only events (imports from `firstNew` on): derive just those events, against the
 * Pins, accounts and spam users already derived, and append them. Gives the same tables as a full rebuild.
 */
export async function deriveNewEvents(ws: Workspace, firstNew: number): Promise<DeriveSummary> {
  const timeZone = (await ws.getMeta('time_zone')) ?? 'UTC';
  await ws.run(newCleanEventsSql(timeZone), { firstNew });
  for (const sql of appendNewCleanSql()) await ws.run(sql);
  const added = (await ws.value<number>(NEW_OUT_OF_SCOPE_COUNT_SQL, { firstNew })) ?? 0;
  return finish(ws, Number((await ws.getMeta('out_of_scope_events')) ?? 0) + added);
}

async function finish(ws: Workspace, outOfScopeEvents: number): Promise<DeriveSummary> {
  const cleanEvents = (await ws.value<number>('SELECT count(*) FROM events_clean')) ?? 0;
  const bounds = await ws.one<{ first: string | null; last: string | null; latest: string | null }>(
    `SELECT min(day)::VARCHAR AS first, max(day)::VARCHAR AS last, (SELECT max(event_time) FROM events) AS latest FROM events_clean`,
  );
  await ws.setMeta('out_of_scope_events', String(outOfScopeEvents));
  await ws.setMeta('events_first_day', bounds?.first ?? '');
  await ws.setMeta('events_last_day', bounds?.last ?? '');
  await ws.setMeta('events_latest_time', bounds?.latest ?? '');
  return { cleanEvents, outOfScopeEvents };
}

/** True when the derived tables exist (a workspace that has never been derived has none). */
export async function hasDerived(ws: Workspace): Promise<boolean> {
  const n = await ws.value<number>(
    `SELECT count(*) FROM information_schema.tables WHERE table_name = 'rollup_daily' AND table_schema = 'main'`,
  );
  return (n ?? 0) > 0;
}
