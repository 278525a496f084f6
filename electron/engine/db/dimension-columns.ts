/**
 * Where each dimension of the registry (shared/dimensions.ts) lives in the workspace, and the SQL every query
 * builds from that: filter conditions (values always bound), split labels, export-snapshot selections. Column
 * names come only from this table.
 */
import { DIMENSION_IDS, type DimensionId } from '../../../shared/dimensions';
import { splitDimension, type Filters, type SplitBy } from '../../../shared/filters';

export interface DimensionColumns {
  /** Its column in rollup_daily and events_clean (the same name in both). */
  derived: string;
  /** In the raw events: a column of the event, or an attribute of its Pin (a pin_dim column). */
  raw: { event: string } | { pin: string };
  /** The column of export_snapshots that holds an export's selection ('all' or a value). */
  snapshot: string;
}

export const DIMENSION_COLUMNS: Record<DimensionId, DimensionColumns> = {
  contentType: { derived: 'content_type', raw: { event: 'content_type' }, snapshot: 'content_type' },
  device: { derived: 'app_type', raw: { event: 'app_type' }, snapshot: 'device' },
  source: { derived: 'source', raw: { pin: 'source' }, snapshot: 'source' },
  format: { derived: 'format', raw: { pin: 'format' }, snapshot: 'format' },
};

export type Params = Record<string, string | number>;

const qualified = (alias: string, column: string): string => (alias ? `${alias}.${column}` : column);

/** The chosen dimensions of `filters` ('all' is no choice), in registry order. */
export function chosenDimensions(filters: Filters): { id: DimensionId; value: string }[] {
  return DIMENSION_IDS.filter((id) => filters[id] !== 'all').map((id) => ({ id, value: filters[id] }));
}

/** Conditions on rollup_daily or events_clean (alias optional) for the chosen dimensions; one parameter each. */
export function derivedConditions(filters: Filters, alias = ''): { clauses: string[]; params: Params } {
  const chosen = chosenDimensions(filters);
  return {
    clauses: chosen.map(({ id }) => `${qualified(alias, DIMENSION_COLUMNS[id].derived)} = $${id}`),
    params: Object.fromEntries(chosen.map(({ id, value }) => [id, value])),
  };
}

/**
 * Conditions on the raw events (no alias; a `pin_id` column): event attributes directly, Pin attributes through
 * the Pin's row in pin_dim.
 */
export function rawConditions(filters: Filters): { clauses: string[]; params: Params } {
  const chosen = chosenDimensions(filters);
  return {
    clauses: chosen.map(({ id }) => {
      const raw = DIMENSION_COLUMNS[id].raw;
      return 'event' in raw ? `${raw.event} = $${id}` : `pin_id IN (SELECT pin_id FROM pin_dim WHERE ${raw.pin} = $${id})`;
    }),
    params: Object.fromEntries(chosen.map(({ id, value }) => [id, value])),
  };
}

/** The derived column a split groups by, or null without a split. */
export function splitColumn(split: SplitBy): string | null {
  const id = splitDimension(split);
  return id ? DIMENSION_COLUMNS[id].derived : null;
}

/** The split's value as its filter word ('unknown' where events carry none), or null without a split. */
export function splitExpression(split: SplitBy, alias = ''): string | null {
  const column = splitColumn(split);
  return column ? `coalesce(CAST(${qualified(alias, column)} AS VARCHAR), 'unknown')` : null;
}

/** SQL condition on export_snapshots (alias s) for exactly this selection, 'all' included; every value bound. */
export function snapshotSelection(filters: Filters, prefix = 'ctx'): { sql: string; params: Params } {
  const params: Params = Object.fromEntries(DIMENSION_IDS.map((id) => [`${prefix}_${id}`, filters[id]]));
  params[`${prefix}_accounts`] = [...filters.accounts].sort().join('\n');
  const clauses = DIMENSION_IDS.map((id) => `s.${DIMENSION_COLUMNS[id].snapshot} = $${prefix}_${id}`);
  return { sql: [...clauses, `s.accounts = $${prefix}_accounts`, 'NOT s.legacy'].join(' AND '), params };
}

/** The snapshot columns of every dimension, as `column AS id` (for reading a selection back). */
export const SNAPSHOT_SELECTION_COLUMNS = DIMENSION_IDS.map((id) => `${DIMENSION_COLUMNS[id].snapshot} AS "${id}"`).join(', ');

/**
 * The values each dimension holds in the data: rollup rows and non-legacy export selections; and, as `unknown`,
 * the dimensions for which events carry no value (counted under "all" only, and as unknown in a split).
 */
export function heldValuesSql(): string {
  const lists = DIMENSION_IDS.map((id) => `list_distinct(list(CAST("${id}" AS VARCHAR)) FILTER (WHERE "${id}" IS NOT NULL)) AS "${id}"`);
  const unknown = `list_filter([${DIMENSION_IDS.map((id) => `CASE WHEN bool_or("${id}" IS NULL AND events) THEN '${id}' END`).join(', ')}], d -> d IS NOT NULL) AS "unknown"`;
  const fromRollup = DIMENSION_IDS.map((id) => `${DIMENSION_COLUMNS[id].derived} AS "${id}"`);
  const fromExports = DIMENSION_IDS.map((id) => `nullif(${DIMENSION_COLUMNS[id].snapshot}, 'all') AS "${id}"`);
  return `SELECT ${[...lists, unknown].join(', ')}
FROM (SELECT DISTINCT ${fromRollup.join(', ')}, true AS events FROM rollup_daily
      UNION ALL
      SELECT DISTINCT ${fromExports.join(', ')}, false AS events FROM export_snapshots WHERE NOT legacy)`;
}
