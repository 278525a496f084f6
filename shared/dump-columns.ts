/**
 * Raw dump files are recognised by their columns, whatever the file is called. Names match
 * case-insensitively, ignoring spaces, dashes and underscores; each column lists its accepted aliases.
 * The README's "Event dump files" section is generated from the same table.
 */

export type DumpKind = 'events' | 'pins' | 'boards' | 'accounts' | 'spam_users';

export interface DumpColumn {
  name: string;
  aliases: readonly string[];
  required: boolean;
}

export interface DumpKindDef {
  kind: DumpKind;
  label: string;
  columns: readonly DumpColumn[];
  /** Columns whose presence marks a file as this kind (besides the required ones). */
  anyOf?: readonly string[];
  /** Columns whose presence rules this kind out (a broken events file is no spam list). */
  forbids?: readonly string[];
}

const col = (name: string, required: boolean, ...aliases: string[]): DumpColumn => ({ name, aliases, required });

/** In detection order: the first kind whose required columns (and one of anyOf) are all present wins. */
export const DUMP_KINDS: readonly DumpKindDef[] = [
  {
    kind: 'events',
    label: 'events',
    columns: [
      col('event_time', true, 'timestamp', 'time', 'ts', 'event_timestamp', 'occurred_at'),
      col('event_type', true, 'event', 'action', 'event_name'),
      col('pin_id', true, 'pin'),
      col('user_id', true, 'user', 'viewer_id', 'actor_id'),
      col('event_id', false, 'id', 'event_uuid'),
      col('app_type', false, 'device', 'platform', 'app'),
      col('content_type', false, 'paid_or_organic', 'traffic_type'),
      col('watch_ms', false, 'watch_time_ms', 'watched_ms'),
      col('progress_pct', false, 'progress', 'percent_watched'),
      col('in_view_pct', false, 'in_view', 'viewability_pct'),
    ],
  },
  {
    kind: 'pins',
    label: 'Pins',
    columns: [
      col('pin_id', true, 'pin', 'id'),
      col('image_signature', false, 'image_sig', 'image_hash', 'image'),
      col('destination_url', false, 'url', 'link', 'destination'),
      col('board_id', false, 'board'),
      col('creator_id', false, 'creator', 'created_by', 'owner_id'),
      col('created_at', false, 'created', 'created_time'),
      col('pin_format', false, 'format', 'pin_type'),
      col('parent_pin_id', false, 'parent_pin', 'saved_from', 'parent_id'),
      col('title', false, 'name'),
    ],
    anyOf: ['image_signature', 'destination_url', 'created_at', 'pin_format', 'parent_pin_id'],
  },
  {
    kind: 'boards',
    label: 'boards',
    columns: [col('board_id', true, 'board', 'id'), col('name', true, 'board_name', 'title'), col('owner_id', false, 'owner', 'user_id')],
  },
  {
    kind: 'accounts',
    label: 'claimed accounts',
    columns: [
      col('account_id', true, 'account', 'id'),
      col('type', true, 'account_type', 'kind'),
      col('value', true, 'user_id', 'host', 'website'),
    ],
  },
  {
    kind: 'spam_users',
    label: 'spam users',
    columns: [col('user_id', true, 'user', 'spam_user_id', 'spammer_id')],
    forbids: ['event_time', 'timestamp', 'event_type', 'pin_id', 'board_id', 'account_id'],
  },
];

export const normaliseColumnName = (s: string): string => s.toLowerCase().replace(/[\s_\-.]+/g, '');

/**
 * Maps a file's column names to a kind and to canonical names: canonical -> the file's own name.
 * Returns null when no kind fits.
 */
export function matchDumpColumns(fileColumns: readonly string[]): { kind: DumpKind; mapping: Record<string, string> } | null {
  const byNorm = new Map(fileColumns.map((c) => [normaliseColumnName(c), c]));
  for (const def of DUMP_KINDS) {
    const mapping: Record<string, string> = {};
    for (const c of def.columns) {
      const column = [c.name, ...c.aliases].map((n) => byNorm.get(normaliseColumnName(n))).find((found) => found !== undefined);
      if (column !== undefined && !Object.values(mapping).includes(column)) mapping[c.name] = column;
    }
    const hasRequired = def.columns.every((c) => !c.required || mapping[c.name]);
    const hasMarker = !def.anyOf || def.anyOf.some((n) => mapping[n]);
    const forbidden = def.forbids?.some((n) => byNorm.has(normaliseColumnName(n)));
    if (hasRequired && hasMarker && !forbidden) return { kind: def.kind, mapping };
  }
  return null;
}

/** For a file no kind fits: the closest kind and the required columns it lacks, to say what is wrong. */
export function nearestDumpKind(fileColumns: readonly string[]): { label: string; missing: string[] } | null {
  const norms = new Set(fileColumns.map(normaliseColumnName));
  let best: { label: string; missing: string[]; found: number } | null = null;
  for (const def of DUMP_KINDS) {
    const required = def.columns.filter((c) => c.required);
    const has = (c: DumpColumn) => [c.name, ...c.aliases].some((n) => norms.has(normaliseColumnName(n)));
    const found = required.filter(has).length;
    const missing = required.filter((c) => !has(c)).map((c) => c.name);
    if (found > 0 && missing.length && (!best || found > best.found)) best = { label: def.label, missing, found };
  }
  return best && { label: best.label, missing: best.missing };
}

export const EVENT_TYPES = ['impression', 'closeup', 'save', 'link_click', 'carousel_swipe', 'video_play'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
