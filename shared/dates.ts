/** Date helpers on ISO day strings (YYYY-MM-DD, UTC calendar days), bounded to the days Pinsight supports. */

const DAY_MS = 86_400_000;

/**
 * The days a filter, a compare range or a stored value may name. Pinterest started in 2009; nothing an analyst
 * has predates 2000 or reaches past 2099, and bounding the range keeps every day a four-digit, sortable string.
 */
export const MIN_DAY = '2000-01-01';
export const MAX_DAY = '2099-12-31';
/** The longest range one series may cover (the whole supported span). */
export const MAX_RANGE_DAYS = 36_525;

export class DateRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DateRangeError';
  }
}

/** True for a real calendar day written YYYY-MM-DD (any year of four digits). */
export function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

/** True for a calendar day inside MIN_DAY..MAX_DAY. */
export function isSupportedDay(s: string): boolean {
  return isCalendarDay(s) && s >= MIN_DAY && s <= MAX_DAY;
}

/** The day `days` after `day`. Throws, instead of returning a day that would not sort, beyond years 0000-9999. */
export function addDays(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + days * DAY_MS;
  const iso = Number.isNaN(t) ? '' : new Date(t).toISOString();
  if (!/^\d{4}-/.test(iso)) throw new DateRangeError(`${day} plus ${days} days is outside the supported dates`);
  return iso.slice(0, 10);
}

/** Inclusive number of days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Every day from `from` to `to`, inclusive; refuses ranges outside the supported days, so it always ends. */
export function eachDay(from: string, to: string): string[] {
  if (!isSupportedDay(from) || !isSupportedDay(to)) {
    throw new DateRangeError(`Dates must lie between ${MIN_DAY} and ${MAX_DAY} (got ${from} to ${to})`);
  }
  const out: string[] = [];
  for (let d = from; d <= to && out.length <= MAX_RANGE_DAYS; d = addDays(d, 1)) out.push(d);
  return out;
}

export function firstOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** ISO week start (Monday) of a day. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** `day` moved into MIN_DAY..MAX_DAY (for bounds read from data written before dates were bounded). */
export function clampDay(day: string): string {
  return day < MIN_DAY ? MIN_DAY : day > MAX_DAY ? MAX_DAY : day;
}
