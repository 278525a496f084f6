/** The renderer's store: filters, presets and range B, reset from the exported initial state. */
import { beforeEach, describe, expect, it } from 'vitest';
import { initialAppState, useAppStore } from '../../../renderer/src/store/app-store';
import { compareProblem, compareRangeOf, effectiveCompareRange } from '../../../renderer/src/store/filters-slice';
import { screenSpec } from '../../../renderer/src/store/views-slice';

const options = {
  accounts: [],
  held: { contentType: [], device: [], source: [], format: [] },
  unknown: [],
  firstDay: '2025-11-01',
  lastDay: '2026-10-31',
};

beforeEach(() => {
  useAppStore.setState({ ...initialAppState, options });
});

describe('app store', () => {
  it('date presets count back from the data latest day, not from today', () => {
    useAppStore.getState().setPreset('last7');
    expect(useAppStore.getState().filters).toMatchObject({ from: '2026-10-25', to: '2026-10-31' });
    useAppStore.getState().setPreset('lastMonth');
    expect(useAppStore.getState().filters).toMatchObject({ from: '2026-09-01', to: '2026-09-30' });
  });

  it('a custom range switches the preset to custom', () => {
    useAppStore.getState().setCustomRange('2026-08-01', '2026-08-15');
    expect(useAppStore.getState().preset).toBe('custom');
    expect(useAppStore.getState().filters).toMatchObject({ from: '2026-08-01', to: '2026-08-15' });
  });

  it('a year still being typed (0002, 0020, 0202) is not applied: no query, the last valid range stays', () => {
    useAppStore.getState().setCustomRange('2026-08-01', '2026-08-15');
    for (const year of ['0002', '0020', '0202']) useAppStore.getState().setCustomRange(`${year}-08-01`, '2026-08-15');
    expect(useAppStore.getState().filters).toMatchObject({ from: '2026-08-01', to: '2026-08-15' });
    expect(useAppStore.getState().rangeDraft).toEqual({ from: '0202-08-01', to: '2026-08-15' });
    useAppStore.getState().setCustomRange('2025-08-01', '2026-08-15');
    expect(useAppStore.getState().filters).toMatchObject({ from: '2025-08-01', to: '2026-08-15' });
    expect(useAppStore.getState().rangeDraft).toBeNull();
  });

  it('a reversed range is kept as typed but not applied: the last valid range stays', () => {
    useAppStore.getState().setCustomRange('2026-08-01', '2026-08-15');
    useAppStore.getState().setCustomRange('2026-08-20', '2026-08-15');
    expect(useAppStore.getState().filters).toMatchObject({ from: '2026-08-01', to: '2026-08-15' });
    expect(useAppStore.getState().rangeDraft).toEqual({ from: '2026-08-20', to: '2026-08-15' });
    useAppStore.getState().setCustomRange('2026-08-10', '2026-08-15');
    expect(useAppStore.getState().rangeDraft).toBeNull();
    expect(useAppStore.getState().filters).toMatchObject({ from: '2026-08-10', to: '2026-08-15' });
  });

  it('range B follows A: previous period, last year, or complete custom dates', () => {
    const s = useAppStore.getState();
    s.setCustomRange('2026-09-01', '2026-09-30');
    expect(compareRangeOf(useAppStore.getState())).toBeUndefined();
    s.setCompare({ enabled: true });
    expect(compareRangeOf(useAppStore.getState())).toEqual({ from: '2026-08-02', to: '2026-08-31' });
    s.setCompare({ preset: 'lastYear' });
    expect(compareRangeOf(useAppStore.getState())).toEqual({ from: '2025-09-01', to: '2025-09-30' });
    // Custom dates start from the previous period's where none are given.
    s.setCompare({ preset: 'custom', from: '2026-07-01' });
    expect(compareRangeOf(useAppStore.getState())).toEqual({ from: '2026-07-01', to: '2026-08-31' });
    s.setCompare({ to: '2026-07-31' });
    expect(compareRangeOf(useAppStore.getState())).toEqual({ from: '2026-07-01', to: '2026-07-31' });
    // A reversed B is no range B; the last valid one stays in use, and the problem is named.
    s.setCompare({ from: '2026-08-15' });
    expect(compareRangeOf(useAppStore.getState())).toBeUndefined();
    expect(effectiveCompareRange(useAppStore.getState())).toEqual({ from: '2026-07-01', to: '2026-07-31' });
    expect(compareProblem(useAppStore.getState())).toBe('compareInvalid');
  });

  it('an export of "this view" carries the view, its sort and range B', () => {
    const s = useAppStore.getState();
    s.setCustomRange('2026-09-01', '2026-09-30');
    s.setCompare({ enabled: true });
    useAppStore.setState({ view: 'top-pins', topPinsSort: 'saves' });
    expect(screenSpec(useAppStore.getState())).toMatchObject({
      view: 'top-pins',
      sortBy: 'saves',
      compare: { from: '2026-08-02', to: '2026-08-31' },
    });
    useAppStore.setState({ view: 'overview' });
    expect(screenSpec(useAppStore.getState()).view).toBe('compare');
  });
});
