/** The days a weekly or monthly bucket of a series covers inside the range, and whether the range cuts it. */
import { addDays } from './dates';
import type { Granularity } from './query';

export interface BucketSpan {
  from: string;
  to: string;
  /** The range cuts the bucket: it covers fewer days than a whole week or month. */
  partial: boolean;
}

function bucketEnd(start: string, granularity: Granularity): string {
  if (granularity === 'day') return start;
  if (granularity === 'week') return addDays(start, 6);
  const [y, m] = start.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function bucketSpan(start: string, granularity: Granularity, range: { from: string; to: string }): BucketSpan {
  const end = bucketEnd(start, granularity);
  const from = start < range.from ? range.from : start;
  const to = end > range.to ? range.to : end;
  return { from, to, partial: granularity !== 'day' && (from !== start || to !== end) };
}

/** Whether a bucket starting at `start` has a day inside the range (a week that starts before it may). */
export function bucketOverlaps(start: string, granularity: Granularity, range: { from: string; to: string | null }): boolean {
  return bucketEnd(start, granularity) >= range.from && (range.to === null || start <= range.to);
}
