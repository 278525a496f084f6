/** Import ids: each import's rows carry one, and an id is never given twice (not even after an import is taken out). */
import type { Workspace } from './workspace';

/** The derived import ids: events of an import still being derived stay out of events_clean. */
export const DERIVED_THROUGH_KEY = 'derived_through';
/** A new value with every derive (meta key): results kept from the derived tables are valid while it holds. */
export const DERIVED_STAMP_KEY = 'derived_stamp';
/** '1' when the overview's rollup summed over Pins (rollup_combo) is there (meta key; from 2026-12 on). */
export const COMBO_ROLLUP_KEY = 'combo_rollup';

/** The highest import id ever given: logged, or derived and since taken out. */
export async function lastImportId(ws: Workspace): Promise<number> {
  const logged = (await ws.value<number>('SELECT max(import_id) FROM import_log')) ?? 0;
  const derived = Number((await ws.getMeta(DERIVED_THROUGH_KEY)) ?? 0);
  return Math.max(Number(logged), Number.isFinite(derived) ? derived : 0);
}
