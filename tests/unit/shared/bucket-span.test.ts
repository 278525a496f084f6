/** Weeks and months of a series: the days they hold inside a range, and whether they reach into range B's data. */
import { describe, expect, it } from 'vitest';
import { bucketOverlaps, bucketSpan } from '../../../shared/bucket-span';

describe('buckets', () => {
  it('a week the range cuts holds only its days inside the range, and is marked partial', () => {
    expect(bucketSpan('2025-10-13', 'week', { from: '2025-10-17', to: '2025-11-15' })).toEqual({
      from: '2025-10-17',
      to: '2025-10-19',
      partial: true,
    });
    expect(bucketSpan('2025-10-20', 'week', { from: '2025-10-17', to: '2025-11-15' }).partial).toBe(false);
  });

  it('a week or month has data when any of its days is within the covered days, not only its first', () => {
    const covered = { from: '2025-11-06', to: '2025-11-15' };
    expect(bucketOverlaps('2025-11-03', 'week', covered)).toBe(true);
    expect(bucketOverlaps('2025-10-27', 'week', covered)).toBe(false);
    expect(bucketOverlaps('2025-11-01', 'month', covered)).toBe(true);
    expect(bucketOverlaps('2025-10-01', 'month', covered)).toBe(false);
    expect(bucketOverlaps('2025-11-05', 'day', covered)).toBe(false);
    expect(bucketOverlaps('2025-11-16', 'day', { from: '2025-11-06', to: null })).toBe(true);
  });
});
