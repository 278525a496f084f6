/**
 * The cleaning rules of Pinterest's Pin stats help text, as SQL over the raw tables:
 * - re-saves inherit image and URL from their parent chain;
 * - Pins sharing image_signature and destination_url are one Pin group;
 * - a group is in scope when one of its Pins was created by a claimed profile or links to a claimed website;
 * - duplicate events (same event_id; without one, same time, type, Pin and user) and spam users are removed.
 * Identifiers here are fixed; the only value (the time zone) is validated before it is inlined.
 */
import type { EventType } from '../../../shared/dump-columns';
import { DERIVED_THROUGH_KEY } from '../db/import-ids';
import { COUNTERS, ROLLUP_COUNTERS, type CounterDef, type RollupCounter } from '../../../shared/metrics';

/** Host of a URL, lower-case, without a leading "www.". */
const host = (expr: string): string =>
  `regexp_replace(lower(regexp_extract(${expr}, '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)', 1)), '^www\\.', '')`;

/** Order of Pin ids: numerically when both are numbers, else as text. */
export const PIN_ID_ORDER = (col: string): string => `TRY_CAST(${col} AS HUGEINT) NULLS LAST, ${col}`;

export const pinDimSql = (suffix = ''): string => `
CREATE OR REPLACE TABLE pin_dim${suffix} AS
WITH RECURSIVE chain(pin_id, ancestor, depth) AS (
  SELECT pin_id, pin_id, 0 FROM pins
  UNION ALL
  SELECT c.pin_id, p.parent_pin_id, c.depth + 1
  FROM chain c JOIN pins p ON p.pin_id = c.ancestor
  WHERE p.parent_pin_id IS NOT NULL AND p.parent_pin_id <> '' AND c.depth < 64
),
inherited AS (
  SELECT c.pin_id,
         arg_min(a.image_signature, c.depth) FILTER (WHERE a.image_signature IS NOT NULL AND a.image_signature <> '') AS image_signature,
         arg_min(a.destination_url, c.depth) FILTER (WHERE a.destination_url IS NOT NULL AND a.destination_url <> '') AS destination_url
  FROM chain c JOIN pins a ON a.pin_id = c.ancestor
  GROUP BY c.pin_id
),
resolved AS (
  SELECT p.pin_id, i.image_signature, i.destination_url, ${host('i.destination_url')} AS host,
         p.board_id, p.creator_id, p.created_at, p.parent_pin_id, p.title,
         CASE WHEN lower(p.pin_format) IN ('video', 'carousel') THEN lower(p.pin_format) ELSE 'standard' END AS format,
         CASE WHEN i.image_signature IS NULL OR i.destination_url IS NULL THEN 'pin:' || p.pin_id
              ELSE 'sig:' || i.image_signature || chr(1) || i.destination_url END AS group_sig
  FROM pins p JOIN inherited i USING (pin_id)
)
SELECT CAST(row_number() OVER (ORDER BY ${PIN_ID_ORDER('pin_id')}) AS INTEGER) AS pin_key, hash(pin_id) AS pin_hash,
       CAST(dense_rank() OVER (ORDER BY group_sig) AS INTEGER) AS group_key,
       pin_id, image_signature, destination_url, host, board_id, creator_id, created_at, parent_pin_id, title,
       format::VARCHAR AS format,
       CASE WHEN creator_id IN (SELECT value FROM accounts WHERE type = 'profile') THEN 'yours' ELSE 'others' END AS source
FROM resolved`;

export const groupAccountsSql = (suffix = ''): string => `
CREATE OR REPLACE TABLE group_accounts${suffix} AS
SELECT DISTINCT d.group_key, a.account_id
FROM pin_dim${suffix} d JOIN accounts a
  ON (a.type = 'profile' AND d.creator_id = a.value)
  OR (a.type = 'website' AND d.host IS NOT NULL AND d.host = ${host("'https://' || regexp_replace(a.value, '^[A-Za-z]+://', '')")})`;

/** The group's face in top lists: its earliest-created Pin, ties broken by the smallest id. */
export const groupDimSql = (suffix = ''): string => `
CREATE OR REPLACE TABLE group_dim${suffix} AS
SELECT group_key,
       arg_min(pin_id, (created_at, TRY_CAST(pin_id AS HUGEINT), pin_id)) AS rep_pin_id,
       min(created_at) AS first_created_at,
       count(*)::INTEGER AS size,
       group_key IN (SELECT group_key FROM group_accounts${suffix}) AS in_scope
FROM pin_dim${suffix} GROUP BY group_key`;

