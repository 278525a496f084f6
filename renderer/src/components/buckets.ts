/** A weekly or monthly bucket's days inside the range (shared with the exports), as the views say them. */
import { bucketOverlaps, type BucketSpan } from '../../../shared/bucket-span';
import type { Granularity } from '../../../shared/query';
import type { Coverage } from '../../../shared/results';

export { bucketSpan, type BucketSpan } from '../../../shared/bucket-span';

/** A partial bucket's days as text: one day, or the first and last. */
export function spanDays(span: BucketSpan, formatDay: (d: string) => string): string {
  return span.from === span.to ? formatDay(span.from) : `${formatDay(span.from)} – ${formatDay(span.to)}`;
}

/** Whether a bucket of range B has data: at least one of its days among B's covered days (without coverage: yes). */
export function bucketCovered(start: string, granularity: Granularity, coverage: Coverage | undefined): boolean {
  if (!coverage) return true;
  return coverage.from !== null && bucketOverlaps(start, granularity, { from: coverage.from, to: coverage.to });
}
