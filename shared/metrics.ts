/**
 * The metric catalogue: the one place where a metric's id, labels, unit and formula live.
 * The query compiler, UI labels, CSV headers and docs all read from here.
 */

import type { EventType } from './dump-columns';

/** Counters kept per event in the rollups; every count metric is a sum of one of these. */
export const ROLLUP_COUNTERS = [
  'impressions',
  'closeups',
  'saves',
  'link_clicks',
  'carousel_swipes',
  'video_starts',
  'video_views',
  'ten_second_views',
  'p95_views',
  'watch_ms',
] as const;
export type RollupCounter = (typeof ROLLUP_COUNTERS)[number];

/** A field of an event that counters test or add up. */
export type EventField = 'watch_ms' | 'progress_pct' | 'in_view_pct';

/**
 * What a counter takes from one event: events of one type, optionally only those whose fields reach
 * thresholds, counted or (`sum`) adding up a field. The rollup, the real-time Pin stats and the audience
 * definitions are compiled from this table.
 */
export interface CounterDef {
  eventType: EventType;
  atLeast?: Partial<Record<EventField, number>>;
  sum?: EventField;
}

export const COUNTERS: Record<RollupCounter, CounterDef> = {
  impressions: { eventType: 'impression' },
  closeups: { eventType: 'closeup' },
  saves: { eventType: 'save' },
  link_clicks: { eventType: 'link_click' },
  carousel_swipes: { eventType: 'carousel_swipe' },
  video_starts: { eventType: 'video_play' },
  // Pinterest: a view is at least 2 seconds with 50% of the video in view.
  video_views: { eventType: 'video_play', atLeast: { watch_ms: 2000, in_view_pct: 50 } },
  ten_second_views: { eventType: 'video_play', atLeast: { watch_ms: 10_000 } },
  p95_views: { eventType: 'video_play', atLeast: { progress_pct: 95 } },
  watch_ms: { eventType: 'video_play', sum: 'watch_ms' },
};

