/**
 * The overview's counters from the rollup summed over Pins (rollup_combo), held in memory: a few dozen rows per
 * day (one per combination of the filter dimensions), read once and again after anything was written. A filter
 * click then sums the range's rows in JavaScript instead of sending a statement to DuckDB, which on a busy
 * machine cost 10-25 ms for a thousand rows. The numbers are DuckDB's to the bit: the sums are exact integers
 * and the formulas are evaluated as DuckDB evaluates metric-sql's SQL (metric-values.ts).
 *
 * The table is read in the background, on a connection of its own (100-200 ms a year of data): until it is held,
 * the statement answers, so that opening a workspace or the first view after an import waits for nothing more.
 */
import { DIMENSION_IDS, type DimensionId } from '../../../shared/dimensions';
import { splitDimension } from '../../../shared/filters';
import { COUNTER_METRICS, ROLLUP_COUNTERS, type RollupCounter } from '../../../shared/metrics';
import type { QuerySpec } from '../../../shared/query';
import type { ResolvedRange } from '../../../shared/results';
import { chosenDimensions, DIMENSION_COLUMNS } from '../db/dimension-columns';
import type { PlainRow } from '../db/duckdb-values';
import type { Workspace } from '../db/workspace';
import { bucketOf } from './compile/buckets';
import { counterMetricValue } from './compile/metric-values';

/** Above this many rows the statement is used instead (decades of days, or dimensions with many values). */
const MAX_ROWS = 2_000_000;

interface ComboTable {
  /** ISO days, ascending. */
  days: string[];
  /** Each dimension's value per row (null where the events carry none). */
  dims: Record<DimensionId, (string | null)[]>;
  /** Each counter's value per row. */
  counters: Float64Array[];
}

interface Held {
  /** The count of writes the table was read at. */
  count: number;
  /** The table once read; null when it cannot be held (too large, sums not exact); undefined while it is read. */
  table: ComboTable | null | undefined;
  reading: Promise<void>;
}

/** The table of each workspace (keyed by the object its connections share), as of a count of writes. */
const held = new WeakMap<object, Held>();

const KEYS = DIMENSION_IDS.map((id) => DIMENSION_COLUMNS[id].derived);

async function load(ws: Workspace, count: number): Promise<ComboTable | null> {
  const [size] = await ws.all<{ n: number }>(`SELECT count(*) AS n FROM rollup_combo`);
  if (!size || size.n > MAX_ROWS) return null;
  const days: string[] = [];
  const dims = Object.fromEntries(DIMENSION_IDS.map((id) => [id, [] as (string | null)[]])) as ComboTable['dims'];
  const values: number[][] = ROLLUP_COUNTERS.map(() => []);
  // One row per day and combination, imports' rows summed, sorted by day; read from DuckDB's vectors (converting
  // every value first costs 5 times as long). The sums are exact as doubles while the totals checked below are.
  await ws.eachVectorChunk(
    `SELECT strftime(day, '%Y-%m-%d') AS day, ${KEYS.map((k) => `CAST(${k} AS VARCHAR) AS ${k}`).join(', ')},
       ${ROLLUP_COUNTERS.map((c) => `CAST(sum(${c}) AS DOUBLE) AS ${c}`).join(', ')}
     FROM rollup_combo GROUP BY ALL ORDER BY day`,
    (chunk) => {
      const items = (column: number) => {
        const vector = chunk.getColumnVector(column);
        return Array.from({ length: chunk.rowCount }, (_, r) => vector.getItem(r));
      };
      for (const v of items(0)) days.push(typeof v === 'string' ? v : '');
      DIMENSION_IDS.forEach((id, d) => {
        for (const v of items(1 + d)) dims[id].push(typeof v === 'string' ? v : null);
      });
      ROLLUP_COUNTERS.forEach((_, c) => {
        for (const v of items(1 + KEYS.length + c)) values[c]?.push(typeof v === 'number' ? v : 0);
      });
    },
  );
  // A write meanwhile: what was read may already be outdated.
  if (ws.writes.count !== count) return null;
  // Any sum of a range is exact in a double while the whole table's is (integers below 2^53).
  if (values.some((column) => !Number.isSafeInteger(column.reduce((a, b) => a + b, 0)))) return null;
  return { days, dims, counters: values.map((column) => Float64Array.from(column)) };
}