export function dayExpression(timeZone: string, column = 'e.event_time'): string {
  if (timeZone === 'UTC') return `CAST(${column} AS DATE)`;
  // ICU: read the stored UTC timestamp as an instant, then take the calendar day in the workspace's zone.
  return `CAST(timezone('${timeZone.replaceAll("'", "''")}', ${column} AT TIME ZONE 'UTC') AS DATE)`;
}

/**
 * The rowids of the raw rows among imports at or after $firstNew that duplicate another row (same event_id;
 * without one, same time, type, Pin and user). Of each event the row of the earliest import is kept, and
 * within one import the first in the order of its values: rows are not kept in file order (the import writes
 * them in parallel), so the choice depends on the data alone and a re-import gives the same numbers.
 * Only duplicated keys are carried: a first import groups its ids once; a later import also looks for its ids
 * among the earlier rows. Rows of earlier imports are never marked here (they were judged when they came).
 */
function duplicateRowsSelect(hasOlder: boolean): string {
  const idless = ['event_time', 'event_type', 'pin_id', 'user_id'];
  // One hash per row over the key that defines the event: its id, or without one its time, type, Pin and user.
  // Rows sharing a hash are candidates; the window below partitions them by the key itself, so that two keys
  // with the same hash are never taken for one event.
  const keyHash = (a = '') =>
    `CASE WHEN ${a}event_id IS NULL THEN hash(${idless.map((c) => a + c).join(', ')}) ELSE hash(${a}event_id) END`;
  const hashes = hasOlder
    ? `SELECT h FROM (SELECT ${keyHash()} AS h FROM events) WHERE h IN (SELECT ${keyHash()} FROM events WHERE import_id >= $firstNew)`
    : `SELECT ${keyHash()} AS h FROM events WHERE import_id >= $firstNew`;
  // Hashes that occur more than once: sorting and comparing neighbours is faster here than grouping ~all-distinct keys.
  const candidates = `SELECT DISTINCT h FROM (SELECT h, lag(h) OVER (ORDER BY h) AS previous FROM (${hashes})) WHERE h = previous`;
  const idlessPart = idless.map((c) => `CASE WHEN e.event_id IS NULL THEN e.${c} END`);
  const order = [
    'e.import_id',
    ...idless.map((c) => `e.${c}`),
    ...['app_type', 'content_type', 'watch_ms', 'progress_pct', 'in_view_pct'].map((c) => `e.${c} NULLS FIRST`),
  ];
  return `
SELECT rid FROM (
  SELECT e.rowid AS rid, e.import_id,
         row_number() OVER (PARTITION BY e.event_id, ${idlessPart.join(', ')} ORDER BY ${order.join(', ')}) AS rn
  FROM events e
  WHERE ${keyHash('e.')} IN (${candidates})
) WHERE rn > 1 AND import_id >= $firstNew`;
}

/**
 * Marks the duplicates among the raw rows of imports at or after $firstNew (is_duplicate = true). Whether a row
 * duplicates another depends on the events alone, so a mark stays valid when Pins, accounts or spam users change.
 */
export const markDuplicatesSql = (hasOlder: boolean): string =>
  `UPDATE events SET is_duplicate = true WHERE rowid IN (${duplicateRowsSelect(hasOlder)})`;

/** The spam users, by the hash events carry. */
export const spamDimSql = (suffix = ''): string => `
CREATE OR REPLACE TABLE spam_dim${suffix} AS SELECT DISTINCT hash(user_id) AS user_hash FROM spam_users`;

/** Pins whose group is in scope, with their keys and attributes (a small table). */
const inScopePins = (suffix: string) =>
  `(SELECT d.pin_id, d.pin_hash, d.pin_key, d.group_key, d.source, d.format FROM pin_dim${suffix} d JOIN group_dim${suffix} g USING (group_key) WHERE g.in_scope)`;

/**
 * The cleaned events among the raw rows that `importWhere` (a condition on e.import_id) picks: duplicates, spam
 * users and out-of-scope Pins left out, with the Pin's keys and attributes. `suffix` picks the Pin tables ('' or
 * '_next'). Nothing is copied: the view events_clean and the rollup read the raw events through this.
 * Events meet their Pin by the 64-bit hash of the Pin id, stored with each event: an integer join instead of a
 * text one over every event (the same kind of hash already stands for the user in distinct counts). With a
 * million known Pins and a million other Pin ids in the events, the chance that any of them share a hash is
 * about 1 in 18 million.
 */
