/**
 * Exact distinct audiences of one date range for every combination of the dimension filters, from one scan.
 *
 * Each combination of dimension values an event can carry (content type x device x source x format, with a
 * slot for "none" where events may carry no value) is a bit. Per person in the range, one mask per audience
 * metric holds the bits of the combinations they were counted under (saw a Pin, engaged with one); people
 * with the same masks are one row with their number. A filter choice is itself a set of combinations, and its
 * audience is the number of people whose mask meets that set: exact. The build counts them for every filter
 * choice of the range at once (144 of them), so that a click looks its numbers up. A claimed-account filter
 * (Pin groups) and per-day audiences are not in it.
 */
import { DIMENSION_IDS, DIMENSIONS, type DimensionId } from '../../../shared/dimensions';
import { DEFAULT_FILTERS, type Filters } from '../../../shared/filters';
import { AUDIENCE_METRICS, audienceEventTypes, METRICS, type MetricId } from '../../../shared/metrics';
import { DIMENSION_COLUMNS } from '../db/dimension-columns';
import { eventTypeSql } from '../derive/derive-sql';
import { compileFilters, type Statement } from './compile/filters-sql';

/** One dimension's place in the combination number. */
interface Slot {
  id: DimensionId;
  values: readonly string[];
  /** Events may carry no value (an event column); a Pin's attribute always has one. */
  nullable: boolean;
  stride: number;
}

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

/** Every filter choice of the dimensions ('all' or a value each): 3 x 4 x 3 x 4 of them. */
export const FILTER_CHOICES: Pick<Filters, DimensionId>[] = DIMENSION_IDS.reduce<Pick<Filters, DimensionId>[]>(
  (choices, id) => choices.flatMap((c) => ['all', ...DIMENSIONS[id].values].map((v) => ({ ...c, [id]: v }))),
  [{ ...DEFAULT_FILTERS }],
);

const choiceKey = (filters: Pick<Filters, DimensionId>): string => DIMENSION_IDS.map((id) => filters[id]).join('|');

/** Whether a filter choice covers a combination of values. */
function covers(filters: Pick<Filters, DimensionId>, combo: number): boolean {
  return LAYOUT.slots.every(({ id, values, nullable, stride }) => {
    const slot = Math.floor(combo / stride) % (values.length + (nullable ? 1 : 0));
    const choice = filters[id];
    return choice === 'all' || values[slot] === choice;
  });
}

/** For each combination, the filter choices that cover it (16 for a combination with every value set). */
const CHOICES_OF_COMBO: number[][] = Array.from({ length: LAYOUT.combos }, (_, combo) =>
  FILTER_CHOICES.flatMap((choice, c) => (covers(choice, combo) ? [c] : [])),
);

const WORD = 32;
const WORDS = Math.ceil(LAYOUT.combos / WORD);

/**
 * The statement that builds the index of a range: per set of masks the number of people, the masks as 32-bit
 * words (AudienceCounter counts them per filter choice).
 */
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

/** The index of one range: the audiences of every filter choice. */
export type AudienceIndex = ReadonlyMap<string, Partial<Record<MetricId, number>>>;

/**
 * Counts the index from the statement's rows, a chunk of columns at a time (the words of each metric, then the
 * number of people): each set of masks adds its people to every filter choice that covers one of its
 * combinations, once.
 */
export class AudienceCounter {
  private readonly seen = new Int32Array(FILTER_CHOICES.length).fill(-1);
  private readonly counts = AUDIENCE_METRICS.map(() => new Float64Array(FILTER_CHOICES.length));
  private mark = 0;

  add(columns: readonly (readonly unknown[])[]): void {
    const rows = columns[0]?.length ?? 0;
    const people = columns[AUDIENCE_METRICS.length * WORDS] ?? [];
    this.counts.forEach((total, m) => {
      for (let r = 0; r < rows; r++) {
        const n = Number(people[r] ?? 0);
        const mark = ++this.mark;
        for (let w = 0; w < WORDS; w++) {
          let bits = Number(columns[m * WORDS + w]?.[r] ?? 0) | 0;
          while (bits !== 0) {
            const low = bits & -bits;
            bits ^= low;
            for (const c of CHOICES_OF_COMBO[w * WORD + 31 - Math.clz32(low)] ?? []) {
              if (this.seen[c] === mark) continue;
              this.seen[c] = mark;
              total[c] = (total[c] ?? 0) + n;
            }
          }
        }
      }
    });
  }

  index(): AudienceIndex {
    const index = new Map<string, Partial<Record<MetricId, number>>>();
    FILTER_CHOICES.forEach((choice, c) => {
      index.set(choiceKey(choice), Object.fromEntries(AUDIENCE_METRICS.map((id, m) => [id, this.counts[m]?.[c] ?? 0])));
    });
    return index;
  }
}

/** The audiences of a filter choice, from the index of its range. */
export function audiencesFromIndex(index: AudienceIndex, filters: Pick<Filters, DimensionId>): Partial<Record<MetricId, number>> {
  return index.get(choiceKey(filters)) ?? {};
}
