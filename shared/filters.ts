/** Filter vocabulary: the same words in the CLI, the HTTP/IPC API and the UI. */
import { z } from 'zod';
import { isCalendarDay, MAX_DAY, MIN_DAY } from './dates';
import {
  allChoices,
  dimensionByFlag,
  DIMENSION_IDS,
  DIMENSIONS,
  type DimensionChoice,
  type DimensionFlag,
  type DimensionId,
  type DimensionValue,
} from './dimensions';

export const CONTENT_TYPES = DIMENSIONS.contentType.values;
export const DEVICES = DIMENSIONS.device.values;
export const SOURCES = DIMENSIONS.source.values;
export const FORMATS = DIMENSIONS.format.values;
/** Split keys: none, or a dimension's flag. */
export const SPLITS = ['none', ...DIMENSION_IDS.map((id) => DIMENSIONS[id].flag)] as ['none', ...DimensionFlag[]];

export type ContentType = DimensionValue<'contentType'>;
export type Device = DimensionValue<'device'>;
export type Source = DimensionValue<'source'>;
export type PinFormat = DimensionValue<'format'>;
export type SplitBy = 'none' | DimensionFlag;

/** The dimension a split groups by. */
export function splitDimension(split: SplitBy): DimensionId | null {
  return split === 'none' ? null : (dimensionByFlag(split) ?? null);
}

/** Values each split dimension can take, in display order. */
export function splitValues(split: SplitBy): readonly string[] {
  const id = splitDimension(split);
  return id ? DIMENSIONS[id].values : [];
}

/** A dimension's filter schema: 'all' or one of its values. */
const choice = <D extends DimensionId>(id: D) => z.enum(['all', ...DIMENSIONS[id].values] as [DimensionChoice<D>, ...DimensionChoice<D>[]]);
type ChoiceSchema<D extends DimensionId> = ReturnType<typeof choice<D>>;

// One entry per registry dimension; the mapped types are what Object.fromEntries cannot express.
const filterChoices = Object.fromEntries(DIMENSION_IDS.map((id) => [id, choice(id).default('all')])) as unknown as {
  [D in DimensionId]: z.ZodDefault<ChoiceSchema<D>>;
};
const contextChoices = Object.fromEntries(DIMENSION_IDS.map((id) => [id, choice(id).optional()])) as unknown as {
  [D in DimensionId]: z.ZodOptional<ChoiceSchema<D>>;
};

/** A calendar day YYYY-MM-DD inside the supported dates (shared/dates.ts). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isCalendarDay, 'not a real calendar date')
  .refine((s) => s >= MIN_DAY && s <= MAX_DAY, `expected a date between ${MIN_DAY} and ${MAX_DAY}`);

export const filtersSchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    ...filterChoices,
    accounts: z.array(z.string().min(1).max(200)).max(100).default([]),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '--from must not be after --to', path: ['from'] });

export type Filters = z.infer<typeof filtersSchema>;
export type FiltersInput = z.input<typeof filtersSchema>;

export const DEFAULT_FILTERS: Filters = { ...allChoices(), accounts: [] };

/** Default range length when no --from/--to is given. */
export const DEFAULT_RANGE_DAYS = 30;

/** The filter context of an Analytics export, as the user sets or corrects it at import. */
export const exportContextSchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    ...contextChoices,
    accounts: z.array(z.string().min(1).max(200)).max(100).optional(),
  })
  .strict();
export type ExportContextInput = z.infer<typeof exportContextSchema>;
