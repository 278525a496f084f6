/** A weekly or monthly bucket's days inside the range (shared with the exports), as the views say them. */
import type { BucketSpan } from '../../../shared/bucket-span';

export { bucketSpan, type BucketSpan } from '../../../shared/bucket-span';

/** A partial bucket's days as text: one day, or the first and last. */
export function spanDays(span: BucketSpan, formatDay: (d: string) => string): string {
  return span.from === span.to ? formatDay(span.from) : `${formatDay(span.from)} – ${formatDay(span.to)}`;
}
