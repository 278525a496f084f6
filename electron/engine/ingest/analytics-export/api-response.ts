/**
 * Saved responses of Pinterest's API v5 analytics endpoints, read as export snapshots:
 * - user account analytics: `{"all": {"daily_metrics": [{"date", "data_status", "metrics": {...}}], "summary_metrics": {...}}}`,
 *   or the split form, whose top-level keys are the split values (`{"ORGANIC": {...}, "PAID": {...}}`);
 * - Pin analytics: `{"<pin id>": {"all": {"daily_metrics": [...], "summary_metrics": {...}}}}` (one entry per Pin),
 *   read as a top-Pins section of the Pins' summary metrics (and, for one Pin, nothing else);
 * - top Pins / top video Pins: `{"pins": [{"pin_id", "metrics": {...}}], "sort_by", "date_availability"}`.
 * The selection is not in the JSON: it comes from the import (flags, export-context fields) or is "all".
 */
import { PinsightError } from '../../../../shared/api';
import { DIMENSIONS, type DimensionId } from '../../../../shared/dimensions';
import { PROVISIONAL_METRIC } from '../../../../shared/export-vocabulary';
import { isMetricId, METRICS } from '../../../../shared/metrics';
import { isoDayOk } from './api-values';
import type { ExportContext, ExportRow, ExportSection, ParsedExport } from './export-types';

/** API metric names -> Pinsight metrics, with the factor that converts the API's unit (milliseconds) to ours. */
export const API_METRICS: Record<string, { metric: string; factor: number }> = {
  IMPRESSION: { metric: 'impressions', factor: 1 },
  SAVE: { metric: 'saves', factor: 1 },
  PIN_CLICK: { metric: 'closeups', factor: 1 },
  CLOSEUP: { metric: 'closeups', factor: 1 },
  OUTBOUND_CLICK: { metric: 'link_clicks', factor: 1 },
  ENGAGEMENT: { metric: 'engagements', factor: 1 },
  ENGAGEMENT_RATE: { metric: 'engagement_rate', factor: 1 },
  TOTAL_AUDIENCE: { metric: 'total_audience', factor: 1 },
  ENGAGED_AUDIENCE: { metric: 'engaged_audience', factor: 1 },
  VIDEO_START: { metric: 'video_starts', factor: 1 },
  VIDEO_MRC_VIEW: { metric: 'video_views', factor: 1 },
  VIDEO_10S_VIEW: { metric: 'ten_second_views', factor: 1 },
  QUARTILE_95_PERCENT_VIEW: { metric: 'p95_views', factor: 1 },
  VIDEO_AVG_WATCH_TIME: { metric: 'avg_watch_time_s', factor: 1 / 1000 },
  VIDEO_V50_WATCH_TIME: { metric: 'total_watch_time_min', factor: 1 / 60_000 },
};

/** The API's split values -> a dimension and its value. */
export const API_SPLITS: Record<string, [DimensionId, string]> = {
  ORGANIC: ['contentType', 'organic'],
  PAID: ['contentType', 'paid'],
  MOBILE: ['device', 'mobile'],
  TABLET: ['device', 'tablet'],
  WEB: ['device', 'web'],
  DESKTOP: ['device', 'web'],
  YOUR_PINS: ['source', 'yours'],
  OTHER_PINS: ['source', 'others'],
  REGULAR: ['format', 'standard'],
  STANDARD: ['format', 'standard'],
  VIDEO: ['format', 'video'],
  CAROUSEL: ['format', 'carousel'],
};

export interface ApiSnapshot {
  parsed: ParsedExport;
  /** The dimension a split form's entry fixes, on top of the import's selection. */
  split?: [DimensionId, string];
}

