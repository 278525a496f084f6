/**
 * The dimension registry: every filter dimension with a fixed set of values, declared once. The API key is the
 * registry key (`filters.contentType`), the CLI flag and the split key are `flag` (`--content-type`,
 * `--split-by content-type`), and the labels are the interface's (en/sv) and the words Pinterest's own
 * Analytics exports use (preamble line and values, per export language).
 *
 * Everything that filters, splits, lists or labels a dimension reads this table: the filter schemas
 * (shared/filters.ts), the CLI options, the filter panel and the export-context fields, the export vocabulary,
 * and the engine's column map (electron/engine/query/dimension-columns.ts). Claimed accounts are the one
 * filter outside it: a set of ids, not a choice among fixed values.
 */

export interface Bilingual {
  en: string;
  sv: string;
}

export interface DimensionDef<V extends string = string, F extends string = string> {
  /** CLI flag, split key, and the `--export-<flag>` import option. */
  flag: F;
  values: readonly V[];
  label: Bilingual;
  valueLabels: Record<V, Bilingual>;
  /** How Pinterest's Analytics exports name the dimension in their preamble, per export language. */
  exportKey: { en: readonly string[]; sv: readonly string[] };
  /** How those exports write each value (besides the interface label, which is always accepted). */
  exportValues?: Partial<Record<V, { en?: readonly string[]; sv?: readonly string[] }>>;
}

const define = <const V extends string, const F extends string>(d: DimensionDef<V, F>): DimensionDef<V, F> => d;

export const DIMENSIONS = {
  contentType: define({
    flag: 'content-type',
    values: ['organic', 'paid'],
    label: { en: 'Content type', sv: 'Innehållstyp' },
    valueLabels: { organic: { en: 'Organic', sv: 'Organisk' }, paid: { en: 'Paid', sv: 'Betald' } },
    exportKey: { en: ['Content type', 'Content types'], sv: ['Innehållstyp', 'Innehållstyper'] },
    exportValues: { organic: { sv: ['Organiskt'] }, paid: { sv: ['Betalt'] } },
  }),
  device: define({
    flag: 'device',
    values: ['mobile', 'tablet', 'web'],
    label: { en: 'Device', sv: 'Enhet' },
    valueLabels: {
      mobile: { en: 'Mobile', sv: 'Mobil' },
      tablet: { en: 'Tablet', sv: 'Surfplatta' },
      web: { en: 'Desktop/web', sv: 'Dator/webb' },
    },
    exportKey: { en: ['Device', 'Devices'], sv: ['Enhet', 'Enheter'] },
    exportValues: { web: { en: ['Desktop', 'Web'], sv: ['Dator', 'Webb'] } },
  }),
  source: define({
    flag: 'source',
    values: ['yours', 'others'],
    label: { en: 'Source', sv: 'Källa' },
    valueLabels: { yours: { en: 'Your Pins', sv: 'Dina pins' }, others: { en: 'Other Pins', sv: 'Andras pins' } },
    exportKey: { en: ['Source'], sv: ['Källa'] },
    exportValues: { yours: { en: ['From you'], sv: ['Från dig'] }, others: { en: ['Not from you'], sv: ['Inte från dig'] } },
  }),
  format: define({
    flag: 'format',
    values: ['standard', 'video', 'carousel'],
    label: { en: 'Format', sv: 'Format' },
    valueLabels: {
      standard: { en: 'Standard', sv: 'Standard' },
      video: { en: 'Video', sv: 'Video' },
      carousel: { en: 'Carousel', sv: 'Karusell' },
    },
    exportKey: { en: ['Format', 'Formats'], sv: ['Format'] },
  }),
} as const;

export type DimensionId = keyof typeof DIMENSIONS;
export type DimensionValue<D extends DimensionId> = (typeof DIMENSIONS)[D]['values'][number];
/** A dimension's filter value: one of its values, or all of them. */
export type DimensionChoice<D extends DimensionId> = 'all' | DimensionValue<D>;
export type DimensionFlag = (typeof DIMENSIONS)[DimensionId]['flag'];

/** The dimensions in display order (filter panel, CLI help, export preamble). */
export const DIMENSION_IDS = Object.keys(DIMENSIONS) as DimensionId[];

export const ALL_LABEL: Bilingual = { en: 'All', sv: 'Alla' };
/** The split label of events that carry no value (a dump without a device column). */
export const UNKNOWN_LABEL: Bilingual = { en: 'Unknown', sv: 'Okänd' };
/** A top Pin group's source or format where it counted Pins of more than one. */
export const MIXED = 'mixed';
export const MIXED_LABEL: Bilingual = { en: 'Mixed', sv: 'Blandat' };

export function dimensionByFlag(flag: string): DimensionId | undefined {
  return DIMENSION_IDS.find((id) => DIMENSIONS[id].flag === flag);
}

/** The interface label of a value of any dimension ('all', 'unknown' and 'mixed' included); undefined for other words. */
export function valueLabel(value: string, locale: keyof Bilingual): string | undefined {
  if (value === 'all') return ALL_LABEL[locale];
  if (value === 'unknown') return UNKNOWN_LABEL[locale];
  if (value === MIXED) return MIXED_LABEL[locale];
  for (const id of DIMENSION_IDS) {
    const labels: Partial<Record<string, Bilingual>> = DIMENSIONS[id].valueLabels;
    const label = labels[value];
    if (label) return label[locale];
  }
  return undefined;
}

/** Every selection a filter can hold: 'all' for each dimension. */
export function allChoices(): { [D in DimensionId]: DimensionChoice<D> } {
  return { contentType: 'all', device: 'all', source: 'all', format: 'all' } satisfies Record<DimensionId, 'all'>;
}
