/** The filter state every view reads. */
import type { DimensionChoice, DimensionId } from '../../../shared/dimensions';
import type { StateCreator } from 'zustand';
import { compareRange, type ComparePreset } from '../../../shared/compare';
import { isSupportedDay } from '../../../shared/dates';
import { presetRange, type DatePreset } from '../../../shared/date-presets';
import { DEFAULT_FILTERS, type Filters, type SplitBy } from '../../../shared/filters';
import { AUDIENCE_METRICS, type MetricId } from '../../../shared/metrics';
import type { Granularity } from '../../../shared/query';
import type { AppState } from './app-store';

export interface CompareState {
  enabled: boolean;
  preset: ComparePreset;
  /** Range B when the preset is custom. */
  from: string | null;
  to: string | null;
  /** Changes compare per-day averages over each range's days with data (for unequal or partly covered ranges). */
  perDay: boolean;
  /** The last range B that was valid: kept on screen while the custom fields hold an invalid one. */
  lastValid: { from: string; to: string } | null;
}

export interface FiltersSlice {
  filters: Filters;
  compare: CompareState;
  setCompare(change: Partial<CompareState>): void;
  preset: DatePreset;
  /** Dates typed that do not make a range ("From" after "To"): shown in the fields, not applied. */
  rangeDraft: { from: string; to: string } | null;
  splitBy: SplitBy;
  granularity: Granularity;
  chartMetric: MetricId;
  setPreset(preset: DatePreset): void;
  setCustomRange(from: string, to: string): void;
  setFilter<K extends DimensionId>(key: K, value: DimensionChoice<K>): void;
  setAccounts(accounts: string[]): void;
  setSplitBy(split: SplitBy): void;
  setGranularity(g: Granularity): void;
  setChartMetric(m: MetricId): void;
}

export const initialFilters: Pick<
  FiltersSlice,
  'filters' | 'compare' | 'preset' | 'rangeDraft' | 'splitBy' | 'granularity' | 'chartMetric'
> = {
  rangeDraft: null,
  filters: DEFAULT_FILTERS,
  compare: { enabled: false, preset: 'previous', from: null, to: null, perDay: false, lastValid: null },
  preset: 'last30',
  splitBy: 'none',
  granularity: 'day',
  chartMetric: 'impressions',
};

export const createFiltersSlice: StateCreator<AppState, [], [], FiltersSlice> = (set, get) => ({
  ...initialFilters,
  setCompare(change) {
    const { filters } = get();
    const next = { ...get().compare, ...change };
    // Custom dates start from the previous period's, not from empty fields.
    if (change.preset === 'custom' && (!next.from || !next.to) && filters.from && filters.to) {
      const previous = compareRange('previous', filters.from, filters.to);
      next.from ??= previous.from;
      next.to ??= previous.to;
    }
    const valid = compareRangeOf({ compare: next, filters });
    if (valid) next.lastValid = valid;
    set({ compare: next });
    // perDay changes only how the deltas are shown: nothing to fetch.
    if (Object.keys(change).some((k) => k !== 'perDay')) get().refresh();
  },
  setPreset(preset) {
    const latest = get().options?.lastDay;
    if (preset === 'custom' || !latest) {
      set({ preset });
      return;
    }
    set({ preset, rangeDraft: null, filters: { ...get().filters, ...presetRange(preset, latest) } });
    get().refresh();
  },
  setCustomRange(from, to) {
    // A reversed range, or a date outside the supported days (a year half typed: 0002, 0020, 0202), is not
    // applied: the fields keep what was typed, the views the last valid range.
    if (from > to || !isSupportedDay(from) || !isSupportedDay(to)) {
      set({ rangeDraft: { from, to } });
      return;
    }
    set({ preset: 'custom', rangeDraft: null, filters: { ...get().filters, from, to } });
    get().refresh();
  },
  setFilter(key, value) {
    set({ filters: { ...get().filters, [key]: value } });
    get().refresh();
  },
  setAccounts(accounts) {
    set({ filters: { ...get().filters, accounts } });
    get().refresh();
  },
  setSplitBy(splitBy) {
    set({ splitBy });
    get().refresh();
  },
  setGranularity(granularity) {
    set({ granularity });
    get().refresh();
  },
  setChartMetric(chartMetric) {
    const before = get().chartMetric;
    set({ chartMetric });
    // Per-day audiences are fetched only for a chart that shows them.
    if (AUDIENCE_METRICS.includes(chartMetric) && !AUDIENCE_METRICS.includes(before)) get().refresh();
  },
});

/** Why the custom range B cannot be used now, or null when it can. */
export function compareProblem(state: Pick<FiltersSlice, 'filters' | 'compare'>): 'compareIncomplete' | 'compareInvalid' | null {
  const { compare } = state;
  if (!compare.enabled || compare.preset !== 'custom') return null;
  if (!compare.from || !compare.to) return 'compareIncomplete';
  return compare.from > compare.to ? 'compareInvalid' : null;
}

/** Range B to query: the current one, or while the custom fields are invalid, the last valid one. */
export function effectiveCompareRange(state: Pick<FiltersSlice, 'filters' | 'compare'>): { from: string; to: string } | undefined {
  if (!state.compare.enabled) return undefined;
  return compareRangeOf(state) ?? state.compare.lastValid ?? undefined;
}

/** Range B of the comparison, or undefined when comparison is off (or B is not complete yet). */
export function compareRangeOf(state: Pick<FiltersSlice, 'filters' | 'compare'>): { from: string; to: string } | undefined {
  const { compare, filters } = state;
  if (!compare.enabled || !filters.from || !filters.to) return undefined;
  if (compare.preset === 'custom')
    return compare.from && compare.to && compare.from <= compare.to ? { from: compare.from, to: compare.to } : undefined;
  return compareRange(compare.preset, filters.from, filters.to);
}
