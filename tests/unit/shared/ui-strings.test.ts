import { describe, expect, it } from 'vitest';
import { METRIC_IDS, METRICS } from '../../../shared/metrics';
import { DIMENSION_IDS, DIMENSIONS } from '../../../shared/dimensions';
import { UI_STRINGS, type StringKey } from '../../../shared/ui-strings';

/** Strings that are the same word in Swedish (names, and words Swedish borrowed). */
const SAME_IN_SWEDISH = new Set<StringKey>([
  'appName',
  'video',
  'videoKpis',
  'status',
  'exportFormat',
  'chartTableCaption',
  'pin',
  'kind_pins',
]);

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface strings', () => {
  const keys = Object.keys(UI_STRINGS.en) as StringKey[];

  it('every string has Swedish text of its own (not empty, not the English left in place)', () => {
    const missing = keys.filter((k) => !UI_STRINGS.sv[k]?.trim());
    const untranslated = keys.filter((k) => !SAME_IN_SWEDISH.has(k) && UI_STRINGS.sv[k] === UI_STRINGS.en[k]);
    expect(missing).toEqual([]);
    expect(untranslated).toEqual([]);
  });

  it('the Swedish text carries the same placeholders as the English', () => {
    const mismatched = keys.filter((k) => placeholders(UI_STRINGS.en[k]).join() !== placeholders(UI_STRINGS.sv[k]).join());
    expect(mismatched).toEqual([]);
  });

  it('metrics and dimensions have Swedish labels too', () => {
    for (const id of METRIC_IDS) {
      expect(METRICS[id].label.sv, id).toBeTruthy();
      expect(METRICS[id].description.sv, id).toBeTruthy();
    }
    for (const id of DIMENSION_IDS) {
      expect(DIMENSIONS[id].label.sv).toBeTruthy();
      for (const label of Object.values(DIMENSIONS[id].valueLabels)) expect((label as { sv: string }).sv).toBeTruthy();
    }
  });
});
