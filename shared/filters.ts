/** Filter vocabulary: the same words in the CLI, the HTTP/IPC API and the UI. */
import { z } from 'zod';
import { isCalendarDay, MAX_DAY, MIN_DAY } from './dates';

export const CONTENT_TYPES = ['organic', 'paid'] as const;
export const DEVICES = ['mobile', 'tablet', 'web'] as const;
export const SOURCES = ['yours', 'others'] as const;
export const FORMATS = ['standard', 'video', 'carousel'] as const;
export const SPLITS = ['none', 'content-type', 'device', 'source', 'format'] as const;

export type ContentType = (typeof CONTENT_TYPES)[number];
export type Device = (typeof DEVICES)[number];
export type Source = (typeof SOURCES)[number];
export type PinFormat = (typeof FORMATS)[number];
export type SplitBy = (typeof SPLITS)[number];

/** Values each split dimension can take, in display order. */
export const SPLIT_VALUES: Record<Exclude<SplitBy, 'none'>, readonly string[]> = {
  'content-type': CONTENT_TYPES,
  device: DEVICES,
  source: SOURCES,
  format: FORMATS,
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
    contentType: z.enum(['all', ...CONTENT_TYPES]).default('all'),
    device: z.enum(['all', ...DEVICES]).default('all'),
    source: z.enum(['all', ...SOURCES]).default('all'),
    format: z.enum(['all', ...FORMATS]).default('all'),
    accounts: z.array(z.string().min(1).max(200)).max(100).default([]),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '--from must not be after --to', path: ['from'] });

export type Filters = z.infer<typeof filtersSchema>;
export type FiltersInput = z.input<typeof filtersSchema>;

export const DEFAULT_FILTERS: Filters = {
  contentType: 'all',
  device: 'all',
  source: 'all',
  format: 'all',
  accounts: [],
};

/** Default range length when no --from/--to is given. */
export const DEFAULT_RANGE_DAYS = 30;

/** The filter context of an Analytics export, as the user sets or corrects it at import. */
export const exportContextSchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    contentType: z.enum(['all', ...CONTENT_TYPES]).optional(),
    device: z.enum(['all', ...DEVICES]).optional(),
    source: z.enum(['all', ...SOURCES]).optional(),
    format: z.enum(['all', ...FORMATS]).optional(),
    accounts: z.array(z.string().min(1).max(200)).max(100).optional(),
  })
  .strict();
export type ExportContextInput = z.infer<typeof exportContextSchema>;
