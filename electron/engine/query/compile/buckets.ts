/** Time buckets of a series (day, ISO week, month), as first days. */
import { eachDay, firstOfMonth, mondayOf } from '../../../../shared/dates';
import type { Granularity } from '../../../../shared/query';

export function bucketOf(day: string, granularity: Granularity): string {
  if (granularity === 'week') return mondayOf(day);
  if (granularity === 'month') return firstOfMonth(day);
  return day;
}

export function bucketsBetween(from: string, to: string, granularity: Granularity): string[] {
  return [...new Set(eachDay(from, to).map((d) => bucketOf(d, granularity)))];
}

/** The first day of a bucket as a DATE (cheap to group by; label it with bucketSql). */
export function bucketDateSql(granularity: Granularity, column = 'day'): string {
  return granularity === 'day' ? column : `CAST(date_trunc('${granularity}', ${column}) AS DATE)`;
}

export function bucketSql(granularity: Granularity, column = 'day'): string {
  if (granularity === 'day') return `strftime(${column}, '%Y-%m-%d')`;
  return `strftime(date_trunc('${granularity}', ${column}), '%Y-%m-%d')`;
}
