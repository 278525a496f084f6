import { describe, expect, it } from 'vitest';
import { presetRange } from '../../../shared/date-presets';
import { addDays, daysBetween, mondayOf } from '../../../shared/dates';
import { METRIC_IDS, METRICS, ROLLUP_COUNTERS, type MetricFormula } from '../../../shared/metrics';
import { UI_STRINGS } from '../../../shared/ui-strings';

function counters(f: MetricFormula): string[] {
  switch (f.kind) {
    case 'sum':
      return [f.counter];
    case 'sumOf':
      return [...f.counters];
    case 'ratio':
      return [...counters(f.numerator), ...counters(f.denominator)];
    case 'scaled':
      return counters(f.of);
    case 'distinctUsers':
      return [];
  }
}

describe('metric catalogue', () => {
  it('defines every metric id once, with English and Swedish labels', () => {
    for (const id of METRIC_IDS) {
      expect(METRICS[id].id).toBe(id);
      expect(METRICS[id].label.en).not.toBe('');
      expect(METRICS[id].label.sv).not.toBe('');
    }
  });

  it('uses the Swedish help text vocabulary', () => {
    expect(METRICS.impressions.label.sv).toBe('Visningar');
    expect(METRICS.engagements.label.sv).toBe('Händelser');
    expect(METRICS.closeups.label.sv).toBe('Närbilder');
    expect(METRICS.saves.label.sv).toBe('Sparningar');
    expect(METRICS.link_clicks.label.sv).toBe('Länkklick');
    expect(METRICS.video_views.label.sv).toBe('Videovisningar');
    expect(METRICS.p95_views.label.sv).toBe('95 % visningar');
  });

  it('builds formulas only from rollup counters', () => {
    for (const id of METRIC_IDS) for (const c of counters(METRICS[id].formula)) expect(ROLLUP_COUNTERS).toContain(c);
  });

  it('counts engagements as saves, closeups, link clicks and carousel swipes', () => {
    expect(counters(METRICS.engagements.formula).sort()).toEqual(['carousel_swipes', 'closeups', 'link_clicks', 'saves']);
  });

  it('has every UI string in both languages', () => {
    expect(Object.keys(UI_STRINGS.sv).sort()).toEqual(Object.keys(UI_STRINGS.en).sort());
  });
});

describe('dates', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-01-01', '2026-01-30')).toBe(30);
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
  });

  it('resolves presets from the data latest day', () => {
    expect(presetRange('last7', '2026-10-31')).toEqual({ from: '2026-10-25', to: '2026-10-31' });
    expect(presetRange('last30', '2026-10-31')).toEqual({ from: '2026-10-02', to: '2026-10-31' });
    expect(presetRange('thisMonth', '2026-10-31')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetRange('lastMonth', '2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
});
