/**
 * Builds the derived tables (Pin groups, the rollup) from the raw tables, and the view events_clean.
 *
 * The cleaned events are not a second copy: the raw events carry their user's hash and a duplicate mark, and
 * events_clean is a view that joins them to the in-scope Pins and leaves out marked rows and spam users.
 * A full build writes new tables beside the current ones (suffix _next) and swapDerived() puts them in place;
 * an import that adds only events appends its rollup rows, tagged with its first import id, so that an
 * interrupted import can take exactly them out again (see db/pending-import.ts). Both can run outside a
 * transaction, where DuckDB reads the freshly written rows two to three times faster than inside one.
 */
import { randomUUID } from 'node:crypto';
import { COMBO_ROLLUP_KEY, DERIVED_STAMP_KEY } from '../db/import-ids';
import { DERIVED_TABLES } from '../db/pending-import';
import type { Workspace } from '../db/workspace';
import {
  cleanEventsSelect,
  cleanEventsViewSql,
  comboRollupSelect,
  DERIVED_THROUGH_KEY,
  groupAccountsSql,
  groupDimSql,
  markDuplicatesSql,
  outOfScopeCountSql,
  pinDimSql,
  rollupSelect,
  spamDimSql,
} from './derive-sql';

export interface DeriveSummary {
  cleanEvents: number;
  outOfScopeEvents: number;
}

/** Bumped when the derived tables change shape: an older workspace re-derives when it is opened. */
export const DERIVED_VERSION = '3';

const NEXT = '_next';

/** The counters of one event type each: together they count every clean event once. */
const PER_TYPE_COUNTERS = ['impressions', 'closeups', 'saves', 'link_clicks', 'carousel_swipes', 'video_starts'];

/**
 * Marks the duplicates among the events not derived yet (all of them in a workspace never derived). Earlier
 * rows keep their marks: whether a row duplicates another does not depend on Pins, accounts or spam users.
 */
async function markNewDuplicates(ws: Workspace): Promise<void> {
  const through = await ws.getMeta(DERIVED_THROUGH_KEY);
  const firstNew = through === null ? 0 : Number(through) + 1;
  const hasOlder =
    ((await ws.value<number>('SELECT count(*) FROM (SELECT 1 FROM events WHERE import_id < $firstNew LIMIT 1)', { firstNew })) ?? 0) > 0;
  await ws.run(markDuplicatesSql(hasOlder), { firstNew });
}

/** Full build into the _next tables; returns how many events are out of scope. */
export async function buildDerived(ws: Workspace): Promise<number> {
  const timeZone = await ws.timeZone();
  for (const sql of [pinDimSql(NEXT), groupAccountsSql(NEXT), groupDimSql(NEXT), spamDimSql(NEXT)]) await ws.run(sql);
  await markNewDuplicates(ws);
  // Ordered by day, so that date filters skip whole row groups of the rollup.
  const clean = `(${cleanEventsSelect(timeZone, NEXT, 'true')})`;
  await ws.run(`CREATE OR REPLACE TABLE rollup_daily${NEXT} AS ${rollupSelect(clean, NEXT)} ORDER BY r.day`, { tag: 0 });
  await ws.run(`CREATE OR REPLACE TABLE rollup_combo${NEXT} AS ${comboRollupSelect(NEXT)} ORDER BY day`);
  return (await ws.value<number>(outOfScopeCountSql(NEXT), { firstNew: 0 })) ?? 0;
}

/** Replaces the derived tables by the _next ones. Meant to run inside the transaction that ends an import. */
export async function swapDerived(ws: Workspace): Promise<void> {
  for (const t of DERIVED_TABLES) {
    await ws.run(`DROP TABLE IF EXISTS ${t}`);
    await ws.run(`ALTER TABLE ${t}${NEXT} RENAME TO ${t}`);
  }
  await ws.run(cleanEventsViewSql(await ws.timeZone()));
}

/** Rebuilds everything and records it (settings changes, the demo, workspaces from older versions). */
export async function rebuildDerived(ws: Workspace): Promise<DeriveSummary> {
  const outOfScope = await buildDerived(ws);
  await swapDerived(ws);
  return finishDerived(ws, outOfScope);
}