export const METRIC_IDS = [
  'impressions',
  'engagements',
  'closeups',
  'saves',
  'link_clicks',
  'carousel_swipes',
  'engagement_rate',
  'total_audience',
  'engaged_audience',
  'video_starts',
  'video_views',
  'avg_watch_time_s',
  'total_watch_time_min',
  'p95_views',
  'ten_second_views',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export type MetricUnit = 'count' | 'ratio' | 'seconds' | 'minutes';

/** How a metric is computed from the cleaned events; the engine compiles this to SQL. */
export type MetricFormula =
  | { kind: 'sum'; counter: RollupCounter }
  | { kind: 'sumOf'; counters: readonly RollupCounter[] }
  | { kind: 'ratio'; numerator: MetricFormula; denominator: MetricFormula; scale: number }
  | { kind: 'scaled'; of: MetricFormula; scale: number }
  /** People with at least one event that one of these counters counts. */
  | { kind: 'distinctUsers'; of: readonly RollupCounter[] };

export interface MetricDef {
  id: MetricId;
  label: { en: string; sv: string };
  unit: MetricUnit;
  /** true for metrics that only video Pins produce. */
  video: boolean;
  formula: MetricFormula;
  description: { en: string; sv: string };
}

const ENGAGEMENT_COUNTERS = ['closeups', 'saves', 'link_clicks', 'carousel_swipes'] as const;
const sum = (counter: RollupCounter): MetricFormula => ({ kind: 'sum', counter });

export const METRICS: Record<MetricId, MetricDef> = {
  impressions: {
    id: 'impressions',
    label: { en: 'Impressions', sv: 'Visningar' },
    unit: 'count',
    video: false,
    formula: sum('impressions'),
    description: { en: 'The total number of times your Pins were shown', sv: 'Det totala antalet gånger dina pins visades' },
  },
  engagements: {
    id: 'engagements',
    label: { en: 'Engagements', sv: 'Händelser' },
    unit: 'count',
    video: false,
    formula: { kind: 'sumOf', counters: ENGAGEMENT_COUNTERS },
    description: {
      en: 'Saves, closeups, link clicks and carousel card swipes',
      sv: 'Sparningar, närbilder, länkklick samt bläddringar av karusellkort',
    },
  },
  closeups: {
    id: 'closeups',
    label: { en: 'Closeups', sv: 'Närbilder' },
    unit: 'count',
    video: false,
    formula: sum('closeups'),
    description: { en: 'Times people viewed a close-up version of your Pin', sv: 'Antal gånger någon tittade på en närbild av din pin' },
  },
  saves: {
    id: 'saves',
    label: { en: 'Saves', sv: 'Sparningar' },
    unit: 'count',
    video: false,
    formula: sum('saves'),
    description: { en: 'Times people saved your Pins to a board', sv: 'Antal gånger någon sparat dina pins på en anslagstavla' },
  },
  link_clicks: {
    id: 'link_clicks',
    label: { en: 'Link clicks', sv: 'Länkklick' },
    unit: 'count',
    video: false,
    formula: sum('link_clicks'),
    description: { en: 'Clicks to a destination on or off Pinterest', sv: 'Klick till en destination på eller utanför Pinterest' },
  },
  carousel_swipes: {
    id: 'carousel_swipes',
    label: { en: 'Carousel swipes', sv: 'Karusellbläddringar' },
    unit: 'count',
    video: false,
    formula: sum('carousel_swipes'),
    description: { en: 'Carousel card swipes', sv: 'Bläddringar av karusellkort' },
  },
  engagement_rate: {
    id: 'engagement_rate',
    label: { en: 'Engagement rate', sv: 'Engagemangsgrad' },
    unit: 'ratio',
    video: false,
    formula: {
      kind: 'ratio',
      numerator: { kind: 'sumOf', counters: ENGAGEMENT_COUNTERS },
      denominator: sum('impressions'),
      scale: 1,
    },
    description: { en: 'Engagements divided by impressions', sv: 'Händelser delat med visningar' },
  },
  total_audience: {
    id: 'total_audience',
    label: { en: 'Total audience', sv: 'Total publik' },
    unit: 'count',
    video: false,
    formula: { kind: 'distinctUsers', of: ['impressions'] },
    description: { en: 'Distinct people who saw your Pins', sv: 'Unika personer som såg dina pins' },
  },
  engaged_audience: {
    id: 'engaged_audience',
    label: { en: 'Engaged audience', sv: 'Engagerad publik' },
    unit: 'count',
    video: false,
    formula: { kind: 'distinctUsers', of: ENGAGEMENT_COUNTERS },
    description: { en: 'Distinct people who engaged with your Pins', sv: 'Unika personer som interagerade med dina pins' },
  },
  video_starts: {
    id: 'video_starts',
    label: { en: 'Video starts', sv: 'Videostarter' },
    unit: 'count',
    video: true,
    formula: sum('video_starts'),
    description: { en: 'Times a video started playing', sv: 'Antal gånger en video började spelas' },
  },
  video_views: {
    id: 'video_views',
    label: { en: 'Video views', sv: 'Videovisningar' },
    unit: 'count',
    video: true,
    formula: sum('video_views'),
    description: {
      en: 'Views for at least 2 seconds with 50% of the video in view',
      sv: 'Antalet visningar i minst 2 sekunder med 50 % av videon synlig',
    },
  },
  avg_watch_time_s: {
    id: 'avg_watch_time_s',
    label: { en: 'Average watch time', sv: 'Genomsnittlig visningstid' },
    unit: 'seconds',
    video: true,
    formula: { kind: 'ratio', numerator: sum('watch_ms'), denominator: sum('video_starts'), scale: 1 / 1000 },
    description: {
      en: 'The average time someone spent watching your video',
      sv: 'Den genomsnittliga tid som någon har tittat på din video',
    },
  },
  total_watch_time_min: {
    id: 'total_watch_time_min',
    label: { en: 'Total watch time', sv: 'Total visningstid' },
    unit: 'minutes',
    video: true,
    formula: { kind: 'scaled', of: sum('watch_ms'), scale: 1 / 60000 },
    description: { en: 'The total watch time for your video in minutes', sv: 'Den totala visningstiden för din video i minuter' },
  },
  p95_views: {
    id: 'p95_views',
    label: { en: '95% views', sv: '95 % visningar' },
    unit: 'count',
    video: true,
    formula: sum('p95_views'),
    description: {
      en: 'Times your video was viewed to 95% of its length',
      sv: 'Antalet gånger din video har visats till 95 % av sin längd',
    },
  },
  ten_second_views: {
    id: 'ten_second_views',
    label: { en: '10-second views', sv: '10-sekundersvisningar' },
    unit: 'count',
    video: true,
    formula: sum('ten_second_views'),
    description: {
      en: 'Times your video was viewed for at least 10 seconds (no share of the video needs to be in view, so this can exceed video views)',
      sv: 'Antal gånger din video visades i minst 10 sekunder (ingen andel av videon behöver synas, så siffran kan vara högre än videovisningar)',
    },
  },
};

export function isMetricId(value: string): value is MetricId {
  return (METRIC_IDS as readonly string[]).includes(value);
}

/** Metrics that need distinct users, which rollups cannot give. */
export const AUDIENCE_METRICS: readonly MetricId[] = METRIC_IDS.filter((id) => METRICS[id].formula.kind === 'distinctUsers');
/** Metrics computed from the summed counters (everything but the distinct-user audiences). */
export const COUNTER_METRICS: readonly MetricId[] = METRIC_IDS.filter((id) => !AUDIENCE_METRICS.includes(id));
export const VIDEO_METRICS: readonly MetricId[] = METRIC_IDS.filter((id) => METRICS[id].video);
/** The event types of a distinct-user metric's counters. */
export function audienceEventTypes(formula: Extract<MetricFormula, { kind: 'distinctUsers' }>): EventType[] {
  return [...new Set(formula.of.map((c) => COUNTERS[c].eventType))];
}

/** Metrics that add up over days and selections (everything but ratios and distinct audiences). */
export function isAdditive(id: MetricId): boolean {
  const kind = METRICS[id].formula.kind;
  return kind === 'sum' || kind === 'sumOf' || kind === 'scaled';
}

const sameFormula = (a: MetricFormula, b: MetricFormula): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * A formula's value in JavaScript, from `leaf`: the value of a sum or sumOf part (the events' counters), or
 * null where the data cannot say. Ratios with nothing to divide are null; distinct audiences cannot be derived.
 */
