/**
 * Writes a view the way the user asked: CSV (headers as ids or in the UI language, optionally with the analytics
 * site's preamble so the file imports back with the same numbers) or Parquet. The file appears under its name
 * only when complete; a failed or cancelled export leaves nothing behind.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyticsLayoutProblem } from '../../../shared/analytics-layout';
import { PinsightError } from '../../../shared/api';
import { isMetricId, METRIC_IDS, type MetricId } from '../../../shared/metrics';
import type { ExportSummary, OverviewResult, QueryResult, TopResult } from '../../../shared/results';
import { sqlString } from '../db/duckdb-values';
import type { Workspace } from '../db/workspace';
import type { ExportContext } from '../ingest/analytics-export/export-types';
import { renderExport, type DocumentRow, type ExportDocument } from './write-analytics-layout';
import { toCsv } from './csv-text';
import { roundRows } from './csv-precision';
import { headerLabel, viewTable, type HeaderStyle, type ViewTable } from './view-table';

export interface ExportOptions {
  format: 'csv' | 'parquet';
  headers: HeaderStyle;
  /** Preamble lines stating the filters and range, as the analytics site's exports do. */
  preamble: boolean;
}

export function partialPath(out: string): string {
  return `${out}.partial-${process.pid}`;
}

/** Writes to a temporary name, renames when done, removes the partial file on any failure. */
export async function writeAtomically(out: string, write: (partial: string) => Promise<void>): Promise<void> {
  const partial = partialPath(out);
  try {
    await write(partial);
    renameSync(partial, out);
  } catch (e) {
    rmSync(partial, { force: true });
    if (e instanceof PinsightError) throw e;
    // The reason, in the user's terms: their file's name, never the temporary one, and no engine jargon.
    const reason = (e instanceof Error ? e.message : String(e))
      .replaceAll(partial, out)
      .replace(/^[A-Za-z ]*Error: /, '')
      .split('\n')[0];
    throw new PinsightError('bad-input', `Cannot write ${out}: ${(reason ?? '').slice(0, 300)}`);
  }
}

function contextOf(result: OverviewResult | TopResult, filters: ExportContext | Omit<ExportContext, 'from' | 'to'>): ExportContext {
  return { ...filters, from: result.range.from, to: result.range.to };
}

const metricsOf = (row: Record<string, unknown>, ids: readonly MetricId[]): DocumentRow =>
  Object.fromEntries(ids.map((id) => [id, (row[id] as number | null | undefined) ?? null]));

/** The view as an analytics-site export document, for views that have one. */
function asAnalyticsDocument(result: QueryResult, filters: Omit<ExportContext, 'from' | 'to'>): ExportDocument {
  if (result.view === 'overview') {
    const problem = analyticsLayoutProblem({ split: result.series.some((p) => p.split !== null), granularity: result.granularity });
    if (problem === 'split') {
      throw new PinsightError(
        'invalid-argument',
        'A split overview cannot carry the analytics preamble: export it without the preamble, or without the split',
      );
    }
    if (problem === 'interval')
      throw new PinsightError('invalid-argument', 'The analytics preamble goes with daily rows: export with daily granularity');
    return {
      report: 'Overview',
      context: contextOf(result, filters),
      sections: [
        {
          kind: 'daily',
          columns: ['date', ...METRIC_IDS],
          rows: result.series.map((p) => ({ date: p.date, ...metricsOf(p as unknown as Record<string, unknown>, METRIC_IDS) })),
          total: metricsOf(result.totals, METRIC_IDS),
        },
      ],
    };
  }
  if (result.view === 'top-pins' || result.view === 'top-video-pins' || result.view === 'top-boards') {
    const boards = result.view === 'top-boards';
    return {
      report: boards ? 'Top boards' : result.view === 'top-video-pins' ? 'Video' : 'Top Pins',
      context: contextOf(result, filters),
      sections: [
        {
          kind: boards ? 'topBoards' : result.view === 'top-video-pins' ? 'topVideoPins' : 'topPins',
          columns: boards ? ['board', ...METRIC_IDS] : ['pin_id', 'title', ...METRIC_IDS],
          rows: result.rows.map((r) => ({
            ...(boards ? { board: r.name ?? r.board_id ?? '' } : { pin_id: r.pin_id ?? '', title: r.title ?? '' }),
            ...metricsOf(r as Record<string, unknown>, METRIC_IDS),
          })),
        },
      ],
    };
  }
  throw new PinsightError('invalid-argument', `The ${result.view} view has no analytics export layout: export it without the preamble`);
}

/** The Parquet type of a view-table column. */
function columnType(column: string): string {
  const base = column.startsWith('b_') && column !== 'b_days_with_data' ? column.slice(2) : column;
  if (isMetricId(base) || ['a', 'b', 'change', 'change_pct', 'change_pp', 'daily_viewers', 'monthly_viewers'].includes(base))
    return 'DOUBLE';
  if (['rank', 'rank_b', 'rank_change', 'a_days_with_data', 'b_days_with_data', 'group_size'].includes(base)) return 'BIGINT';
  return 'VARCHAR';
}

/** A table with at least one number (a series of days without values is no data). */
function hasData(table: ViewTable): boolean {
  return table.rows.some((row) => row.some((v) => typeof v === 'number'));
}

export async function writeViewExport(
  ws: Workspace,
  result: QueryResult,
  filters: Omit<ExportContext, 'from' | 'to'>,
  out: string,
  options: ExportOptions,
): Promise<ExportSummary> {
  const table = viewTable(result);
  if (!hasData(table)) {
    throw new PinsightError(
      'not-found',
      `This view has no data for these filters and dates: nothing was exported (${basename(out)} was not written)`,
    );
  }
  await writeAtomically(out, async (partial) => {
    if (options.format === 'csv' && options.preamble) {
      const language = options.headers === 'sv' ? 'sv' : 'en';
      writeFileSync(
        partial,
        renderExport(asAnalyticsDocument(result, filters), {
          language,
          delimiter: language === 'sv' ? ';' : ',',
          encoding: 'utf8-bom',
          lineEnding: '\r\n',
          humanUnits: false,
          grouping: false,
        }),
      );
    } else if (options.format === 'csv') {
      writeFileSync(
        partial,
        `\uFEFF${toCsv(
          table.columns.map((c) => headerLabel(c, options.headers)),
          roundRows(table.columns, table.rows),
        )}`,
        'utf8',
      );
    } else {
      // Parquet keeps stable ids as column names; DuckDB reads the table back from a staging CSV.
      const staging = `${partial}.csv`;
      // Parquet keeps the values as they are: no formula guard in its staging text.
      writeFileSync(staging, toCsv(table.columns, table.rows, false), 'utf8');
      try {
        // Each column typed by what it holds (metrics DOUBLE, whatever their values), never guessed from the data.
        const types = table.columns.map((c) => `${sqlString(c)}: ${sqlString(columnType(c))}`).join(', ');
        await ws.run(
          `COPY (SELECT * FROM read_csv(${sqlString(staging)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${types}})) TO ${sqlString(partial)} (FORMAT parquet)`,
        );
      } finally {
        rmSync(staging, { force: true });
      }
    }
  });
  return { path: out, rows: table.rows.length, format: options.format };
}
