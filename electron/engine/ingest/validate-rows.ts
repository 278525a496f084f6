/**
 * Parsing and validation rules per dump kind, as SQL over the text columns of sourceSelect().
 * Each value is parsed once into a typed column (p_<name>); a row gets the first reason that applies, or NULL
 * when it is good; the insert copies the typed columns of good rows. Nothing is guessed.
 */
import type { DumpKind } from '../../../shared/dump-columns';
import { EVENT_TYPES } from '../../../shared/dump-columns';
import { CONTENT_TYPES, DEVICES, FORMATS } from '../../../shared/filters';
import { restoreSql } from '../../../shared/formula-guard';
import { DIMENSION_TABLES } from '../db/dimension-history';

const list = (values: readonly string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;
const text = (c: string) => `nullif(trim(${c}), '')`;
/** A short, printable excerpt of a bad value: never more than 60 characters of the file, control bytes as '?'. */
const quoted = (c: string) => `'"' || regexp_replace(left(trim(${c}), 60), '[\\x00-\\x1f\\x7f]', '?', 'g') || '"'`;

/** ISO-8601 with any offset or Z (no offset: UTC), or epoch milliseconds; NULL when unreadable. */
export const timeSql = (c: string) =>
  `coalesce(epoch_ms(TRY_CAST(trim(${c}) AS BIGINT)), CAST(TRY_CAST(trim(${c}) AS TIMESTAMPTZ) AS TIMESTAMP))`;

/**
 * The plausible window of event and Pin times: Pinterest did not exist before 2009, and a time more than a year
 * after the import is a broken clock or a typo. Rows outside it are rejected with their line, so that one bad
 * row can never carry a day that the views cannot show.
 */
export const FIRST_PLAUSIBLE_TIME = '2009-01-01';
export const outsideWindowSql = (ts: string) =>
  `(${ts} < TIMESTAMP '${FIRST_PLAUSIBLE_TIME}' OR ${ts} > CAST(current_date + INTERVAL 366 DAY AS TIMESTAMP))`;

/**
 * An offset no time zone has (beyond -14:00..+14:00, or minutes past 59), such as `+99:00`, which DuckDB would
 * otherwise read. Cheap for the common case: a time that ends in Z is never tested by the pattern.
 */
export const badOffsetSql = (t: string) =>
  `(right(${t}, 1) <> 'Z' AND regexp_matches(${t}, '[0-9]:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?\\s*[+-]((1[5-9]|[2-9][0-9])(:?[0-9]{2})?|14:?([0-5][1-9]|[1-5][0-9])|[0-9]{2}:?[6-9][0-9])$'))`;

/** A reason a row is rejected: when `fails` holds, the row is refused with `message`. */
export interface Check {
  fails: string;
  message: string;
}

const missing = (c: string): Check => ({ fails: `${text(c)} IS NULL`, message: `'${c}: missing value'` });
const badTime = (c: string): Check => ({
  fails: `p_${c} IS NULL AND ${text(c)} IS NOT NULL`,
  message: `'${c}: cannot read ' || ${quoted(c)} || ' as a time (ISO-8601 or epoch milliseconds)'`,
});
const badOffset = (c: string): Check => ({
  fails: badOffsetSql(`trim(${c})`),
  message: `'${c}: ' || ${quoted(c)} || ' has a time zone offset no place has (expected -14:00 to +14:00)'`,
});
const outsideWindow = (c: string): Check => ({
  fails: outsideWindowSql(`p_${c}`),
  message: `'${c}: ' || ${quoted(c)} || ' is outside the plausible time (${FIRST_PLAUSIBLE_TIME} to a year after the import)'`,
});
const unknown = (c: string, values: readonly string[]): Check => ({
  fails: `p_${c} IS NULL AND ${text(c)} IS NOT NULL`,
  message: `'${c}: unknown value ' || ${quoted(c)} || ' (expected ${values.join(', ')})'`,
});
const numberIn = (c: string, min: number, max: number | null): Check[] => [
  { fails: `p_${c} IS NULL AND ${text(c)} IS NOT NULL`, message: `'${c}: not a number: ' || ${quoted(c)}` },
  {
    fails: `p_${c} < ${min}${max === null ? '' : ` OR p_${c} > ${max}`}`,
    message: `'${c}: ' || ${quoted(c)} || ' is out of range (${min} to ${max ?? 'any'})'`,
  },
];
const number = (c: string) => `TRY_CAST(trim(${c}) AS DOUBLE)`;
const oneOf = (expr: string, values: readonly string[]) => `CASE WHEN ${expr} IN ${list(values)} THEN ${expr} END`;

/** The largest watch time a row may carry (the column is a 32-bit integer of milliseconds, about 24 days). */
export const WATCH_MS_MAX = 2147483647;

/** `desktop` is Pinterest's own word for web. */
const deviceSql = (c: string) => `CASE lower(${text(c)}) WHEN 'desktop' THEN 'web' ELSE lower(${text(c)}) END`;

export interface KindRules {
  canonical: readonly string[];
  /** Typed columns computed once per row: [name, expression over the text columns]. */
  parsed: [string, string][];
  /** In order: a row gets the message of the first check it fails. */
  reasons: Check[];
  /** INSERT from a relation of good rows (typed p_ columns, and rn for the dimension kinds); $importId is bound where used. */
  insert: (staged: string) => string;
  /** The dimension kinds: the file's rows in the table's own columns (what the insert writes; db/dimension-history.ts). */
  rows?: (staged: string) => string;
}

const pinRows = (staged: string) => `
  SELECT DISTINCT ON (p_pin_id) p_pin_id AS pin_id, p_image_signature AS image_signature, p_destination_url AS destination_url,
         p_board_id AS board_id, p_creator_id AS creator_id, p_created_at AS created_at,
         coalesce(p_pin_format, 'standard') AS pin_format, p_parent_pin_id AS parent_pin_id, p_title AS title
  FROM ${staged} ORDER BY p_pin_id, rn DESC`;
const boardRows = (staged: string) =>
  `SELECT DISTINCT ON (p_board_id) p_board_id AS board_id, p_name AS name, p_owner_id AS owner_id FROM ${staged} ORDER BY p_board_id, rn DESC`;
const accountRows = (staged: string) =>
  `SELECT DISTINCT ON (p_account_id) p_account_id AS account_id, p_type AS type, p_value AS value FROM ${staged} ORDER BY p_account_id, rn DESC`;
const spamRows = (staged: string) => `SELECT DISTINCT p_user_id AS user_id FROM ${staged}`;

export const KIND_RULES: Record<DumpKind, KindRules> = {
  events: {
    canonical: [
      'event_time',
      'event_type',
      'pin_id',
      'user_id',
      'event_id',
      'app_type',
      'content_type',
      'watch_ms',
      'progress_pct',
      'in_view_pct',
    ],
    parsed: [
      // Ids of Pinsight's own CSV export carry a formula guard (shared/formula-guard.ts): taken off here.
      ['p_event_id', restoreSql(text('event_id'))],
      ['p_event_time', timeSql('event_time')],
      ['p_event_type', `TRY_CAST(lower(trim(event_type)) AS event_type)`],
      ['p_pin_id', restoreSql(text('pin_id'))],
      ['p_user_id', restoreSql(text('user_id'))],
      ['p_app_type', `TRY_CAST(${deviceSql('app_type')} AS app_type)`],
      ['p_content_type', `TRY_CAST(lower(${text('content_type')}) AS content_type)`],
      ['p_watch_ms', number('watch_ms')],
      ['p_progress_pct', number('progress_pct')],
      ['p_in_view_pct', number('in_view_pct')],
    ],
    reasons: [
      missing('event_time'),
      badTime('event_time'),
      badOffset('event_time'),
      outsideWindow('event_time'),
      missing('event_type'),
      unknown('event_type', EVENT_TYPES),
      missing('pin_id'),
      missing('user_id'),
      unknown('app_type', DEVICES),
      unknown('content_type', CONTENT_TYPES),
      ...numberIn('watch_ms', 0, WATCH_MS_MAX),
      ...numberIn('progress_pct', 0, 100),
      ...numberIn('in_view_pct', 0, 100),
    ],
    insert: (staged) => `
      INSERT INTO events
      SELECT p_event_id, p_event_time, p_event_type, p_pin_id, p_user_id, p_app_type,
             coalesce(p_content_type, 'organic'), CAST(round(p_watch_ms) AS INTEGER), p_progress_pct, p_in_view_pct, $importId,
             hash(p_user_id), hash(p_pin_id), NULL
      FROM ${staged}`,
  },
  pins: {
    canonical: DIMENSION_TABLES.pins.columns,
    parsed: [
      ['p_pin_id', text('pin_id')],
      ['p_created_at', timeSql('created_at')],
      ['p_pin_format', oneOf(`lower(${text('pin_format')})`, FORMATS)],
      ...(['image_signature', 'destination_url', 'board_id', 'creator_id', 'parent_pin_id', 'title'] as const).map(
        (c): [string, string] => [`p_${c}`, text(c)],
      ),
    ],
    reasons: [
      missing('pin_id'),
      badTime('created_at'),
      badOffset('created_at'),
      outsideWindow('created_at'),
      unknown('pin_format', FORMATS),
    ],
    rows: pinRows,
    insert: (staged) => `INSERT OR REPLACE INTO pins ${pinRows(staged)}`,
  },
  boards: {
    canonical: ['board_id', 'name', 'owner_id'],
    parsed: [
      ['p_board_id', text('board_id')],
      ['p_name', text('name')],
      ['p_owner_id', text('owner_id')],
    ],
    reasons: [missing('board_id')],
    rows: boardRows,
    insert: (staged) => `INSERT OR REPLACE INTO boards ${boardRows(staged)}`,
  },
  accounts: {
    canonical: ['account_id', 'type', 'value'],
    parsed: [
      ['p_account_id', text('account_id')],
      ['p_type', oneOf(`lower(${text('type')})`, ['profile', 'website'])],
      ['p_value', text('value')],
    ],
    reasons: [missing('account_id'), missing('type'), unknown('type', ['profile', 'website']), missing('value')],
    rows: accountRows,
    insert: (staged) => `INSERT OR REPLACE INTO accounts ${accountRows(staged)}`,
  },
  spam_users: {
    canonical: ['user_id'],
    parsed: [['p_user_id', text('user_id')]],
    reasons: [missing('user_id')],
    rows: spamRows,
    insert: (staged) => `INSERT OR IGNORE INTO spam_users ${spamRows(staged)}`,
  },
};

/** Row number, typed columns and the reason of every row of `source` (which carries rn). */
export function reasonSelect(rules: KindRules, source: string): string {
  const reason = `CASE WHEN bad_row THEN 'not a JSON object' ${rules.reasons.map((c) => `WHEN ${c.fails} THEN ${c.message}`).join('\n ')} END`;
  return `SELECT rn, ${reason} AS reason FROM (SELECT *, ${rules.parsed.map(([name, expr]) => `${expr} AS ${name}`).join(', ')} FROM (${source}))`;
}

/**
 * The typed columns of the good rows of `source`, in one pass: the fast path of an import. A row is good when it
 * fails no check; NULL outcomes (an empty optional value) count as passing, like in reasonSelect.
 */
export function goodRowsSelect(rules: KindRules, source: string): string {
  const good = `NOT bad_row AND NOT (${rules.reasons.map((c) => `coalesce(${c.fails}, false)`).join(' OR ')})`;
  return `SELECT rn, ${rules.parsed.map(([name]) => name).join(', ')}
FROM (SELECT *, ${rules.parsed.map(([name, expr]) => `${expr} AS ${name}`).join(', ')} FROM (${source})) WHERE ${good}`;
}