export function evaluateFormula(
  f: MetricFormula,
  leaf: (part: Extract<MetricFormula, { kind: 'sum' | 'sumOf' }>) => number | null,
): number | null {
  switch (f.kind) {
    case 'sum':
    case 'sumOf':
      return leaf(f);
    case 'ratio': {
      const numerator = evaluateFormula(f.numerator, leaf);
      const denominator = evaluateFormula(f.denominator, leaf);
      return numerator === null || !denominator ? null : (numerator * f.scale) / denominator;
    }
    case 'scaled': {
      const value = evaluateFormula(f.of, leaf);
      return value === null ? null : value * f.scale;
    }
    case 'distinctUsers':
      return null;
  }
}

/**
 * Every metric of the catalogue from the additive metrics alone (summed days of an Analytics export, where no
 * counters are known): a sum part is the metric with that formula, or one that scales it (total watch time for
 * the watched milliseconds). Additive metrics keep their value; ratios are recomputed by their formula.
 */
export function metricsFromAdditive(additive: Partial<Record<MetricId, number | null>>): Record<MetricId, number | null> {
  const leaf = (part: MetricFormula): number | null => {
    for (const id of METRIC_IDS) {
      const f = METRICS[id].formula;
      const value = additive[id];
      if (value === undefined || value === null) continue;
      if (sameFormula(f, part)) return value;
      if (f.kind === 'scaled' && sameFormula(f.of, part)) return value / f.scale;
    }
    return null;
  };
  return Object.fromEntries(
    METRIC_IDS.map((id) => [id, isAdditive(id) ? (additive[id] ?? null) : evaluateFormula(METRICS[id].formula, leaf)]),
  ) as Record<MetricId, number | null>;
}

/** The count metrics whose path from raw records to the figure the reconcile view shows step by step. */
export const RECONCILE_METRICS: readonly MetricId[] = METRIC_IDS.filter((id) => isAdditive(id) && METRICS[id].unit === 'count');

/** The metrics the top Pins and top boards lists offer to sort by, in order. */
export const TOP_SORT_METRICS: readonly MetricId[] = ['impressions', 'engagements', 'saves', 'closeups', 'link_clicks'];
/** The metrics the top video Pins list offers to sort by, in order. */
export const VIDEO_SORT_METRICS: readonly MetricId[] = [
  'video_views',
  'avg_watch_time_s',
  'p95_views',
  'ten_second_views',
  'total_watch_time_min',
];

/** The overview's KPI tiles, in order. */
export const OVERVIEW_KPIS: readonly MetricId[] = [
  'impressions',
  'engagements',
  'engagement_rate',
  'closeups',
  'saves',
  'link_clicks',
  'total_audience',
  'engaged_audience',
];
