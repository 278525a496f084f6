/**
 * Reads a dump file through DuckDB as text columns with canonical names and a row number, whatever its
 * format. Every value arrives as VARCHAR so that validation can say exactly what was wrong with it.
 */
import { sqlString } from '../db/duckdb-values';
import type { Workspace } from '../db/workspace';
import type { FileFormat } from './input-files';
import { normaliseColumnName } from '../../../shared/dump-columns';
import { csvHeader } from './text/text-decoding';

/** Lines before the first data row: the header line of a CSV. */
export const HEADER_LINES: Record<FileFormat, number> = { csv: 1, json: 0, parquet: 0 };

export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * The CSV reader with the header read by us: explicit columns (text unless `types` names a type for a file
 * column) and no dialect sniffing, which gives up on files with irregular rows. Rows with the wrong number of
 * fields, or a value the column's type cannot hold, go to the rejects table with their line.
 */
export interface CsvReaderOptions {
  /** Rows the reader refuses go to the tables <rejectsId>_errors and <rejectsId>_scans. */
  rejectsId?: string;
  /** SQL type per file column; VARCHAR for the others. */
  types?: Record<string, string>;
  /** Skip refused rows silently (for a look at the first rows only). */
  ignoreErrors?: boolean;
}

export function csvReader(path: string, options: CsvReaderOptions = {}): string {
  const { rejectsId, types = {}, ignoreErrors = false } = options;
  const { delimiter, columns } = csvHeader(path);
  const struct = columns.map((c, i) => `${sqlString(c || `column${i}`)}: ${sqlString(types[c] ?? 'VARCHAR')}`).join(', ');
  const rejects = rejectsId ? `, store_rejects = true, rejects_table = '${rejectsId}_errors', rejects_scan = '${rejectsId}_scans'` : '';
  const ignore = ignoreErrors ? ', ignore_errors = true' : '';
  return `read_csv(${sqlString(path)}, columns = {${struct}}, auto_detect = false, header = true, delim = ${sqlString(delimiter)}, quote = '"', escape = '"'${rejects}${ignore})`;
}

export async function readColumns(ws: Workspace, path: string, format: FileFormat): Promise<string[]> {
  if (format === 'json') {
    const rows = await ws.all<{ k: string }>(
      `SELECT DISTINCT unnest(json_keys(json)) AS k
       FROM (SELECT json FROM read_ndjson_objects(${sqlString(path)}, ignore_errors = true) WHERE json IS NOT NULL LIMIT 10000)`,
    );
    return rows.map((r) => r.k);
  }
  if (format === 'csv') return csvHeader(path).columns;
  const rows = await ws.all<{ column_name: string }>(`DESCRIBE SELECT * FROM read_parquet(${sqlString(path)})`);
  return rows.map((r) => r.column_name);
}

/**
 * SELECT rn, bad_row, <canonical columns as VARCHAR> from the file. `mapping` is canonical -> file column;
 * canonical columns the file lacks come out as NULL.
 */
export function sourceSelect(
  path: string,
  format: FileFormat,
  canonical: readonly string[],
  mapping: Record<string, string>,
  rejectsId: string,
  fileColumns: readonly string[] = [],
  numbered = true,
  /** Skip rows the reader refuses instead of storing them (a second pass, whose rejects are already known). */
  skipRefused = false,
): string {
  const jsonKey = (k: string) => `json_extract_string(json, ${sqlString(`$."${k.replaceAll('"', '\\"')}"`)})`;
  const cols = canonical.map((c) => {
    const src = mapping[c];
    if (!src) return `CAST(NULL AS VARCHAR) AS ${c}`;
    if (format === 'json') {
      // Each JSON object may spell a key its own way: take whichever spelling the object has.
      const spellings = fileColumns.filter((k) => normaliseColumnName(k) === normaliseColumnName(src));
      const keys = spellings.length ? spellings : [src];
      return `${keys.length > 1 ? `coalesce(${keys.map(jsonKey).join(', ')})` : jsonKey(keys[0] ?? src)} AS ${c}`;
    }
    return `CAST(${ident(src)} AS VARCHAR) AS ${c}`;
  });
  // Numbering rows keeps the scan in order (and on one thread): only done when line numbers are needed.
  const rn = numbered ? 'row_number() OVER () AS rn' : '0 AS rn';
  if (format === 'json') {
    return `SELECT ${rn}, json IS NULL AS bad_row, ${cols.join(', ')} FROM read_ndjson_objects(${sqlString(path)}, ignore_errors = true)`;
  }
  const reader =
    format === 'csv' ? csvReader(path, skipRefused ? { ignoreErrors: true } : { rejectsId }) : `read_parquet(${sqlString(path)})`;
  return `SELECT ${rn}, false AS bad_row, ${cols.join(', ')} FROM ${reader}`;
}

/** Rows the CSV reader itself refused (wrong number of fields, bad quoting), with their line numbers. */
export async function readerRejects(ws: Workspace, rejectsId: string): Promise<{ line: number; reason: string }[]> {
  if (!(await ws.hasTable(`${rejectsId}_errors`))) return [];
  const rows = await ws.all<{ line: number; column_name: string | null; error_message: string }>(
    `SELECT line, column_name, error_message FROM ${rejectsId}_errors ORDER BY line`,
  );
  await dropReaderRejects(ws, rejectsId);
  const seen = new Set<number>();
  return rows
    .filter((r) => !seen.has(r.line) && seen.add(r.line))
    .map((r) => ({ line: r.line, reason: `${r.column_name ? `${r.column_name}: ` : ''}${r.error_message}` }));
}

/** Drops the reader's reject tables of one read. */
export async function dropReaderRejects(ws: Workspace, rejectsId: string): Promise<void> {
  await ws.run(`DROP TABLE IF EXISTS ${rejectsId}_errors`);
  await ws.run(`DROP TABLE IF EXISTS ${rejectsId}_scans`);
}

/**
 * Maps row numbers to file lines, given the lines the reader dropped: every dropped line at or before a row
 * moves it one line down. The k-th dropped line L moves the rows with rn >= L - header - k.
 */
export function lineMapper(format: FileFormat, droppedLines: number[]): (rn: number) => number {
  const header = HEADER_LINES[format];
  const thresholds = [...droppedLines].sort((a, b) => a - b).map((line, k) => line - header - k);
  return (rn) => {
    let lo = 0;
    let hi = thresholds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((thresholds[mid] ?? Infinity) <= rn) lo = mid + 1;
      else hi = mid;
    }
    return rn + header + lo;
  };
}

/** How many data rows the file has, read as cheaply as DuckDB can (no parsing of values). */
export async function countRows(ws: Workspace, path: string, format: FileFormat, rejectsId: string): Promise<number> {
  const reader =
    format === 'json'
      ? `read_ndjson_objects(${sqlString(path)}, ignore_errors = true)`
      : format === 'csv'
        ? csvReader(path, { rejectsId: `${rejectsId}_count` })
        : `read_parquet(${sqlString(path)})`;
  const n = (await ws.value<number>(`SELECT count(*) FROM ${reader}`)) ?? 0;
  if (format === 'csv') await dropReaderRejects(ws, `${rejectsId}_count`);
  return n;
}
