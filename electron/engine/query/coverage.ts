/** Which days of a range have data: the overlap of the range with the data's days. */
import { daysBetween } from '../../../shared/dates';
import type { Coverage } from '../../../shared/results';

export function spanCoverage(range: { from: string; to: string }, data: { firstDay: string | null; lastDay: string | null }): Coverage {
  const days = daysBetween(range.from, range.to);
  if (!data.firstDay || !data.lastDay || data.lastDay < range.from || data.firstDay > range.to)
    return { days, covered: 0, from: null, to: null };
  const from = data.firstDay > range.from ? data.firstDay : range.from;
  const to = data.lastDay < range.to ? data.lastDay : range.to;
  return { days, covered: daysBetween(from, to), from, to };
}

/** Coverage by a set of days that have data (export snapshots). */
export function daysCoverage(range: { from: string; to: string }, covered: Iterable<string>): Coverage {
  const inRange = [...covered].filter((d) => d >= range.from && d <= range.to).sort();
  return { days: daysBetween(range.from, range.to), covered: inRange.length, from: inRange[0] ?? null, to: inRange.at(-1) ?? null };
}
