/** Turns optional --from/--to into a concrete range; without them, the last 30 days of the data. */
import { addDays } from '../../../shared/dates';
import { DEFAULT_RANGE_DAYS, type Filters } from '../../../shared/filters';
import type { ResolvedRange } from '../../../shared/results';
import type { Workspace } from '../db/workspace';

export interface DataBounds {
  firstDay: string | null;
  lastDay: string | null;
}

export async function eventBounds(ws: Workspace): Promise<DataBounds> {
  const first = (await ws.getMeta('events_first_day')) || null;
  const last = (await ws.getMeta('events_last_day')) || null;
  return { firstDay: first, lastDay: last };
}

export function resolveRange(filters: Pick<Filters, 'from' | 'to'>, bounds: DataBounds): ResolvedRange {
  const anchor = bounds.lastDay ?? new Date().toISOString().slice(0, 10);
  const to = filters.to ?? (filters.from ? maxDay(anchor, filters.from) : anchor);
  const from = filters.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  return { from, to, dataLatestDay: bounds.lastDay };
}

const maxDay = (a: string, b: string): string => (a > b ? a : b);
