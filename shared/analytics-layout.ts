/**
 * What the analytics site's export layout (a preamble of filters, then one row a day) cannot hold of an overview:
 * one rule for the engine, which refuses such an export, and the export dialog, which says so before Export.
 */
import type { Granularity } from './query';

export type AnalyticsLayoutProblem = 'split' | 'interval' | null;

export function analyticsLayoutProblem(overview: { split: boolean; granularity: Granularity }): AnalyticsLayoutProblem {
  if (overview.split) return 'split';
  return overview.granularity === 'day' ? null : 'interval';
}
