/**
 * Takes one import back out, in one transaction: the rows it brought (events, export snapshots, refused rows)
 * and its log entry leave the workspace, later imports' duplicate marks are judged again without its rows, and
 * the derived tables are rebuilt, so that every view shows what it showed before that file was imported.
 *
 * Files of Pins, boards, claimed accounts and spam users: each id the file named and no later import named again
 * gets back its newest other version (db/dimension-history.ts), or leaves when no other import had it.
 */
import { PinsightError } from '../../../shared/api';
import type { ImportRecord, ImportRemoval } from '../../../shared/results';
import { isWriteFailure, writeFailureReason } from '../db/workspace';
import type { Workspace } from '../db/workspace';
import { markDuplicatesSql } from '../derive/derive-sql';
import { rebuildDerived } from '../derive/rebuild-derived';
import { DIMENSION_TABLES, isDimensionKind, takeOut } from '../db/dimension-history';

export async function removeImport(ws: Workspace, id: number): Promise<ImportRemoval> {
  const record = await ws.one<ImportRecord>(
    `SELECT import_id AS id, file, kind, rows, CAST(imported_at AS VARCHAR) AS "importedAt" FROM import_log WHERE import_id = $id`,
    { id },
  );
  if (!record) throw new PinsightError('not-found', `No import ${id} in this workspace (see \`pinsight imports\`)`);
  const dimension = isDimensionKind(record.kind) ? DIMENSION_TABLES[record.kind] : null;
  if (dimension && !(await ws.value<number>(`SELECT count(*) FROM ${dimension.table}_history WHERE import_id = $id`, { id }))) {
    throw new PinsightError(
      'invalid-argument',
      `Import ${id} (${record.file}) came before Pinsight kept the rows of each ${record.kind} file, so it cannot be taken out. Import a corrected file instead (it replaces the values again).`,
    );
  }
  try {
    await ws.transaction(async () => {
      if (record.kind === 'events') {
        await ws.run(`DELETE FROM events WHERE import_id = $id`, { id });
        // Later rows marked as copies of this import's rows may now be the first of their event: judge them again.
        await ws.run(`UPDATE events SET is_duplicate = NULL WHERE import_id > $id AND is_duplicate`, { id });
        const hasOlder =
          ((await ws.value<number>(`SELECT count(*) FROM (SELECT 1 FROM events WHERE import_id <= $id LIMIT 1)`, { id })) ?? 0) > 0;
        await ws.run(markDuplicatesSql(hasOlder), { firstNew: id + 1 });
      } else if (dimension) {
        await takeOut(ws, dimension, id);
      } else {
        const snapshots = `SELECT snapshot_id FROM export_snapshots WHERE import_id = $id`;
        for (const t of ['export_daily', 'export_totals', 'export_top'])
          await ws.run(`DELETE FROM ${t} WHERE snapshot_id IN (${snapshots})`, { id });
        await ws.run(`DELETE FROM export_snapshots WHERE import_id = $id`, { id });
      }
      await ws.run(`DELETE FROM import_rejects WHERE import_id = $id`, { id });
      await ws.run(`DELETE FROM import_log WHERE import_id = $id`, { id });
      if (record.kind === 'events' || dimension) await rebuildDerived(ws);
    });
  } catch (e) {
    if (isWriteFailure(e)) {
      throw new PinsightError(
        'bad-input',
        `Import ${id} was not taken out: the workspace could not be written (${writeFailureReason(e)}). It holds what it held before.`,
      );
    }
    throw e;
  }
  await ws.checkpoint().catch(() => undefined);
  const rows = Number(record.rows);
  return {
    removed: { ...record, rows },
    rows,
    message: `Took out import ${id} (${record.file}): ${rows.toLocaleString('en-US')} ${record.kind === 'events' ? 'event rows' : dimension ? `${record.kind} rows` : 'export rows'}; the views show what they showed before it.`,
  };
}
