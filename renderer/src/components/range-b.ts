/**
 * Range B laid under range A, as the chart and its table show it: B's n-th day (or week, month) under A's n-th,
 * and a bucket of B that has no day of B's data empty (shaded in the chart), not zero.
 */
import type { Granularity } from '../../../shared/query';
import type { Coverage, SeriesPoint } from '../../../shared/results';
import { bucketCovered } from './buckets';

export interface AlignedB {
  /** B's buckets in order: the n-th stands under A's n-th. */
  dates: string[];
  /** The n-th bucket of B exists and has no day of B's data. */
  noData(i: number): boolean;
  /** The n-th bucket's point of a split, where B has data there. */
  point(i: number, split: string | null): SeriesPoint | undefined;
}

export function alignB(compare: SeriesPoint[] | undefined, coverage: Coverage | undefined, granularity: Granularity): AlignedB | null {
  if (!compare?.length) return null;
  const dates = [...new Set(compare.map((p) => p.date))].sort();
  const byKey = new Map(compare.map((p) => [`${p.date}|${p.split ?? ''}`, p]));
  const noData = (i: number) => {
    const d = dates[i];
    return d !== undefined && !bucketCovered(d, granularity, coverage);
  };
  return {
    dates,
    noData,
    point: (i, split) => (noData(i) ? undefined : byKey.get(`${dates[i]}|${split ?? ''}`)),
  };
}
