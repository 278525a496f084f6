/** The overview from Analytics export snapshots: per day, the newest snapshot of exactly this selection. */
import { splitDimension, splitValues, type Filters } from '../../../shared/filters';
import { isAdditive, METRIC_IDS, metricsFromAdditive, type MetricId } from '../../../shared/metrics';
import type { QuerySpec } from '../../../shared/query';
import type { MetricValues, OverviewResult, ResolvedRange, SeriesPoint } from '../../../shared/results';
import type { Workspace } from '../db/workspace';
import { bucketOf, bucketsBetween } from './compile/buckets';
import { PROVISIONAL_METRIC } from '../../../shared/export-vocabulary';
import { compileSnapshotDays, compileSnapshotTotals } from './compile/snapshot-sql';
import { describeSnapshots, noMatchDetail, snapshotsById } from './snapshot-selection';
import { emptyMetrics } from './overview-query';
import { daysCoverage } from './coverage';

type DayValues = Map<string, Partial<Record<string, number | null>>>;

/** Values per day for one selection: each day from the newest snapshot that has it (never two snapshots). */
export async function dailyFromSnapshots(ws: Workspace, filters: Filters, range: { from: string; to: string }, legacy = false) {
  const statement = compileSnapshotDays(filters, range, legacy);
  const rows = await ws.all<{ day: string; metric: string; value: number | null; snapshot_id: number }>(statement.sql, statement.params);
  const days: DayValues = new Map();
  for (const r of rows) {
    const d = days.get(r.day) ?? {};
    d[r.metric] = r.value;
    days.set(r.day, d);
  }
  return { days, snapshotIds: [...new Set(rows.map((r) => r.snapshot_id))] };
}

const sum = (values: (number | null | undefined)[]): number | null => {
  const present = values.filter((v): v is number => typeof v === 'number');
  return present.length ? present.reduce((a, b) => a + b, 0) : null;
};

/** Metrics over several days: additive metrics add up, ratios follow the catalogue's formulas, audiences stay null. */
export function combineDays(days: Partial<Record<string, number | null>>[], single: boolean): MetricValues {
  if (!days.length) return emptyMetrics();
  const first = days[0];
  if (single && first) return Object.fromEntries(METRIC_IDS.map((id) => [id, first[id] ?? null])) as MetricValues;
  const additive = Object.fromEntries(METRIC_IDS.filter(isAdditive).map((id) => [id, sum(days.map((d) => d[id]))]));
  return metricsFromAdditive(additive);
}

export async function exportOverviewQuery(ws: Workspace, spec: QuerySpec, range: ResolvedRange): Promise<OverviewResult> {
  const base = { view: 'overview' as const, range, granularity: spec.granularity };
  const whole = await dailyFromSnapshots(ws, spec.filters, range);
  const dimension = splitDimension(spec.splitBy);
  const values: (string | null)[] = dimension ? [...splitValues(spec.splitBy)] : [null];
  const perSplit = new Map<string | null, DayValues>();
  const used = new Set(whole.snapshotIds);
  for (const v of values) {
    if (v === null || !dimension) {
      perSplit.set(null, whole.days);
      continue;
    }
    const part = await dailyFromSnapshots(ws, { ...spec.filters, [dimension]: v }, range);
    part.snapshotIds.forEach((id) => used.add(id));
    perSplit.set(v, part.days);
  }
  if (!used.size) {
    return {
      ...base,
      totals: emptyMetrics(),
      series: [],
      provenance: { kind: 'none', reason: 'noExportMatch', detail: await noMatchDetail(ws, spec.filters) },
      coverage: daysCoverage(range, []),
    };
  }
  const series: SeriesPoint[] = [];
  for (const bucket of bucketsBetween(range.from, range.to, spec.granularity)) {
    for (const [split, days] of perSplit) {
      const inBucket = [...days.entries()]
        .filter(([d]) => bucketOf(d, spec.granularity) === bucket && d >= range.from && d <= range.to)
        .map(([, v]) => v);
      series.push({ date: bucket, split, ...combineDays(inBucket, spec.granularity === 'day') });
    }
  }
  const totals = await totalsFor(ws, spec.filters, range, whole.days);
  const snapshots = await snapshotsById(ws, [...used]);
  const provisionalDays = [...whole.days.entries()]
    .filter(([d, v]) => v[PROVISIONAL_METRIC] && d >= range.from && d <= range.to)
    .map(([d]) => d);
  return {
    ...base,
    ...(provisionalDays.length ? { provisionalDays } : {}),
    totals,
    series,
    provenance: {
      kind: 'export',
      reason: 'exportSnapshots',
      from: range.from,
      to: range.to,
      detail: `Analytics export snapshot(s): ${describeSnapshots(snapshots)}`,
    },
    coverage: daysCoverage(range, whole.days.keys()),
  };
}

/** A snapshot of exactly this range has a Total row with the true distinct audiences; otherwise add days up. */
async function totalsFor(ws: Workspace, filters: Filters, range: { from: string; to: string }, days: DayValues): Promise<MetricValues> {
  const statement = compileSnapshotTotals(filters, range);
  const exact = await ws.all<{ metric: string; value: number | null }>(statement.sql, statement.params);
  const totals = combineDays([...days.values()], false);
  for (const r of exact) if ((METRIC_IDS as readonly string[]).includes(r.metric)) totals[r.metric as MetricId] = r.value;
  return totals;
}
