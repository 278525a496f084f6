/**
 * Runs a view on the right source. Event data wins where it covers the chosen range; otherwise the view reads
 * Analytics export snapshots. A view never adds two sources for the same days, and says which one it used.
 */
import { PinsightError } from '../../../shared/api';
import type { QuerySpec } from '../../../shared/query';
import { TOP_ROW_COLUMNS, type Coverage, type QueryResult } from '../../../shared/results';
import type { Workspace } from '../db/workspace';
import { rowsToArrowIpc } from './arrow-rows';
import { compareQuery, topComparison } from './compare-query';
import { exportBounds } from './snapshot-selection';
import { dailyFromSnapshots, exportOverviewQuery } from './snapshot-overview-query';
import { daysCoverage, spanCoverage } from './coverage';
import { exportTopQuery } from './snapshot-top-query';
import { legacyQuery } from './legacy-query';
import { overviewQuery } from './overview-query';
import type { AudienceIndexes } from './audience-indexes';
import { pinStatsQuery } from './pin-stats-query';
import { reconcileQuery } from './reconcile-query';
import { eventBounds, resolveRange } from './resolve-range';
import { defaultSort, topQuery } from './top-query';

async function exportsFor(ws: Workspace, spec: QuerySpec) {
  const events = await eventBounds(ws);
  if (events.lastDay) {
    const range = resolveRange(spec.filters, events);
    if (range.from <= events.lastDay && range.to >= (events.firstDay ?? events.lastDay)) return null;
  }
  const exports = await exportBounds(ws, false);
  if (!exports.lastDay) return null;
  return resolveRange(spec.filters, exports);
}

/** The days of a range that have data for these filters: event data where it covers them, else export snapshots. */
async function rangeCoverage(ws: Workspace, filters: QuerySpec['filters'], range: { from: string; to: string }): Promise<Coverage> {
  const events = await eventBounds(ws);
  if (events.lastDay && range.from <= events.lastDay && range.to >= (events.firstDay ?? events.lastDay)) return spanCoverage(range, events);
  return daysCoverage(range, (await dailyFromSnapshots(ws, filters, range)).days.keys());
}

/** `audiences`: the engine's audience indexes, where overview audiences may come from instead of a scan. */
export async function runQuery(ws: Workspace, spec: QuerySpec, audiences?: AudienceIndexes): Promise<QueryResult> {
  const run = (s: QuerySpec) => runQuery(ws, s, audiences);
  switch (spec.view) {
    case 'compare': {
      if (!spec.compare) throw new PinsightError('invalid-argument', 'The compare view needs range B (--compare-from, --compare-to)');
      return compareQuery(run, { ...spec, compare: spec.compare });
    }
    case 'overview': {
      const range = await exportsFor(ws, spec);
      return range ? exportOverviewQuery(ws, spec, range) : overviewQuery(ws, spec, audiences);
    }
    case 'top-pins':
    case 'top-boards':
    case 'top-video-pins': {
      const topSpec = { ...spec, view: spec.view };
      const range = await exportsFor(ws, spec);
      const a = range ? await exportTopQuery(ws, topSpec, range, spec.sortBy ?? defaultSort(spec.view)) : await topQuery(ws, topSpec);
      const coverage = (range: { from: string; to: string }) => rangeCoverage(ws, spec.filters, range);
      const result = spec.compare ? { ...a, comparison: await topComparison(run, { ...spec, compare: spec.compare }, a, coverage) } : a;
      return spec.transfer === 'arrow'
        ? { ...result, rows: [], rowsArrow: rowsToArrowIpc(result.rows as Record<string, unknown>[], TOP_ROW_COLUMNS) }
        : result;
    }
    case 'pin':
      return pinStatsQuery(ws, spec);
    case 'legacy':
      return legacyQuery(ws, spec);
    case 'reconcile':
      return reconcileQuery(ws, spec, await exportsFor(ws, spec));
    default:
      throw new PinsightError('invalid-argument', `Unknown view ${String(spec.view)}`);
  }
}
