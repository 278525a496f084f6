/** Checks on values of saved API responses. */
import { isCalendarDay, MAX_DAY, MIN_DAY } from '../../../../shared/dates';

export const isoDayOk = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && isCalendarDay(s) && s >= MIN_DAY && s <= MAX_DAY;
