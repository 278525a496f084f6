/** Finding the export snapshots that match a filter selection, and describing them. */
import { clampDay } from '../../../shared/dates';
import type { Filters } from '../../../shared/filters';
import type { Workspace } from '../db/workspace';

export interface SnapshotInfo {
  snapshot_id: number;
  file: string;
  date_from: string;
  date_to: string;
  content_type: string;
  device: string;
  source: string;
  format: string;
  accounts: string;
  legacy: boolean;
}

/** SQL condition on export_snapshots (alias s) for exactly this filter selection; every value bound. */
export function contextMatch(filters: Filters, prefix = 'ctx'): { sql: string; params: Record<string, string> } {
  return {
    sql: `s.content_type = $${prefix}_ct AND s.device = $${prefix}_dev AND s.source = $${prefix}_src AND s.format = $${prefix}_fmt AND s.accounts = $${prefix}_acc AND NOT s.legacy`,
    params: {
      [`${prefix}_ct`]: filters.contentType,
      [`${prefix}_dev`]: filters.device,
      [`${prefix}_src`]: filters.source,
      [`${prefix}_fmt`]: filters.format,
      [`${prefix}_acc`]: [...filters.accounts].sort().join('\n'),
    },
  };
}

export async function snapshotsById(ws: Workspace, ids: number[]): Promise<SnapshotInfo[]> {
  if (!ids.length) return [];
  return ws.all<SnapshotInfo>(
    `SELECT snapshot_id, file, CAST(date_from AS VARCHAR) AS date_from, CAST(date_to AS VARCHAR) AS date_to, content_type, device, source, format, accounts, legacy
     FROM export_snapshots WHERE snapshot_id IN (${ids.map((_, i) => `$s${i}`).join(', ')}) ORDER BY snapshot_id`,
    Object.fromEntries(ids.map((id, i) => [`s${i}`, id])),
  );
}

export function describeContext(c: { content_type: string; device: string; source: string; format: string; accounts: string }): string {
  const accounts = c.accounts ? c.accounts.split('\n').join(', ') : 'all';
  return `content type ${c.content_type}, device ${c.device}, source ${c.source}, format ${c.format}, accounts ${accounts}`;
}

export function describeSnapshots(list: SnapshotInfo[]): string {
  return list
    .map((s) => `${s.date_from} to ${s.date_to} (${describeContext(s)}; ${s.file.split(/[\\/]/).pop()})`)
    .join('; ');
}

/** Says that no export matches, and which selections the workspace holds. */
export async function noMatchDetail(ws: Workspace, filters: Filters): Promise<string> {
  const held = await ws.all<SnapshotInfo>(
    `SELECT DISTINCT content_type, device, source, format, accounts FROM export_snapshots WHERE NOT legacy ORDER BY ALL`,
  );
  const wanted = describeContext({ content_type: filters.contentType, device: filters.device, source: filters.source, format: filters.format, accounts: [...filters.accounts].sort().join('\n') });
  return `No imported Analytics export matches these filters (${wanted}). Imported exports cover: ${held.map(describeContext).join(' | ') || 'none'}.`;
}

export async function exportBounds(ws: Workspace, legacy: boolean): Promise<{ firstDay: string | null; lastDay: string | null }> {
  const row = await ws.one<{ first: string | null; last: string | null }>(
    `SELECT CAST(min(date_from) AS VARCHAR) AS first, CAST(max(date_to) AS VARCHAR) AS last FROM export_snapshots WHERE legacy = $legacy`,
    { legacy },
  );
  return { firstDay: row?.first ? clampDay(row.first) : null, lastDay: row?.last ? clampDay(row.last) : null };
}
