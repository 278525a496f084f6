/**
 * The fast path of an events import: DuckDB's own readers parse each value straight into its type (CSV with
 * explicit column types; Parquet as stored; JSON Lines by key, cast in SQL), and the rows are written once. A
 * row that would be rejected is written with a negated import id instead of being judged on the way; when there is any such row, or a value the
 * CSV reader could not convert, the rows are taken out again and the caller imports the file by the text path,
 * which says for every bad row its line and its reason. Rows with the wrong number of fields are the CSV
 * reader's own rejects, with their lines, on both paths.
 */
import { sqlString } from '../db/duckdb-values';
import type { Workspace } from '../db/workspace';
import { csvReader, dropReaderRejects, ident, readerRejects } from './read-source';
import { badOffsetSql, outsideWindowSql, WATCH_MS_MAX } from './validate-rows';
import type { InputFile } from './input-files';
import { normaliseColumnName } from '../../../shared/dump-columns';
import { restoreSql } from '../../../shared/formula-guard';

export interface FastResult {
  rows: number;
  /** Lines the CSV reader refused for their shape (wrong number of fields, bad quoting). */
  dropped: { line: number; reason: string }[];
}

type TimeMode = 'iso' | 'epoch';

/** A SELECT with the typed t_ columns insertTyped() reads, and its condition for values lost in the typing. */
interface TypedSource {
  relation: string;
  extraBad: string;
}

/** Placeholders that keep NOT NULL columns satisfied on rows that are flagged and taken out again. */
const flaggedRowPlaceholders = {
  event_time: `TIMESTAMP '1970-01-01'`,
  event_type: `'impression'`,
  text: `''`,
};

const surroundingSpace = (c: string) => `${c} LIKE ' %' OR ${c} LIKE '% '`;

/**
 * INSERT INTO events from a relation whose columns are already typed: t_event_time TIMESTAMP, t_event_type
 * event_type, t_app_type app_type, t_content_type content_type, the three ids as VARCHAR and the numbers as
 * DOUBLE, plus `extra_bad` (a boolean SQL condition for values the typing turned into NULL).
 */
function insertTyped(relation: string, extraBad: string): string {
  // The ids lose the formula guard of Pinsight's own CSV export once, before every use below.
  const bad = [
    't_event_time IS NULL',
    't_event_type IS NULL',
    't_pin_id IS NULL',
    't_user_id IS NULL',
    // An empty text is no value: the text path reads it as missing (ids) or absent (event_id).
    "t_pin_id = '' OR t_user_id = '' OR t_event_id = ''",
    surroundingSpace('t_pin_id'),
    surroundingSpace('t_user_id'),
    surroundingSpace('t_event_id'),
    outsideWindowSql('t_event_time'),
    `t_watch_ms < 0 OR t_watch_ms > ${WATCH_MS_MAX}`,
    't_progress_pct < 0 OR t_progress_pct > 100',
    't_in_view_pct < 0 OR t_in_view_pct > 100',
    extraBad,
  ].join(' OR ');
  return `
INSERT INTO events
SELECT t_event_id, coalesce(t_event_time, ${flaggedRowPlaceholders.event_time}), coalesce(t_event_type, ${flaggedRowPlaceholders.event_type}),
       coalesce(t_pin_id, ${flaggedRowPlaceholders.text}), coalesce(t_user_id, ${flaggedRowPlaceholders.text}), t_app_type,
       coalesce(t_content_type, 'organic'), TRY_CAST(round(t_watch_ms) AS INTEGER), t_progress_pct, t_in_view_pct,
       CASE WHEN ${bad} THEN -$importId ELSE $importId END, hash(coalesce(t_user_id, ${flaggedRowPlaceholders.text})),
       hash(coalesce(t_pin_id, ${flaggedRowPlaceholders.text})), NULL
FROM (SELECT * REPLACE (${restoreSql('t_event_id')} AS t_event_id, ${restoreSql('t_pin_id')} AS t_pin_id, ${restoreSql('t_user_id')} AS t_user_id)
      FROM (${relation}))`;
}

/**
 * Epoch milliseconds or ISO-8601, judged by the first thousand values of `column` (text) in the reader `from`;
 * null when the file mixes them.
 */
async function timeMode(ws: Workspace, from: string, column: string): Promise<TimeMode | null> {
  const row = await ws.one<{ n: number; epoch: number }>(
    `SELECT count(t) AS n, count(t) FILTER (WHERE regexp_full_match(trim(t), '-?[0-9]+')) AS epoch
     FROM (SELECT ${ident(column)} AS t FROM ${from} LIMIT 1000)`,
  );
  if (!row || row.epoch === 0) return 'iso';
  return row.epoch === row.n ? 'epoch' : null;
}

