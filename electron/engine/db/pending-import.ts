/**
 * An import in three steps, and how an interrupted one is taken out again.
 *
 * 1. One transaction stores the raw rows (events, Pins, boards, accounts, spam users, exports), keeps a copy of
 *    the small dimension tables as they were (undo_*), and records `pending_import` = the first new import id.
 * 2. The derived tables are built outside a transaction (DuckDB reads committed rows far faster than rows a
 *    transaction is still holding): the new events' duplicates are marked (on those rows only), and rollup rows
 *    tagged with the import id are added, or whole new tables named *_next built. The view events_clean shows
 *    events up to `derived_through` only, so that the new rows stay out of it until step 3.
 * 3. One transaction puts the new derived tables in place, records the bounds, and clears `pending_import`.
 *
 * Until step 3 commits, the import has not happened: an error or a cancel calls rollbackPendingImport() at
 * once, and a killed process leaves `pending_import` behind, which the next open of the workspace rolls back.
 * Either way the workspace holds exactly what it held before the import.
 */
import { PinsightError } from '../../../shared/api';
import { DIMENSION_TABLES } from './dimension-history';
import { lastImportId } from './import-ids';
import type { Workspace } from './workspace';

const DIMENSIONS = ['pins', 'boards', 'accounts', 'spam_users'] as const;
/** The tables derived from the raw ones (derive/rebuild-derived.ts builds them). */
export const DERIVED_TABLES = ['pin_dim', 'group_accounts', 'group_dim', 'spam_dim', 'rollup_daily', 'rollup_combo'] as const;
const PENDING_KEY = 'pending_import';

/** Step 1's bookkeeping, inside its transaction, before any raw row changes. */
export async function beginPendingImport(ws: Workspace, firstNew: number): Promise<void> {
  for (const t of DIMENSIONS) await ws.run(`CREATE OR REPLACE TABLE undo_${t} AS SELECT * FROM ${t}`);
  await ws.setMeta(PENDING_KEY, String(firstNew));
}

/** Step 3's bookkeeping, inside its transaction. */
export async function endPendingImport(ws: Workspace): Promise<void> {
  for (const t of DIMENSIONS) await ws.run(`DROP TABLE IF EXISTS undo_${t}`);
  await ws.run(`DELETE FROM pinsight_meta WHERE key = $key`, { key: PENDING_KEY });
}

/**
 * The first import id of an import that started and did not finish, if any. Only an import that can be
 * identified is ever rolled back: a whole number, no larger than one past the logged imports, with the undo
 * copies that step 1 writes in the same transaction. Anything else is damage, and a clear error that changes
 * nothing (a wrong number here would delete data that landed long ago).
 */
export async function pendingImport(ws: Workspace): Promise<number | null> {
  if (!(await ws.hasTable('pinsight_meta'))) return null;
  const v = await ws.getMeta(PENDING_KEY);
  if (v === null) return null;
  const damaged = (why: string) =>
    new PinsightError(
      'bad-input',
      `${ws.path}: it records an unfinished import, marked "${v.slice(0, 20)}", that cannot be identified (${why}); nothing was changed`,
    );
  if (!/^\d{1,9}$/.test(v.trim()) || Number(v) < 1) throw damaged('not an import number');
  const firstNew = Number(v);
  const last = await lastImportId(ws);
  if (firstNew > last + 1) throw damaged(`no import ${firstNew} was started`);
  for (const t of DIMENSIONS) if (!(await ws.hasTable(`undo_${t}`))) throw damaged(`its undo copy of ${t} is missing`);
  return firstNew;
}

async function hasColumn(ws: Workspace, table: string, column: string): Promise<boolean> {
  const n = await ws.value<number>(
    `SELECT count(*) FROM information_schema.columns WHERE table_name = $table AND column_name = $column AND table_schema = 'main'`,
    { table, column },
  );
  return (n ?? 0) > 0;
}

/** Takes every trace of the pending import out, in one transaction. Does nothing when none is pending. */
export async function rollbackPendingImport(ws: Workspace): Promise<boolean> {
  const firstNew = await pendingImport(ws);
  if (firstNew === null) return false;
  const p = { firstNew };
  await ws.transaction(async () => {
    await ws.run(`DELETE FROM events WHERE import_id >= $firstNew OR import_id <= -$firstNew`, p);
    await ws.run(`DELETE FROM import_rejects WHERE import_id >= $firstNew`, p);
    const snapshots = `(SELECT snapshot_id FROM export_snapshots WHERE import_id >= $firstNew)`;
    for (const t of ['export_daily', 'export_totals', 'export_top']) await ws.run(`DELETE FROM ${t} WHERE snapshot_id IN ${snapshots}`, p);
    await ws.run(`DELETE FROM export_snapshots WHERE import_id >= $firstNew`, p);
    await ws.run(`DELETE FROM import_log WHERE import_id >= $firstNew`, p);
    for (const d of Object.values(DIMENSION_TABLES)) {
      if (await ws.hasTable(`${d.table}_history`)) await ws.run(`DELETE FROM ${d.table}_history WHERE import_id >= $firstNew`, p);
    }
    for (const t of DIMENSIONS) {
      if (!(await ws.hasTable(`undo_${t}`))) continue;
      await ws.run(`DELETE FROM ${t}`);
      await ws.run(`INSERT INTO ${t} SELECT * FROM undo_${t}`);
    }
    if ((await ws.hasTable('rollup_daily')) && (await hasColumn(ws, 'rollup_daily', 'import_id'))) {
      await ws.run(`DELETE FROM rollup_daily WHERE import_id >= $firstNew`, p);
    }
    if (await ws.hasTable('rollup_combo')) await ws.run(`DELETE FROM rollup_combo WHERE import_id >= $firstNew`, p);
    for (const t of DERIVED_TABLES) await ws.run(`DROP TABLE IF EXISTS ${t}_next`);
    await endPendingImport(ws);
  });
  await ws.checkpoint();
  return true;
}
