/**
 * Runs a view on the right source. Event data wins where it covers the chosen range; otherwise the view reads
 * Analytics export snapshots. A view never adds two sources for the same days, and says which one it used.
 */
import { PinsightError } from '../../../shared/api';
import type { QuerySpec } from '../../../shared/query';
import { TOP_ROW_COLUMNS, type QueryResult, type TopResult } from '../../../shared/results';
import type { Workspace } from '../db/workspace';
import { rowsToArrowIpc } from './arrow-rows';
import { compareQuery, topComparison } from './compare-query';
import { exportBounds } from './export-snapshots';
import { exportOverviewQuery } from './export-overview-query';
import { exportTopQuery } from './export-top-query';
import { legacyQuery } from './legacy-query';
import { overviewQuery } from './overview-query';
import { pinStatsQuery } from './pin-stats-query';
import { eventBounds, resolveRange } from './resolve-range';
import { defaultSort, topQuery } from './top-query';

async function exportsFor(ws: Workspace, spec: QuerySpec) {
  const events = await eventBounds(ws);
  if (events.lastDay) {
    const range = resolveRange(spec.filters, events);
    if (range.from <= events.lastDay && range.to >= events.firstDay!) return null;
  }
  const exports = await exportBounds(ws, false);
  if (!exports.lastDay) return null;
  return resolveRange(spec.filters, exports);
}

export async function runQuery(ws: Workspace, spec: QuerySpec): Promise<QueryResult> {
  const run = (s: QuerySpec) => runQuery(ws, s);
  switch (spec.view) {
    case 'compare': {
      if (!spec.compare) throw new PinsightError('invalid-argument', 'The compare view needs range B (--compare-from, --compare-to)');
      return compareQuery(run, { ...spec, compare: spec.compare });
    }
    case 'overview': {
      const range = await exportsFor(ws, spec);
      return range ? exportOverviewQuery(ws, spec, range) : overviewQuery(ws, spec);
    }
    case 'top-pins':
    case 'top-boards':
    case 'top-video-pins': {
      const topSpec = { ...spec, view: spec.view } as QuerySpec & { view: TopResult['view'] };
      const range = await exportsFor(ws, spec);
      const a = range ? await exportTopQuery(ws, topSpec, range, spec.sortBy ?? defaultSort(spec.view)) : await topQuery(ws, topSpec);
      const result = spec.compare ? { ...a, comparison: await topComparison(run, { ...spec, compare: spec.compare }, a) } : a;
      return spec.transfer === 'arrow' ? { ...result, rows: [], rowsArrow: rowsToArrowIpc(result.rows as Record<string, unknown>[], TOP_ROW_COLUMNS) } : result;
    }
    case 'pin':
      return pinStatsQuery(ws, spec);
    case 'legacy':
      return legacyQuery(ws, spec);
    default:
      throw new PinsightError('invalid-argument', `Unknown view ${String(spec.view)}`);
  }
}
