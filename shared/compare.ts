/** Comparison of two date ranges: range B presets, and the change from B to A. */
import { addDays, daysBetween } from './dates';

export const COMPARE_PRESETS = ['previous', 'lastYear', 'custom'] as const;
export type ComparePreset = (typeof COMPARE_PRESETS)[number];

/** Range B for range A: the period of the same length just before it, or the same days a year earlier. */
export function compareRange(preset: Exclude<ComparePreset, 'custom'>, from: string, to: string): { from: string; to: string } {
  if (preset === 'previous') {
    const length = daysBetween(from, to);
    return { from: addDays(from, -length), to: addDays(from, -1) };
  }
  const shift = (d: string) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    // 29 February falls back to 28 February.
    const candidate = new Date(Date.UTC(y - 1, m - 1, day));
    return candidate.getUTCMonth() === m - 1
      ? candidate.toISOString().slice(0, 10)
      : new Date(Date.UTC(y - 1, m - 1, day - 1)).toISOString().slice(0, 10);
  };
  return { from: shift(from), to: shift(to) };
}

export interface Delta {
  abs: number | null;
  /** Relative change (0.1 = +10 %); null where B is 0 or missing. */
  pct: number | null;
  /** Rates only: the change in percentage points (a rate of 0.05 against 0.04 is +1 pp). */
  pp?: number | null;
}

export function delta(a: number | null | undefined, b: number | null | undefined, rate = false): Delta {
  if (a === null || a === undefined || b === null || b === undefined)
    return rate ? { abs: null, pct: null, pp: null } : { abs: null, pct: null };
  const d: Delta = { abs: a - b, pct: b === 0 ? null : (a - b) / Math.abs(b) };
  if (rate) d.pp = (a - b) * 100;
  return d;
}
