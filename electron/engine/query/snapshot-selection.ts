/** Finding the export snapshots that match a filter selection, and describing them. */
import { clampDay } from '../../../shared/dates';
import { DIMENSION_IDS, DIMENSIONS, type DimensionId } from '../../../shared/dimensions';
import type { Filters } from '../../../shared/filters';
import { SNAPSHOT_SELECTION_COLUMNS } from '../db/dimension-columns';
import type { Workspace } from '../db/workspace';

export type SnapshotSelection = Record<DimensionId, string> & { accounts: string };

export type SnapshotInfo = SnapshotSelection & {
  snapshot_id: number;
  file: string;
  date_from: string;
  date_to: string;
  legacy: boolean;
};

export async function snapshotsById(ws: Workspace, ids: number[]): Promise<SnapshotInfo[]> {
  if (!ids.length) return [];
  return ws.all<SnapshotInfo>(
    `SELECT snapshot_id, file, CAST(date_from AS VARCHAR) AS date_from, CAST(date_to AS VARCHAR) AS date_to, ${SNAPSHOT_SELECTION_COLUMNS}, accounts, legacy
     FROM export_snapshots WHERE snapshot_id IN (${ids.map((_, i) => `$s${i}`).join(', ')}) ORDER BY snapshot_id`,
    Object.fromEntries(ids.map((id, i) => [`s${i}`, id])),
  );
}

export function describeContext(c: SnapshotSelection): string {
  const accounts = c.accounts ? c.accounts.split('\n').join(', ') : 'all';
  const dimensions = DIMENSION_IDS.map((id) => `${DIMENSIONS[id].label.en.toLowerCase()} ${c[id]}`);
  return [...dimensions, `accounts ${accounts}`].join(', ');
}

export function describeSnapshots(list: SnapshotInfo[]): string {
  return list.map((s) => `${s.date_from} to ${s.date_to} (${describeContext(s)}; ${s.file.split(/[\\/]/).pop()})`).join('; ');
}

/** Says that no export matches, and which selections the workspace holds. */
export async function noMatchDetail(ws: Workspace, filters: Filters): Promise<string> {
  const held = await ws.all<SnapshotSelection>(
    `SELECT DISTINCT ${SNAPSHOT_SELECTION_COLUMNS}, accounts FROM export_snapshots WHERE NOT legacy ORDER BY ALL`,
  );
  const wanted = describeContext({ ...filters, accounts: [...filters.accounts].sort().join('\n') });
  return `No imported Analytics export matches these filters (${wanted}). Imported exports cover: ${held.map(describeContext).join(' | ') || 'none'}.`;
}

export async function exportBounds(ws: Workspace, legacy: boolean): Promise<{ firstDay: string | null; lastDay: string | null }> {
  const row = await ws.one<{ first: string | null; last: string | null }>(
    `SELECT CAST(min(date_from) AS VARCHAR) AS first, CAST(max(date_to) AS VARCHAR) AS last FROM export_snapshots WHERE legacy = $legacy`,
    { legacy },
  );
  return { firstDay: row?.first ? clampDay(row.first) : null, lastDay: row?.last ? clampDay(row.last) : null };
}
