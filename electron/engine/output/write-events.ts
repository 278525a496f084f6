/**
 * Exports the final events that match the filters (duplicates and spam removed, in scope) in the dump format,
 * streamed by DuckDB's COPY: millions of rows never pass through JavaScript objects. The file imports back.
 */
import { basename } from 'node:path';
import { PinsightError } from '../../../shared/api';
import { neutraliseSql } from '../../../shared/formula-guard';
import type { QuerySpec } from '../../../shared/query';
import type { ExportSummary } from '../../../shared/results';
import { sqlString } from '../db/duckdb-values';
import type { Workspace } from '../db/workspace';
import { compileFilters } from '../query/compile/filters-sql';
import { eventBounds, resolveRange } from '../query/resolve-range';
import { writeAtomically } from './write-view-export';

export async function exportEvents(ws: Workspace, spec: QuerySpec, out: string, format: 'csv' | 'parquet'): Promise<ExportSummary> {
  const range = resolveRange(spec.filters, await eventBounds(ws));
  const where = compileFilters(spec.filters, range, '', 'events');
  // CSV text that a spreadsheet would run as a formula gets a guard apostrophe; Parquet keeps the values.
  const text = (c: string) => (format === 'csv' ? `${neutraliseSql(c)} AS ${c}` : c);
  const select = `
    SELECT ${text('event_id')}, strftime(event_time, '%Y-%m-%dT%H:%M:%S.%fZ') AS event_time, event_type, ${text('pin_id')}, ${text('user_id')},
           app_type, content_type, watch_ms, progress_pct, in_view_pct
    FROM events_clean
    WHERE ${where.sql}`;
  let rows = 0;
  await writeAtomically(out, async (partial) => {
    // Ids always quoted: a reader set to another delimiter (Excel in Swedish splits on ';') never splits them.
    const options = format === 'csv' ? '(HEADER, FORCE_QUOTE (event_id, pin_id, user_id))' : '(FORMAT parquet)';
    const reader = await ws.conn.runAndReadAll(`COPY (${select}) TO ${sqlString(partial)} ${options}`, where.params);
    rows = Number(reader.getRows()[0]?.[0] ?? 0);
    if (rows === 0)
      throw new PinsightError(
        'not-found',
        `No events match these filters and dates: nothing was exported (${basename(out)} was not written)`,
      );
  });
  return { path: out, rows, format };
}