/**
 * The table as the workspace holds it now, or null while it is being read (then or after a write) or cannot be
 * held: the caller runs the statement.
 */
function tableOf(ws: Workspace): ComboTable | null {
  const { family, count, uncommitted } = ws.writes;
  // A connection whose open transaction wrote sees rows the held table does not have.
  if (uncommitted) return null;
  const known = held.get(family);
  if (known?.count === count) return known.table ?? null;
  const entry: Held = { count, table: undefined, reading: Promise.resolve() };
  entry.reading = (async () => {
    // Committed data, on a connection of its own: the views' statements do not wait for it.
    const reader = await ws.reader();
    try {
      entry.table = await load(reader, count);
    } finally {
      reader.close();
    }
  })().catch(() => {
    // Not read (the workspace closed meanwhile, a failure): the next query tries again.
    if (held.get(family) === entry) held.delete(family);
  });
  held.set(family, entry);
  return null;
}

/** Reads the table if it is not held as of the latest write, and resolves once it is; false if it cannot be held. */
export async function holdComboRollup(ws: Workspace): Promise<boolean> {
  if (tableOf(ws)) return true;
  await held.get(ws.writes.family)?.reading;
  return tableOf(ws) !== null;
}

/** First index whose day is not before `day` (`after`: after it). */
function search(days: readonly string[], day: string, after: boolean): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const d = days[mid] ?? '';
    if (d < day || (after && d === day)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Group {
  date: string | null;
  split: string | null;
  sums: Float64Array;
}

function rowOf(g: Group): PlainRow {
  const sums = Object.fromEntries(ROLLUP_COUNTERS.map((c, i) => [c, g.sums[i] ?? 0])) as Record<RollupCounter, number>;
  const row: PlainRow = { date: g.date, split: g.split };
  for (const id of COUNTER_METRICS) row[id] = counterMetricValue(id, sums);
  return row;
}

/**
 * The rows the overview's figures statement gives (compileOverview on rollup_combo): one per bucket and split
 * value that has data, and the totals as the row without a date. Null when the table is not held (yet); the
 * caller then runs the statement.
 */
export function comboFigureRows(
  ws: Workspace,
  spec: Pick<QuerySpec, 'filters' | 'splitBy' | 'granularity'>,
  range: Pick<ResolvedRange, 'from' | 'to'>,
): PlainRow[] | null {
  if (spec.filters.accounts.length) return null;
  const table = tableOf(ws);
  if (!table) return null;
  const chosen = chosenDimensions(spec.filters).map(({ id, value }) => ({ values: table.dims[id], value }));
  const splitId = splitDimension(spec.splitBy);
  const splitValues = splitId ? table.dims[splitId] : null;
  const total: Group = { date: null, split: null, sums: new Float64Array(ROLLUP_COUNTERS.length) };
  const groups = new Map<string, Group>();
  const buckets = new Map<string, string>();
  const last = search(table.days, range.to, true);
  rows: for (let i = search(table.days, range.from, false); i < last; i++) {
    for (const c of chosen) if (c.values[i] !== c.value) continue rows;
    const day = table.days[i] ?? '';
    let date = buckets.get(day);
    if (date === undefined) buckets.set(day, (date = bucketOf(day, spec.granularity)));
    const split = splitValues ? (splitValues[i] ?? 'unknown') : null;
    const key = `${date}|${split ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { date, split, sums: new Float64Array(ROLLUP_COUNTERS.length) }));
    for (let c = 0; c < ROLLUP_COUNTERS.length; c++) {
      const v = table.counters[c]?.[i] ?? 0;
      group.sums[c] = (group.sums[c] ?? 0) + v;
      total.sums[c] = (total.sums[c] ?? 0) + v;
    }
  }
  return [...[...groups.values()].map(rowOf), rowOf(total)];
}
