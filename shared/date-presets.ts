/** Date range presets of the filter panel, relative to the data's latest day (not today's date). */
import { addDays, firstOfMonth } from './dates';

export const DATE_PRESETS = ['last7', 'last14', 'last30', 'last90', 'thisMonth', 'lastMonth', 'custom'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export function presetRange(preset: Exclude<DatePreset, 'custom'>, latestDay: string): { from: string; to: string } {
  switch (preset) {
    case 'last7':
      return { from: addDays(latestDay, -6), to: latestDay };
    case 'last14':
      return { from: addDays(latestDay, -13), to: latestDay };
    case 'last30':
      return { from: addDays(latestDay, -29), to: latestDay };
    case 'last90':
      return { from: addDays(latestDay, -89), to: latestDay };
    case 'thisMonth':
      return { from: firstOfMonth(latestDay), to: latestDay };
    case 'lastMonth': {
      const end = addDays(firstOfMonth(latestDay), -1);
      return { from: firstOfMonth(end), to: end };
    }
  }
}