export interface ApiResponse {
  shape: 'account analytics' | 'Pin analytics' | 'top Pins';
  snapshots: ApiSnapshot[];
  /** Metric names the API gave that Pinsight has no meaning for: kept under api:NAME, and listed. */
  unknownMetrics: string[];
  provisionalDays: number;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function metricValues(metrics: unknown, where: string, unknown: Set<string>): ExportRow['values'] {
  if (!isObject(metrics)) throw new PinsightError('bad-input', `${where}: "metrics" is not an object`);
  const values: ExportRow['values'] = {};
  for (const [name, raw] of Object.entries(metrics)) {
    if (raw !== null && typeof raw !== 'number')
      throw new PinsightError('bad-input', `${where}: metric ${name} is ${JSON.stringify(raw)}, not a number`);
    const known = API_METRICS[name];
    if (raw !== null && (raw < 0 || !Number.isFinite(raw))) {
      throw new PinsightError('bad-input', `${where}: metric ${name} is ${raw}; a count, rate or time is never negative`);
    }
    if (raw !== null && known && isMetricId(known.metric) && METRICS[known.metric].unit === 'count' && !Number.isInteger(raw)) {
      throw new PinsightError(
        'bad-input',
        `${where}: metric ${name} is ${raw}; ${METRICS[known.metric].label.en.toLowerCase()} are counted in whole numbers`,
      );
    }
    if (known) values[known.metric as keyof ExportRow['values']] = raw === null ? null : raw * known.factor;
    else {
      unknown.add(name);
      values[`api:${name}`] = raw;
    }
  }
  return values;
}

/** One `{"daily_metrics", "summary_metrics"}` block as a daily section with its total. */
function dailySection(block: Json, where: string, unknown: Set<string>): { section: ExportSection; provisional: number } {
  const daily = block.daily_metrics;
  if (!Array.isArray(daily)) throw new PinsightError('bad-input', `${where}: "daily_metrics" is not a list`);
  let provisional = 0;
  const rows: ExportRow[] = daily.map((d: unknown, i) => {
    const at = `${where}.daily_metrics[${i}]`;
    if (!isObject(d) || typeof d.date !== 'string' || !isoDayOk(d.date))
      throw new PinsightError('bad-input', `${at}: no "date" as YYYY-MM-DD between 2000 and 2099`);
    const values = d.metrics === undefined ? {} : metricValues(d.metrics, at, unknown);
    const ready = d.data_status === undefined || d.data_status === 'READY';
    if (!ready) {
      provisional++;
      values[PROVISIONAL_METRIC] = 1;
    }
    return { line: i + 1, date: d.date, values };
  });
  const total = isObject(block.summary_metrics)
    ? { line: 0, values: metricValues(block.summary_metrics, `${where}.summary_metrics`, unknown) }
    : undefined;
  return { section: { kind: 'daily', line: 1, columns: [], rows, ...(total ? { total } : {}) }, provisional };
}

const base = (sections: ExportSection[]): ParsedExport => ({
  language: 'en',
  legacy: false,
  report: 'Pinterest API analytics',
  context: {},
  sections,
  ignoredColumns: [],
});

/** The response's shape and snapshots, or null when the JSON is no analytics response. */
export function readApiResponse(json: unknown, file: string): ApiResponse | null {
  if (!isObject(json)) return null;
  const unknown = new Set<string>();
  if (Array.isArray(json.pins)) {
    const video = typeof json.sort_by === 'string' && /^(VIDEO|QUARTILE)/.test(json.sort_by);
    const rows: ExportRow[] = json.pins.map((p: unknown, i) => {
      const at = `${file}: pins[${i}]`;
      if (!isObject(p) || (typeof p.pin_id !== 'string' && typeof p.pin_id !== 'number'))
        throw new PinsightError('bad-input', `${at}: no "pin_id"`);
      return { line: i + 1, pin_id: String(p.pin_id), values: metricValues(p.metrics, at, unknown) };
    });
    const section: ExportSection = { kind: video ? 'topVideoPins' : 'topPins', line: 1, columns: [], rows };
    return { shape: 'top Pins', snapshots: [{ parsed: base([section]) }], unknownMetrics: [...unknown], provisionalDays: 0 };
  }
  const entries = Object.entries(json);
  if (!entries.length || !entries.every(([, v]) => isObject(v))) return null;
  // Account analytics: "all", or split values, each with daily_metrics.
  if (entries.every(([k, v]) => (k === 'all' || API_SPLITS[k]) && isObject(v) && 'daily_metrics' in v)) {
    let provisionalDays = 0;
    const snapshots = entries.map(([key, block]) => {
      const { section, provisional } = dailySection(block as Json, `${file}: ${key}`, unknown);
      provisionalDays += provisional;
      const split = API_SPLITS[key];
      return { parsed: base([section]), ...(split ? { split } : {}) };
    });
    return { shape: 'account analytics', snapshots, unknownMetrics: [...unknown], provisionalDays };
  }
  // Pin analytics: Pin ids, each with "all" (or the block itself).
  if (entries.every(([k, v]) => /^\d{1,30}$/.test(k) && isObject(v) && (isObject(v.all) || 'daily_metrics' in v))) {
    const rows: ExportRow[] = entries.map(([pinId, v], i) => {
      const block = (isObject((v as Json).all) ? (v as Json).all : v) as Json;
      const summary = block.summary_metrics ?? block.lifetime_metrics;
      const values = isObject(summary) ? metricValues(summary, `${file}: ${pinId}.summary_metrics`, unknown) : {};
      return { line: i + 1, pin_id: pinId, values };
    });
    return {
      shape: 'Pin analytics',
      snapshots: [{ parsed: base([{ kind: 'topPins', line: 1, columns: [], rows }]) }],
      unknownMetrics: [...unknown],
      provisionalDays: 0,
    };
  }
  return null;
}

/** The import's selection with a split entry's dimension on top (the entry wins: it is what the numbers are). */
export function splitContext(overrides: Partial<ExportContext>, split: [DimensionId, string] | undefined): Partial<ExportContext> {
  if (!split) return overrides;
  const [id, value] = split;
  if (!(DIMENSIONS[id].values as readonly string[]).includes(value)) return overrides;
  return { ...overrides, [id]: value };
}
