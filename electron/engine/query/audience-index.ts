/**
 * Exact distinct audiences of one date range for every combination of the dimension filters, from one scan.
 *
 * Each combination of dimension values an event can carry (content type x device x source x format, with a
 * slot for "none" where events may carry no value) is a bit. Per person in the range, one mask per audience
 * metric holds the bits of the combinations they were counted under (saw a Pin, engaged with one); people
 * with the same masks are one row with their number. A filter choice is itself a set of combinations, and the
 * audience for it is the number of people whose mask meets that set: exact, in microseconds, for any of the
 * filter combinations of the range. A claimed-account filter (Pin groups) and per-day audiences are not in it.
 */
import { DIMENSION_IDS, DIMENSIONS, type DimensionId } from '../../../shared/dimensions';
import { DEFAULT_FILTERS, type Filters } from '../../../shared/filters';
import { AUDIENCE_METRICS, audienceEventTypes, METRICS, type MetricId } from '../../../shared/metrics';
import { DIMENSION_COLUMNS } from '../db/dimension-columns';
import { eventTypeSql } from '../derive/derive-sql';
import type { Statement } from './compile/filters-sql';
import { compileFilters } from './compile/filters-sql';

/** One dimension's place in the combination number. */
interface Slot {
  id: DimensionId;
  values: readonly string[];
  /** Events may carry no value (an event column); a Pin's attribute always has one. */
  nullable: boolean;
  stride: number;
}

const WORD = 32;

function layout(): { slots: Slot[]; combos: number } {
  let stride = 1;
  const slots: Slot[] = [];
  for (const id of DIMENSION_IDS) {
    const values = DIMENSIONS[id].values;
    const nullable = 'event' in DIMENSION_COLUMNS[id].raw;
    slots.push({ id, values, nullable, stride });
    stride *= values.length + (nullable ? 1 : 0);
  }
  return { slots, combos: stride };
}

const LAYOUT = layout();
/** Masks are built as 128-bit integers in SQL: more combinations than that cannot be indexed. */
export const INDEXABLE = LAYOUT.combos <= 128;
const WORDS = Math.ceil(LAYOUT.combos / WORD);

/** The combination number of an event, as SQL over events_clean's columns. */
function comboSql(): string {
  return LAYOUT.slots
    .map(({ id, values, nullable, stride }) => {
      const column = DIMENSION_COLUMNS[id].derived;
      const cases = values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ');
      // A value a Pin attribute always has: its last value needs no test.
      const otherwise = nullable ? values.length : values.length - 1;
      return `(CASE CAST(${column} AS VARCHAR) ${cases} ELSE ${otherwise} END) * ${stride}`;
    })
    .join(' + ');
}

/** The statement that builds the index of a range: per set of masks (32-bit words) the number of people. */
export function audienceIndexSql(range: { from: string; to: string }): Statement {
  const where = compileFilters(DEFAULT_FILTERS, range, '', 'events');
  const types = (id: MetricId) => {
    const f = METRICS[id].formula;
    return f.kind === 'distinctUsers' ? audienceEventTypes(f).map(eventTypeSql) : [];
  };
  const allTypes = [...new Set(AUDIENCE_METRICS.flatMap(types))];
  const masks = AUDIENCE_METRICS.map(
    (id) => `coalesce(bit_or(bit) FILTER (WHERE event_type IN (${types(id).join(', ')})), CAST(0 AS UHUGEINT)) AS m_${id}`,
  );
  const words = AUDIENCE_METRICS.flatMap((id) =>
    Array.from({ length: WORDS }, (_, w) => `CAST((m_${id} >> ${w * WORD}) & 4294967295 AS UINTEGER) AS w_${id}_${w}`),
  );
  return {
    sql: `SELECT ${words.join(', ')}, CAST(n AS UINTEGER) AS n FROM (
  SELECT ${AUDIENCE_METRICS.map((id) => `m_${id}`).join(', ')}, count(*) AS n FROM (
    SELECT user_hash, ${masks.join(', ')}
    FROM (SELECT user_hash, event_type, CAST(1 AS UHUGEINT) << CAST(${comboSql()} AS UHUGEINT) AS bit
          FROM events_clean WHERE ${where.sql} AND event_type IN (${allTypes.join(', ')}))
    GROUP BY user_hash)
  GROUP BY ALL)`,
    params: where.params,
  };
}

/** The index of one range: per audience metric, WORDS words per row; the number of people per row. */
export interface AudienceIndex {
  rows: number;
  masks: Record<string, Uint32Array>;
  people: Uint32Array;
  /** Its size in bytes (the cache keeps a few). */
  bytes: number;
}

/** The index from the statement's columns, in its order (the words of each metric, then the counts). */
export function audienceIndexFromColumns(columns: readonly (readonly unknown[])[]): AudienceIndex {
  const rows = columns[0]?.length ?? 0;
  const masks: Record<string, Uint32Array> = {};
  AUDIENCE_METRICS.forEach((id, m) => {
    const words = new Uint32Array(rows * WORDS);
    for (let w = 0; w < WORDS; w++) {
      const column = columns[m * WORDS + w] ?? [];
      for (let r = 0; r < rows; r++) words[r * WORDS + w] = Number(column[r]);
    }
    masks[id] = words;
  });
  const people = Uint32Array.from(columns[AUDIENCE_METRICS.length * WORDS] ?? [], Number);
  return { rows, masks, people, bytes: (AUDIENCE_METRICS.length * WORDS + 1) * 4 * rows };
}

/** The combinations a filter choice covers, as WORDS 32-bit words. */
export function filterMask(filters: Pick<Filters, DimensionId>): Uint32Array {
  const mask = new Uint32Array(WORDS);
  for (let combo = 0; combo < LAYOUT.combos; combo++) {
    const covered = LAYOUT.slots.every(({ id, values, nullable, stride }) => {
      const slot = Math.floor(combo / stride) % (values.length + (nullable ? 1 : 0));
      const choice = filters[id];
      return choice === 'all' || values[slot] === choice;
    });
    const w = Math.floor(combo / WORD);
    if (covered) mask[w] = (mask[w] ?? 0) | (1 << (combo % WORD));
  }
  return mask;
}

/** The audiences of a filter choice: the people whose masks meet the choice's combinations. */
export function audiencesFromIndex(index: AudienceIndex, filters: Pick<Filters, DimensionId>): Partial<Record<MetricId, number>> {
  const wanted = filterMask(filters);
  const out: Partial<Record<MetricId, number>> = {};
  for (const id of AUDIENCE_METRICS) {
    const masks = index.masks[id];
    let people = 0;
    if (masks) {
      for (let r = 0; r < index.rows; r++) {
        for (let w = 0; w < WORDS; w++) {
          if ((masks[r * WORDS + w] ?? 0) & (wanted[w] ?? 0)) {
            people += index.people[r] ?? 0;
            break;
          }
        }
      }
    }
    out[id] = people;
  }
  return out;
}
