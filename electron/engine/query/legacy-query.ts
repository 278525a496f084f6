/** The legacy (pre-2019) history from legacy exports, kept apart from today's views. */
import { LEGACY_ONLY_METRICS } from '../../../shared/export-vocabulary';
import { METRIC_IDS } from '../../../shared/metrics';
import type { QuerySpec } from '../../../shared/query';
import type { LegacyResult } from '../../../shared/results';
import type { Workspace } from '../db/workspace';
import { bucketOf, bucketsBetween } from './compile/buckets';
import { describeSnapshots, exportBounds, snapshotsById } from './snapshot-selection';
import { dailyFromSnapshots } from './snapshot-overview-query';

export async function legacyQuery(ws: Workspace, spec: QuerySpec): Promise<LegacyResult> {
  const bounds = await exportBounds(ws, true);
  const from = spec.filters.from ?? bounds.firstDay;
  const to = spec.filters.to ?? bounds.lastDay;
  if (!from || !to) {
    return {
      view: 'legacy',
      range: { from: from ?? '', to: to ?? '', dataLatestDay: null },
      metrics: [],
      totals: {},
      series: [],
      provenance: { kind: 'none', reason: 'noLegacyData', detail: 'No legacy (pre-2019) exports in this workspace' },
    };
  }
  const range = { from, to, dataLatestDay: bounds.lastDay };
  const { days, snapshotIds } = await dailyFromSnapshots(ws, spec.filters, range, true);
  const present = new Set([...days.values()].flatMap((d) => Object.keys(d)));
  const metrics = [...METRIC_IDS, ...LEGACY_ONLY_METRICS].filter((m) => present.has(m));
  const series = bucketsBetween(from, to, spec.granularity).map((date) => {
    const inBucket = [...days.entries()].filter(([d]) => bucketOf(d, spec.granularity) === date).map(([, v]) => v);
    const point: LegacyResult['series'][number] = { date };
    for (const m of metrics) {
      const values = inBucket.map((d) => d[m]).filter((v): v is number => typeof v === 'number');
      // Viewers are distinct people: only a single day's figure is meaningful.
      const additive = !(LEGACY_ONLY_METRICS as readonly string[]).includes(m);
      point[m] = values.length ? (additive ? values.reduce((a, b) => a + b, 0) : inBucket.length === 1 ? (values[0] ?? null) : null) : null;
    }
    return point;
  });
  const totals: Record<string, number | null> = {};
  for (const m of metrics) {
    const additive = !(LEGACY_ONLY_METRICS as readonly string[]).includes(m);
    const values = [...days.values()].map((d) => d[m]).filter((v): v is number => typeof v === 'number');
    totals[m] = additive && values.length ? values.reduce((a, b) => a + b, 0) : null;
  }
  const snapshots = await snapshotsById(ws, snapshotIds);
  return {
    view: 'legacy',
    range,
    metrics,
    totals,
    series,
    provenance: snapshots.length
      ? {
          kind: 'legacy',
          reason: 'legacyData',
          from,
          to,
          detail: `Legacy analytics (before 2019), from older exports: ${describeSnapshots(snapshots)}`,
        }
      : { kind: 'none', reason: 'noLegacyData', from, to, detail: `No legacy data between ${from} and ${to}` },
  };
}
