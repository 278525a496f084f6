/** Turns optional --from/--to into a concrete range; without them, the last 30 days of the data. */
import { addDays, clampDay, isCalendarDay } from '../../../shared/dates';
import { DEFAULT_RANGE_DAYS, type Filters } from '../../../shared/filters';
import type { DataProvenance, ResolvedRange } from '../../../shared/results';
import type { Workspace } from '../db/workspace';

export interface DataBounds {
  firstDay: string | null;
  lastDay: string | null;
}

export async function eventBounds(ws: Workspace): Promise<DataBounds> {
  // Bounds written before event times were bounded may lie outside the supported days: clamp them.
  const day = (v: string | null) => (v && isCalendarDay(v) ? clampDay(v) : null);
  return { firstDay: day(await ws.getMeta('events_first_day')), lastDay: day(await ws.getMeta('events_last_day')) };
}

export function resolveRange(filters: Pick<Filters, 'from' | 'to'>, bounds: DataBounds): ResolvedRange {
  const anchor = bounds.lastDay ?? new Date().toISOString().slice(0, 10);
  const to = filters.to ?? (filters.from ? maxDay(anchor, filters.from) : anchor);
  const from = filters.from ?? clampDay(addDays(to, -(DEFAULT_RANGE_DAYS - 1)));
  return { from, to, dataLatestDay: bounds.lastDay };
}

const maxDay = (a: string, b: string): string => (a > b ? a : b);

/**
 * Where a range's numbers come from: event data, or (a range wholly outside the days the data covers) nothing,
 * which the views say instead of showing zeros as if they were counted.
 */
export function eventProvenance(range: ResolvedRange, bounds: DataBounds): DataProvenance {
  const { firstDay, lastDay } = bounds;
  if (lastDay && (range.to < (firstDay ?? lastDay) || range.from > lastDay)) {
    return {
      kind: 'events',
      reason: 'noEventsInRange',
      from: range.from,
      to: range.to,
      detail: `No event data between ${range.from} and ${range.to} (data covers ${firstDay} to ${lastDay})`,
    };
  }
  return { kind: 'events', reason: 'eventData', from: range.from, to: range.to, detail: `Event data, ${range.from} to ${range.to}` };
}
