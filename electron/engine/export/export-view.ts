/** Writes a view to CSV or Parquet. The file appears under its name only once it is complete. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { METRIC_IDS } from '../../../shared/metrics';
import type { QueryResult } from '../../../shared/results';
import { PinsightError } from '../../../shared/api';
import type { ExportSummary } from '../../../shared/results';
import type { Workspace } from '../db/workspace';
import { sqlString } from '../db/duckdb-values';
import { toCsv } from './csv-text';

export interface ViewTable {
  header: string[];
  rows: unknown[][];
}

/** Flattens a view result to a table with stable ids as headers. */
export function viewTable(result: QueryResult): ViewTable {
  if (result.view === 'overview') {
    const header = ['date', 'split', ...METRIC_IDS];
    return { header, rows: result.series.map((p) => header.map((h) => (p as unknown as Record<string, unknown>)[h] ?? null)) };
  }
  if (result.view === 'legacy') {
    const header = ['date', ...result.metrics];
    return { header, rows: result.series.map((p) => header.map((h) => p[h] ?? null)) };
  }
  if (result.view === 'pin') {
    const blocks = result.phase === 'real-time' ? { real_time: result.real_time! } : { last_24h: result.last_24h!, final: result.final! };
    const header = ['pin_id', 'phase', 'as_of', 'block', ...METRIC_IDS];
    return { header, rows: Object.entries(blocks).map(([name, b]) => [result.pin_id, result.phase, result.as_of, name, ...METRIC_IDS.map((id) => b[id])]) };
  }
  const labels = result.view === 'top-boards' ? ['board_id', 'name'] : ['pin_id', 'title', 'board_name', 'format', 'source'];
  const header = ['rank', ...labels, ...METRIC_IDS];
  return {
    header,
    rows: result.rows.map((r, i) => [i + 1, ...header.slice(1).map((h) => (r as Record<string, unknown>)[h] ?? null)]),
  };
}

export async function writeViewFile(ws: Workspace, table: ViewTable, out: string, format: 'csv' | 'parquet'): Promise<ExportSummary> {
  const partial = `${out}.partial-${process.pid}`;
  try {
    const csv = toCsv(table.header, table.rows);
    if (format === 'csv') {
      writeFileSync(partial, csv, 'utf8');
    } else {
      const staging = `${partial}.csv`;
      writeFileSync(staging, csv, 'utf8');
      try {
        await ws.run(
          `COPY (SELECT * FROM read_csv(${sqlString(staging)}, header = true, all_varchar = false)) TO ${sqlString(partial)} (FORMAT parquet)`,
        );
      } finally {
        rmSync(staging, { force: true });
      }
    }
    renameSync(partial, out);
  } catch (e) {
    rmSync(partial, { force: true });
    throw new PinsightError('bad-input', `Cannot write ${out}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { path: out, rows: table.rows.length, format };
}