export function cleanEventsSelect(timeZone: string, suffix: string, importWhere: string): string {
  return `
SELECT ${dayExpression(timeZone)} AS day, e.event_time, e.event_type, d.pin_key, d.group_key,
       CAST(d.source AS source_kind) AS source, CAST(d.format AS format_kind) AS format, e.content_type, e.app_type,
       e.user_hash, e.watch_ms, e.progress_pct, e.in_view_pct, e.import_id, e.event_id, e.pin_id, e.user_id
FROM events e
JOIN ${inScopePins(suffix)} d ON d.pin_hash = e.pin_hash
WHERE ${importWhere} AND e.is_duplicate IS NULL AND e.user_hash NOT IN (SELECT user_hash FROM spam_dim${suffix})`;
}

export { DERIVED_THROUGH_KEY };

/** The cleaned events of every derived import, as the views and the Pin stats read them. */
export const cleanEventsViewSql = (timeZone: string): string => `
CREATE OR REPLACE VIEW events_clean AS ${cleanEventsSelect(
  timeZone,
  '',
  `e.import_id <= (SELECT CAST(value AS INTEGER) FROM pinsight_meta WHERE key = '${DERIVED_THROUGH_KEY}')`,
)}`;

/**
 * The daily rollup of the cleaned events `clean` (a subquery from cleanEventsSelect): grouped by day, Pin,
 * content type and device (the group, source and format follow from the Pin and are joined to the much
 * smaller result), each row tagged $tag.
 */
export function rollupSelect(clean: string, suffix: string): string {
  return `
SELECT r.day, r.pin_key, d.group_key, CAST(d.source AS source_kind) AS source, CAST(d.format AS format_kind) AS format, r.content_type, r.app_type,
       ${COUNTER_NAMES.map((n) => `r.${n}`).join(', ')}, CAST($tag AS INTEGER) AS import_id
FROM (SELECT day, pin_key, content_type, app_type, ${COUNTER_SELECT} FROM ${clean} GROUP BY ALL) r
JOIN pin_dim${suffix} d USING (pin_key)`;
}

/**
 * The overview's rollup: the daily rollup summed over Pins, one row per day and combination of the filter
 * dimensions (a few dozen a day). Overview figures without a claimed-account filter read this instead of the
 * per-Pin rows. `where` picks the rollup rows to sum (all of them, or an appended import's by its tag).
 */
export function comboRollupSelect(suffix: string, where = 'true'): string {
  return `
SELECT day, content_type, app_type, source, format, ${COUNTER_NAMES.map((n) => `CAST(sum(${n}) AS BIGINT) AS ${n}`).join(', ')}, import_id
FROM rollup_daily${suffix} WHERE ${where}
GROUP BY day, content_type, app_type, source, format, import_id`;
}

/**
 * An event type as a constant of the event_type ENUM: compared with the stored column as codes. A text constant
 * would make DuckDB cast every event's type to text first.
 */
export const eventTypeSql = (t: EventType): string => `CAST('${t}' AS event_type)`;

/** One counter of the catalogue as an aggregate over events (shared/metrics.ts COUNTERS). */
function counterSql(def: CounterDef): string {
  const conditions = [
    `event_type = ${eventTypeSql(def.eventType)}`,
    ...Object.entries(def.atLeast ?? {}).map(([field, min]) => `${field} >= ${Number(min)}`),
  ];
  const where = conditions.join(' AND ');
  return def.sum ? `coalesce(sum(${def.sum}) FILTER (WHERE ${where}), 0)` : `count(*) FILTER (WHERE ${where})`;
}

/** Per-event counters; the rollup sums them. Shared with the real-time (uncleaned) Pin stats. */
export const COUNTER_EXPRESSIONS: Record<RollupCounter, string> = Object.fromEntries(
  ROLLUP_COUNTERS.map((c) => [c, counterSql(COUNTERS[c])]),
) as Record<RollupCounter, string>;

export const COUNTER_SELECT = Object.entries(COUNTER_EXPRESSIONS)
  .map(([name, expr]) => `CAST(${expr} AS BIGINT) AS ${name}`)
  .join(',\n       ');

export const COUNTER_NAMES = Object.keys(COUNTER_EXPRESSIONS);

/** Events of imports at or after $firstNew on Pins that are unknown or belong to no claimed account. */
export const outOfScopeCountSql = (suffix: string): string => `
SELECT count(*) FROM events e
WHERE e.import_id >= $firstNew AND e.pin_hash NOT IN (SELECT pin_hash FROM ${inScopePins(suffix)})`;
