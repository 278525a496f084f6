/**
 * Parsing and validation rules per dump kind, as SQL over the text columns of sourceSelect().
 * A row gets the first reason that applies, or NULL when it is good; nothing is guessed.
 */
import type { DumpKind } from '../../../shared/dump-columns';
import { EVENT_TYPES } from '../../../shared/dump-columns';
import { CONTENT_TYPES, DEVICES, FORMATS } from '../../../shared/filters';

const list = (values: readonly string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;
const text = (c: string) => `nullif(trim(${c}), '')`;
const quoted = (c: string) => `'"' || left(trim(${c}), 60) || '"'`;

/** ISO-8601 with any offset or Z (no offset: UTC), or epoch milliseconds; NULL when unreadable. */
export const timeSql = (c: string) =>
  `CASE WHEN regexp_full_match(trim(${c}), '-?[0-9]{1,15}') THEN epoch_ms(TRY_CAST(trim(${c}) AS BIGINT))
        ELSE CAST(TRY_CAST(trim(${c}) AS TIMESTAMPTZ) AS TIMESTAMP) END`;

const missing = (c: string) => `WHEN ${text(c)} IS NULL THEN '${c}: missing value'`;
const badTime = (c: string, required: boolean) =>
  `WHEN ${required ? '' : `${text(c)} IS NOT NULL AND `}${timeSql(c)} IS NULL THEN '${c}: cannot read ' || ${quoted(c)} || ' as a time (ISO-8601 or epoch milliseconds)'`;
const oneOf = (c: string, values: readonly string[], expr = `lower(${text(c)})`) =>
  `WHEN ${text(c)} IS NOT NULL AND ${expr} NOT IN ${list(values)} THEN '${c}: unknown value ' || ${quoted(c)} || ' (expected ${values.join(', ')})'`;
const numberIn = (c: string, min: number, max: number | null) => [
  `WHEN ${text(c)} IS NOT NULL AND TRY_CAST(trim(${c}) AS DOUBLE) IS NULL THEN '${c}: not a number: ' || ${quoted(c)}`,
  `WHEN TRY_CAST(trim(${c}) AS DOUBLE) < ${min}${max === null ? '' : ` OR TRY_CAST(trim(${c}) AS DOUBLE) > ${max}`} THEN '${c}: ' || ${quoted(c)} || ' is out of range (${min} to ${max ?? 'any'})'`,
];

/** `desktop` is Pinterest's own word for web. */
const deviceSql = (c: string) => `CASE lower(${text(c)}) WHEN 'desktop' THEN 'web' ELSE lower(${text(c)}) END`;

export interface KindRules {
  canonical: readonly string[];
  reasons: string[];
  /** INSERT of the good rows of `staged`; $importId is bound. */
  insert: (staged: string) => string;
}

export const KIND_RULES: Record<DumpKind, KindRules> = {
  events: {
    canonical: ['event_time', 'event_type', 'pin_id', 'user_id', 'event_id', 'app_type', 'content_type', 'watch_ms', 'progress_pct', 'in_view_pct'],
    reasons: [
      missing('event_time'),
      badTime('event_time', true),
      missing('event_type'),
      oneOf('event_type', EVENT_TYPES),
      missing('pin_id'),
      missing('user_id'),
      oneOf('app_type', DEVICES, deviceSql('app_type')),
      oneOf('content_type', CONTENT_TYPES),
      ...numberIn('watch_ms', 0, null),
      ...numberIn('progress_pct', 0, 100),
      ...numberIn('in_view_pct', 0, 100),
    ],
    insert: (staged) => `
      INSERT INTO events
      SELECT ${text('event_id')}, ${timeSql('event_time')}, CAST(lower(trim(event_type)) AS event_type), trim(pin_id), trim(user_id),
             CAST(${deviceSql('app_type')} AS app_type), CAST(coalesce(lower(${text('content_type')}), 'organic') AS content_type),
             CAST(round(TRY_CAST(trim(watch_ms) AS DOUBLE)) AS INTEGER), TRY_CAST(trim(progress_pct) AS DOUBLE),
             TRY_CAST(trim(in_view_pct) AS DOUBLE), $importId
      FROM ${staged} WHERE reason IS NULL`,
  },
  pins: {
    canonical: ['pin_id', 'image_signature', 'destination_url', 'board_id', 'creator_id', 'created_at', 'pin_format', 'parent_pin_id', 'title'],
    reasons: [missing('pin_id'), badTime('created_at', false), oneOf('pin_format', FORMATS)],
    insert: (staged) => `
      INSERT OR REPLACE INTO pins
      SELECT DISTINCT ON (trim(pin_id)) trim(pin_id), ${text('image_signature')}, ${text('destination_url')}, ${text('board_id')},
             ${text('creator_id')}, ${timeSql('created_at')}, coalesce(lower(${text('pin_format')}), 'standard'),
             ${text('parent_pin_id')}, ${text('title')}
      FROM ${staged} WHERE reason IS NULL ORDER BY trim(pin_id), rn DESC`,
  },
  boards: {
    canonical: ['board_id', 'name', 'owner_id'],
    reasons: [missing('board_id')],
    insert: (staged) => `
      INSERT OR REPLACE INTO boards
      SELECT DISTINCT ON (trim(board_id)) trim(board_id), ${text('name')}, ${text('owner_id')}
      FROM ${staged} WHERE reason IS NULL ORDER BY trim(board_id), rn DESC`,
  },
  accounts: {
    canonical: ['account_id', 'type', 'value'],
    reasons: [missing('account_id'), missing('type'), oneOf('type', ['profile', 'website']), missing('value')],
    insert: (staged) => `
      INSERT OR REPLACE INTO accounts
      SELECT DISTINCT ON (trim(account_id)) trim(account_id), lower(trim(type)), trim(value)
      FROM ${staged} WHERE reason IS NULL ORDER BY trim(account_id), rn DESC`,
  },
  spam_users: {
    canonical: ['user_id'],
    reasons: [missing('user_id')],
    insert: (staged) => `INSERT OR IGNORE INTO spam_users SELECT DISTINCT trim(user_id) FROM ${staged} WHERE reason IS NULL`,
  },
};

export function reasonSql(rules: KindRules): string {
  return `CASE WHEN bad_row THEN 'not a JSON object' ${rules.reasons.join('\n ')} END`;
}
