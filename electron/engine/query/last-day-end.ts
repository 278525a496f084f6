/**
 * Event dumps are often taken during a day: their last day then holds only its first hours, and its numbers
 * drop on the chart and in the totals as if the Pins had done worse. Said where the range reaches that day.
 */
import type { LastDayEnd, ResolvedRange } from '../../../shared/results';
import type { Workspace } from '../db/workspace';
import type { DataBounds } from './resolve-range';

/** A last day whose latest event is before this local time is said to end early (an hour or more missing). */
const WHOLE_FROM = '23:00';

export async function lastDayEnd(
  ws: Workspace,
  range: Pick<ResolvedRange, 'from' | 'to'>,
  bounds: DataBounds,
): Promise<LastDayEnd | undefined> {
  const day = bounds.lastDay;
  if (!day || day < range.from || day > range.to) return undefined;
  const latest = new Date((await ws.getMeta('events_latest_time')) ?? '');
  if (Number.isNaN(latest.getTime())) return undefined;
  const timeZone = await ws.timeZone();
  const local = localTime(latest, timeZone);
  // The latest event is not on the last day of the cleaned data (it was spam, or out of scope): nothing to say.
  if (!local || local.day !== day || local.time >= WHOLE_FROM) return undefined;
  return { day, at: latest.toISOString(), time: local.time, timeZone };
}

/** A formatter per time zone (making one costs far more than using it; every overview asks). */
const clocks = new Map<string, Intl.DateTimeFormat | null>();

function clockOf(timeZone: string): Intl.DateTimeFormat | null {
  if (!clocks.has(timeZone)) {
    let clock: Intl.DateTimeFormat | null = null;
    try {
      clock = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      // A zone this runtime does not know.
    }
    clocks.set(timeZone, clock);
  }
  return clocks.get(timeZone) ?? null;
}

/** The wall-clock day and time of an instant in an IANA time zone; null for a zone this runtime does not know. */
export function localTime(at: Date, timeZone: string): { day: string; time: string } | null {
  const parts = clockOf(timeZone)?.formatToParts(at);
  if (!parts) return null;
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}
