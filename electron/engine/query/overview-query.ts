/** The overview view over event data: totals and a (split) time series. */
import { spanCoverage } from './coverage';
import { splitValues as valuesOfSplit, type SplitBy } from '../../../shared/filters';
import { AUDIENCE_METRICS, COUNTER_METRICS, METRIC_IDS, METRICS, type MetricId } from '../../../shared/metrics';
import type { QuerySpec } from '../../../shared/query';
import type { MetricValues, OverviewResult, ResolvedRange, SeriesPoint } from '../../../shared/results';
import { numberOrNull, type PlainRow, type PlainValue } from '../db/duckdb-values';
import type { Workspace } from '../db/workspace';
import { COMBO_ROLLUP_KEY } from '../db/import-ids';
import { bucketOf, bucketsBetween } from './compile/buckets';
import { compileOverview } from './compile/overview-sql';
import { eventBounds, eventProvenance, resolveRange, type DataBounds } from './resolve-range';
import { audiencesFromIndex } from './audience-index';
import { comboFigureRows } from './combo-figures';
import { lastDayEnd } from './last-day-end';
import { DATE_PRESETS, presetRange } from '../../../shared/date-presets';
import type { AudienceIndexes } from './audience-indexes';
import { scalarText } from '../../../shared/scalar-text';

export function emptyMetrics(): MetricValues {
  return Object.fromEntries(METRIC_IDS.map((id) => [id, null])) as MetricValues;
}

function pickMetrics(
  row: Readonly<Partial<Record<string, PlainValue>>> | undefined,
  ids: readonly MetricId[],
  into: Partial<MetricValues>,
): void {
  for (const id of ids) into[id] = numberOrNull(row?.[id]);
}

export async function overviewQuery(ws: Workspace, spec: QuerySpec, audiences?: AudienceIndexes): Promise<OverviewResult> {
  const bounds = await eventBounds(ws);
  const range = resolveRange(spec.filters, bounds);
  const totals = emptyMetrics();
  if (!bounds.lastDay) {
    return {
      view: 'overview',
      range,
      granularity: spec.granularity,
      totals,
      series: [],
      provenance: { kind: 'none', reason: 'noEventData', detail: 'No event data in this workspace' },
      coverage: spanCoverage(range, bounds),
    };
  }
  const provenance = eventProvenance(range, bounds);
  if (provenance.reason === 'noEventsInRange') {
    // Outside the days the data covers, the data cannot say anything: null, never zero.
    const series = buildSeries(range, bounds, spec.splitBy, spec.granularity, [], [], []);
    return { view: 'overview', range, granularity: spec.granularity, totals, series, provenance, coverage: spanCoverage(range, bounds) };
  }
  // One connection runs one statement at a time; the audience scans go last because they are the slow ones.
  const comboRollup = (await ws.getMeta(COMBO_ROLLUP_KEY)) === '1';
  const compiled = compileOverview(spec, range, comboRollup);
  // The summed rollup answers from memory where it can; the statement gives the same rows otherwise.
  const held = compiled.figures && comboRollup ? comboFigureRows(ws, spec, range) : null;
  const figureRows = compiled.figures ? (held ?? (await ws.all(compiled.figures.sql, compiled.figures.params))) : [];
  const totalRow = figureRows.find((r) => r.date === null);
  const seriesRows = figureRows.filter((r) => r.date !== null);
  const audience = compiled.audience ? AUDIENCE_METRICS : [];
  let audienceTotal: Readonly<Partial<Record<string, PlainValue>>> | undefined;
  let audienceRows: PlainRow[] = [];
  // The range's totals for any dimension filters come from its audience index once that is built.
  const totalsOnly = compiled.audience ? !compiled.audience.withSeries : spec.skipAudience && spec.audienceIfIndexed;
  const indexable = totalsOnly && !spec.filters.accounts.length ? audiences : undefined;
  const index = indexable ? await indexable.lookup(ws, range) : null;
  if (index) {
    audienceTotal = audiencesFromIndex(index, spec.filters);
  } else if (compiled.audience?.withSeries) {
    const rows = await ws.all(compiled.audience.sql, compiled.audience.params);
    audienceTotal = rows.find((r) => r.date === null);
    audienceRows = rows.filter((r) => r.date !== null);
  } else if (compiled.audience) {
    audienceTotal = await ws.one(compiled.audience.sql, compiled.audience.params);
    await indexable?.prepare(ws, range);
    // The date presets' ranges too, when the views are quiet: a preset picked later answers at once.
    const presets = DATE_PRESETS.filter((p) => p !== 'custom').map((p) => presetRange(p, bounds.lastDay ?? range.to));
    await indexable?.prepareWhenQuiet(ws, presets);
  }
  const lastDay = await lastDayEnd(ws, range, bounds);
  pickMetrics(totalRow, COUNTER_METRICS, totals);
  if (audienceTotal) pickMetrics(audienceTotal, AUDIENCE_METRICS, totals);

  const series = buildSeries(range, bounds, spec.splitBy, spec.granularity, seriesRows, audienceRows, spec.audienceSeries ? audience : []);
  if (!compiled.figures) for (const p of series) for (const id of COUNTER_METRICS) p[id] = null;
  return {
    view: 'overview',
    range,
    granularity: spec.granularity,
    totals,
    series,
    provenance,
    coverage: spanCoverage(range, bounds),
    ...(lastDay ? { lastDayEndsAt: lastDay } : {}),
  };
}

/** Every bucket and split value appears; buckets wholly outside the data's days have null metrics. */
function buildSeries(
  range: ResolvedRange,
  bounds: DataBounds,
  splitBy: SplitBy,
  granularity: QuerySpec['granularity'],
  rows: PlainRow[],
  audienceRows: PlainRow[],
  audience: readonly MetricId[],
): SeriesPoint[] {
  const key = (date: unknown, split: unknown) => `${scalarText(date)}|${scalarText(split)}`;
  const byKey = new Map(rows.map((r) => [key(r.date, r.split), r]));
  const audienceByKey = new Map(audienceRows.map((r) => [key(r.date, r.split), r]));
  const splitValues: (string | null)[] = splitBy === 'none' ? [null] : [...valuesOfSplit(splitBy)];
  for (const r of rows) if (r.split !== null && !splitValues.includes(String(r.split))) splitValues.push(String(r.split));
  const firstBucket = bucketOf(bounds.firstDay ?? range.from, granularity);
  const lastBucket = bucketOf(bounds.lastDay ?? range.to, granularity);

  const out: SeriesPoint[] = [];
  for (const date of bucketsBetween(range.from, range.to, granularity)) {
    const covered = date >= firstBucket && date <= lastBucket;
    for (const split of splitValues) {
      const point: SeriesPoint = { date, split };
      const row = byKey.get(key(date, split));
      if (covered) {
        pickMetrics(row, COUNTER_METRICS, point);
        // Zero-filled counts, but a ratio with nothing to divide stays null.
        for (const id of COUNTER_METRICS) if (point[id] === null && !row) point[id] = zeroOrNull(id);
        for (const id of audience) point[id] = numberOrNull(audienceByKey.get(key(date, split))?.[id]) ?? 0;
      } else {
        for (const id of COUNTER_METRICS) point[id] = null;
      }
      for (const id of AUDIENCE_METRICS) if (!audience.includes(id) || !covered) point[id] = null;
      out.push(point);
    }
  }
  return out;
}

/** An empty bucket counts zero; a ratio over an empty bucket has nothing to divide and stays null. */
function zeroOrNull(id: MetricId): number | null {
  return METRICS[id].formula.kind === 'ratio' ? null : 0;
}