/**
 * After an import that added only events (imports from `firstNew` on): derive just those events, against the
 * Pins, accounts and spam users already derived, and append their rollup rows, tagged `firstNew`. Gives the
 * same numbers as a full rebuild. Returns how many of the new events are out of scope.
 */
export async function appendDerived(ws: Workspace, firstNew: number): Promise<number> {
  const timeZone = await ws.timeZone();
  await markNewDuplicates(ws);
  const clean = `(${cleanEventsSelect(timeZone, '', 'e.import_id >= $firstNew')})`;
  await ws.run(`INSERT INTO rollup_daily ${rollupSelect(clean, '')}`, { firstNew, tag: firstNew });
  await ws.run(`INSERT INTO rollup_combo ${comboRollupSelect('', 'import_id = $tag')} ORDER BY day`, { tag: firstNew });
  return (await ws.value<number>(outOfScopeCountSql(''), { firstNew })) ?? 0;
}

/** Records the derived state's bounds and counts in the workspace's meta table. */
export async function finishDerived(ws: Workspace, outOfScopeEvents: number): Promise<DeriveSummary> {
  // Every clean event is counted by exactly one of the per-type counters.
  const perType = PER_TYPE_COUNTERS.map((n) => `coalesce(sum(${n}), 0)`).join(' + ');
  const bounds = await ws.one<{
    clean: number | null;
    first: string | null;
    last: string | null;
    latest: string | null;
    through: number | null;
  }>(
    `SELECT ${perType} AS clean, min(day)::VARCHAR AS first, max(day)::VARCHAR AS last,
            (SELECT max(event_time) FROM events) AS latest, (SELECT max(import_id) FROM events) AS through
     FROM rollup_daily`,
  );
  await ws.setMeta('out_of_scope_events', String(outOfScopeEvents));
  await ws.setMeta('events_first_day', bounds?.first ?? '');
  await ws.setMeta('events_last_day', bounds?.last ?? '');
  await ws.setMeta('events_latest_time', bounds?.latest ?? '');
  // The highest import id whose events are derived; none yet while the workspace holds no events.
  const through = [bounds?.through, await ws.getMeta(DERIVED_THROUGH_KEY)].filter((v) => v !== null && v !== undefined).map(Number);
  if (through.length) await ws.setMeta(DERIVED_THROUGH_KEY, String(Math.max(...through)));
  await ws.setMeta('derived_version', DERIVED_VERSION);
  await ws.setMeta(COMBO_ROLLUP_KEY, '1');
  // Changes with every derive: what was computed from the derived tables before (audience indexes) is stale.
  await ws.setMeta(DERIVED_STAMP_KEY, randomUUID());
  return { cleanEvents: Number(bounds?.clean ?? 0), outOfScopeEvents };
}

/**
 * Adds what a workspace derived by an earlier version lacks and can be made from what it holds, without deriving
 * again (minutes at 100M events): the overview's rollup summed over Pins, and a stamp of the derived data. A
 * workspace that cannot be written goes without them (its overview reads the per-Pin rollup, and no audience
 * index is built).
 */
export async function completeDerived(ws: Workspace): Promise<void> {
  if (ws.readOnlyReason) return;
  if ((await ws.getMeta(COMBO_ROLLUP_KEY)) !== '1') {
    await ws.transaction(async () => {
      await ws.run(`CREATE OR REPLACE TABLE rollup_combo AS ${comboRollupSelect('')} ORDER BY day`);
      await ws.setMeta(COMBO_ROLLUP_KEY, '1');
    });
  }
  if (!(await ws.getMeta(DERIVED_STAMP_KEY))) await ws.setMeta(DERIVED_STAMP_KEY, randomUUID());
}

/** True when the derived tables exist and have the current shape. */
export async function hasDerived(ws: Workspace): Promise<boolean> {
  return (await ws.hasTable('rollup_daily')) && (await ws.getMeta('derived_version')) === DERIVED_VERSION;
}