/** `desktop` is Pinterest's word for web; other spellings are judged by the text path. */
const deviceCast = (c: string) => `TRY_CAST(CASE ${c} WHEN 'desktop' THEN 'web' ELSE ${c} END AS app_type)`;

async function csvRelation(
  ws: Workspace,
  file: InputFile,
  mapping: Record<string, string>,
  rejectsId: string,
): Promise<TypedSource | null> {
  const mode = await timeMode(ws, csvReader(file.path, { ignoreErrors: true }), mapping.event_time ?? 'event_time');
  if (!mode) return null;
  const types: Record<string, string> = {};
  const typeOf: Record<string, string> = {
    // ISO times as text, cast in SQL: DuckDB's reader would accept an offset no place has (+99:00).
    event_time: mode === 'epoch' ? 'BIGINT' : 'VARCHAR',
    event_type: 'event_type',
    content_type: 'content_type',
    watch_ms: 'DOUBLE',
    progress_pct: 'DOUBLE',
    in_view_pct: 'DOUBLE',
  };
  for (const [canonical, type] of Object.entries(typeOf)) if (mapping[canonical]) types[mapping[canonical]] = type;
  const col = (c: string) => (mapping[c] ? ident(mapping[c]) : 'NULL');
  const isoTime = `make_timestamp(epoch_us(TRY_CAST(${col('event_time')} AS TIMESTAMPTZ)))`;
  const time = mapping.event_time ? (mode === 'epoch' ? `epoch_ms(${col('event_time')})` : isoTime) : 'NULL';
  const timeBad = mode === 'iso' && mapping.event_time ? ` OR ${badOffsetSql('raw_event_time')}` : '';
  const relation = `
SELECT ${col('event_id')} AS t_event_id, ${time} AS t_event_time, ${mode === 'iso' ? col('event_time') : 'NULL'} AS raw_event_time, ${col('event_type')} AS t_event_type, ${col('pin_id')} AS t_pin_id,
       ${col('user_id')} AS t_user_id, ${mapping.app_type ? deviceCast(col('app_type')) : 'NULL'} AS t_app_type, ${col('app_type')} AS raw_app_type,
       ${col('content_type')} AS t_content_type, ${col('watch_ms')} AS t_watch_ms, ${col('progress_pct')} AS t_progress_pct,
       ${col('in_view_pct')} AS t_in_view_pct
FROM ${csvReader(file.path, { rejectsId, types })}`;
  return { relation, extraBad: `(t_app_type IS NULL AND raw_app_type IS NOT NULL)${timeBad}` };
}

/**
 * A relation over `from` (a reader) that casts each canonical column from whatever type it has, flagging a row
 * whose value was present but could not be cast (`lost_value`).
 */
function castRelation(from: string, mapping: Record<string, string>, time: string, timeIsText = false): TypedSource {
  const col = (c: string) => (mapping[c] ? ident(mapping[c]) : 'NULL');
  const text = (c: string) => (mapping[c] ? `CAST(${col(c)} AS VARCHAR)` : 'NULL');
  const casts: [string, string, string][] = [
    ['event_type', 't_event_type', `TRY_CAST(${col('event_type')} AS event_type)`],
    ['app_type', 't_app_type', mapping.app_type ? deviceCast(col('app_type')) : 'NULL'],
    ['content_type', 't_content_type', `TRY_CAST(${col('content_type')} AS content_type)`],
    ['watch_ms', 't_watch_ms', `TRY_CAST(${col('watch_ms')} AS DOUBLE)`],
    ['progress_pct', 't_progress_pct', `TRY_CAST(${col('progress_pct')} AS DOUBLE)`],
    ['in_view_pct', 't_in_view_pct', `TRY_CAST(${col('in_view_pct')} AS DOUBLE)`],
  ];
  const lost = casts.filter(([source]) => mapping[source]).map(([source, name]) => `(${name} IS NULL AND ${col(source)} IS NOT NULL)`);
  if (timeIsText) lost.push(badOffsetSql(`trim(${col('event_time')})`));
  const relation = `
SELECT ${text('event_id')} AS t_event_id, ${time} AS t_event_time, ${text('pin_id')} AS t_pin_id, ${text('user_id')} AS t_user_id,
       ${casts.map(([, name, expr]) => `${expr} AS ${name}`).join(', ')},
       ${lost.length ? lost.join(' OR ') : 'false'} AS lost_value
FROM ${from}`;
  return { relation, extraBad: 'lost_value' };
}

