/** QuerySpec: what the UI and the CLI ask for. The engine compiles it; nobody sends SQL. */
import { z } from 'zod';
import { MAX_DAY, MIN_DAY } from './dates';
import { DEFAULT_FILTERS, filtersSchema, isoDate, SPLITS } from './filters';
import { METRIC_IDS } from './metrics';

export const VIEW_IDS = ['overview', 'top-pins', 'top-boards', 'top-video-pins', 'pin', 'legacy', 'compare', 'reconcile'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const DEFAULT_TOP_LIMIT = 50;
export const MAX_TOP_LIMIT = 10_000;

export const querySpecSchema = z
  .object({
    view: z.enum(VIEW_IDS),
    filters: filtersSchema.default(DEFAULT_FILTERS),
    splitBy: z.enum(SPLITS).default('none'),
    granularity: z.enum(GRANULARITIES).default('day'),
    sortBy: z.enum(METRIC_IDS).optional(),
    limit: z.number().int().min(1).max(MAX_TOP_LIMIT).optional(),
    pinId: z.string().min(1).max(200).optional(),
    /** Top Pins only: the Pins of one board (the board panel). */
    boardId: z.string().min(1).max(200).optional(),
    /** ISO timestamp; Pin stats "now". Defaults to the latest event in the workspace. */
    asOf: z
      .string()
      .datetime({ offset: true })
      .refine((s) => s.slice(0, 10) >= MIN_DAY && s.slice(0, 10) <= MAX_DAY, `expected a time between ${MIN_DAY} and ${MAX_DAY}`)
      .optional(),
    /** Range B of a comparison: the compare view, and top lists that carry both ranges' values. */
    compare: z
      .object({ from: isoDate, to: isoDate })
      .strict()
      .refine((c) => c.from <= c.to, 'the compare range must not end before it starts')
      .optional(),
    /** How a top list's rows travel: JSON objects, or Arrow IPC bytes for long lists. */
    transfer: z.enum(['json', 'arrow']).default('json'),
    /** Skip the distinct-user metrics (they arrive in a second, slower request). */
    skipAudience: z.boolean().default(false),
    /**
     * Overview with skipAudience: the audience totals all the same when they cost no scan (the range's audience
     * index is built); otherwise they stay null and come with the second request.
     */
    audienceIfIndexed: z.boolean().default(false),
    /** Overview only: just the distinct-user metrics (the second request after skipAudience); counts are null. */
    audienceOnly: z.boolean().default(false),
    /** Distinct users per day in the series too (the slowest part); off: audience totals only. */
    audienceSeries: z.boolean().default(true),
    /**
     * Requests on one channel supersede each other: a newer one drops an older one that still waits and
     * interrupts one that runs (the app's screen sends all its requests on one channel).
     */
    channel: z.string().min(1).max(40).optional(),
  })
  .strict();

export type QuerySpec = z.infer<typeof querySpecSchema>;
export type QuerySpecInput = z.input<typeof querySpecSchema>;
