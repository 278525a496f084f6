/** The filter state every view reads. */
import type { StateCreator } from 'zustand';
import { compareRange, type ComparePreset } from '../../../shared/compare';
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
}

export interface FiltersSlice {
  filters: Filters;
  compare: CompareState;
  setCompare(change: Partial<CompareState>): void;
  preset: DatePreset;
  splitBy: SplitBy;
  granularity: Granularity;
  chartMetric: MetricId;
  setPreset(preset: DatePreset): void;
  setCustomRange(from: string, to: string): void;
  setFilter<K extends 'contentType' | 'device' | 'source' | 'format'>(key: K, value: Filters[K]): void;
  setAccounts(accounts: string[]): void;
  setSplitBy(split: SplitBy): void;
  setGranularity(g: Granularity): void;
  setChartMetric(m: MetricId): void;
}

export const initialFilters: Pick<FiltersSlice, 'filters' | 'compare' | 'preset' | 'splitBy' | 'granularity' | 'chartMetric'> = {
  filters: DEFAULT_FILTERS,
  compare: { enabled: false, preset: 'previous', from: null, to: null },
  preset: 'last30',
  splitBy: 'none',
  granularity: 'day',
  chartMetric: 'impressions',
};

export const createFiltersSlice: StateCreator<AppState, [], [], FiltersSlice> = (set, get) => ({
  ...initialFilters,
  setCompare(change) {
    set({ compare: { ...get().compare, ...change } });
    get().refresh();
  },
  setPreset(preset) {
    const latest = get().options?.lastDay;
    if (preset === 'custom' || !latest) {
      set({ preset });
      return;
    }
    set({ preset, filters: { ...get().filters, ...presetRange(preset, latest) } });
    get().refresh();
  },
  setCustomRange(from, to) {
    set({ preset: 'custom', filters: { ...get().filters, from, to } });
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

/** Range B of the comparison, or undefined when comparison is off (or B is not complete yet). */
export function compareRangeOf(state: Pick<FiltersSlice, 'filters' | 'compare'>): { from: string; to: string } | undefined {
  const { compare, filters } = state;
  if (!compare.enabled || !filters.from || !filters.to) return undefined;
  if (compare.preset === 'custom') return compare.from && compare.to && compare.from <= compare.to ? { from: compare.from, to: compare.to } : undefined;
  return compareRange(compare.preset, filters.from, filters.to);
}