/** Parquet columns keep their stored types: each canonical column is cast from whatever it is. */
async function parquetRelation(ws: Workspace, file: InputFile, mapping: Record<string, string>): Promise<TypedSource | null> {
  const from = `read_parquet(${sqlString(file.path)})`;
  const described = await ws.all<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${from}`);
  const mappedTypes = described.filter((d) => Object.values(mapping).includes(d.column_name)).map((d) => d.column_type);
  // Lists, structs and maps have no cast to a number or a category: the text path judges them.
  if (mappedTypes.some((type) => /[[\]]|^(STRUCT|MAP|UNION)\b/.test(type))) return null;
  const t = described.find((d) => d.column_name === mapping.event_time)?.column_type ?? '';
  const c = ident(mapping.event_time ?? 'event_time');
  const time = /^TIMESTAMP WITH TIME ZONE$/.test(t)
    ? `make_timestamp(epoch_us(${c}))`
    : /^TIMESTAMP/.test(t)
      ? `CAST(${c} AS TIMESTAMP)`
      : /INT/.test(t)
        ? `epoch_ms(CAST(${c} AS BIGINT))`
        : t === 'VARCHAR'
          ? `make_timestamp(epoch_us(TRY_CAST(${c} AS TIMESTAMPTZ)))`
          : null;
  return time ? castRelation(from, mapping, time, t === 'VARCHAR') : null;
}

/**
 * JSON Lines: DuckDB's reader with the file's own key for each canonical column, every value as text. A line
 * that is not a JSON object comes out as a row of NULLs (flagged); a key spelled two ways needs the text path.
 */
async function jsonRelation(
  ws: Workspace,
  file: InputFile,
  mapping: Record<string, string>,
  keys: readonly string[],
): Promise<TypedSource | null> {
  const mapped = Object.values(mapping);
  if (mapped.some((k) => keys.filter((other) => normaliseColumnName(other) === normaliseColumnName(k)).length > 1)) return null;
  const struct = mapped.map((k) => `${sqlString(k)}: 'VARCHAR'`).join(', ');
  const from = `read_json(${sqlString(file.path)}, format = 'newline_delimited', columns = {${struct}}, ignore_errors = true)`;
  const c = ident(mapping.event_time ?? 'event_time');
  const mode = await timeMode(ws, from, mapping.event_time ?? 'event_time');
  if (!mode) return null;
  const time = mode === 'epoch' ? `epoch_ms(TRY_CAST(${c} AS BIGINT))` : `make_timestamp(epoch_us(TRY_CAST(${c} AS TIMESTAMPTZ)))`;
  return castRelation(from, mapping, time, mode === 'iso');
}

/**
 * Imports an events file by the fast path, as import `importId`. Returns null, with nothing written, when the
 * file needs the text path (a value that only the text path can judge or accept, or a format without a fast path).
 */
export async function fastEventsInsert(
  ws: Workspace,
  file: InputFile,
  mapping: Record<string, string>,
  keys: readonly string[],
  importId: number,
  rejectsId: string,
): Promise<FastResult | null> {
  const source =
    file.format === 'csv'
      ? await csvRelation(ws, file, mapping, rejectsId)
      : file.format === 'parquet'
        ? await parquetRelation(ws, file, mapping)
        : await jsonRelation(ws, file, mapping, keys);
  if (!source) return null;
  // Events are kept in no particular order (duplicates are judged by their values, see derive/derive-sql.ts).
  const reader = await ws.unordered(() => ws.conn.runAndReadAll(insertTyped(source.relation, source.extraBad), { importId }));
  const written = Number(reader.getRows()[0]?.[0] ?? 0);
  const flagged = (await ws.value<number>(`SELECT count(*) FROM events WHERE import_id = -$importId`, { importId })) ?? 0;
  const castErrors = file.format === 'csv' ? await countCastRejects(ws, rejectsId) : 0;
  if (flagged > 0 || castErrors > 0) {
    await ws.run(`DELETE FROM events WHERE import_id = $importId OR import_id = -$importId`, { importId });
    await dropReaderRejects(ws, rejectsId);
    return null;
  }
  return { rows: written, dropped: await readerRejects(ws, rejectsId) };
}

async function countCastRejects(ws: Workspace, rejectsId: string): Promise<number> {
  if (!(await ws.hasTable(`${rejectsId}_errors`))) return 0;
  return (await ws.value<number>(`SELECT count(*) FROM ${rejectsId}_errors WHERE error_type = 'CAST'`)) ?? 0;
}
