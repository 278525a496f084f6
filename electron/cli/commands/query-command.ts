import { parseArgs } from 'node:util';
import { METRIC_IDS, METRICS } from '../../../shared/metrics';
import type { QueryResult } from '../../../shared/results';
import { viewTable } from '../../engine/export/export-view';
import { FILTER_HELP, FILTER_OPTIONS, toQuerySpec, UsageError, WORKSPACE_OPTION } from '../cli-args';
import { openExisting, withEngine } from '../open-engine';
import { textTable } from '../text-table';
import type { Command } from './command';

export const QUERY_VIEWS = ['overview', 'top-pins', 'top-boards', 'top-video-pins'] as const;

export const queryCommand: Command = {
  name: 'query',
  summary: 'print a view (overview, top-pins, top-boards, top-video-pins)',
  help: `Usage: pinsight query VIEW [--workspace FILE] [filters] [--json]

VIEW is one of: ${QUERY_VIEWS.join(', ')}.
${FILTER_HELP}
  --json   print JSON: overview {"totals", "series"}; top lists {"rows"}

Metrics: ${METRIC_IDS.join(', ')}`,
  async run(argv, out) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...WORKSPACE_OPTION, ...FILTER_OPTIONS, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    const view = positionals[0];
    if (!view || positionals.length > 1 || !(QUERY_VIEWS as readonly string[]).includes(view)) {
      throw new UsageError(`Name one VIEW: ${QUERY_VIEWS.join(', ')}${view ? ` (got "${positionals.join(' ')}")` : ''}`);
    }
    const spec = toQuerySpec(view, values);
    const engine = await openExisting(values.workspace);
    const result = await withEngine(engine, (e) => e.query(spec));
    out.log(values.json ? JSON.stringify(toJson(result), null, 2) : toText(result));
  },
};

/** The documented JSON shapes. */
export function toJson(result: QueryResult): unknown {
  if (result.view === 'overview') {
    return { range: result.range, source: result.provenance, totals: result.totals, series: result.series };
  }
  return { range: result.range, source: result.provenance, sortBy: result.sortBy, rows: result.rows };
}

function toText(result: QueryResult): string {
  const head = `${result.view} ${result.range.from} to ${result.range.to} (${result.provenance.detail})`;
  if (result.view === 'overview') {
    const totals = textTable(
      ['metric', 'total'],
      METRIC_IDS.map((id) => [METRICS[id].label.en, result.totals[id]]),
    );
    const t = viewTable(result);
    const shown = ['date', 'split', 'impressions', 'engagements', 'saves', 'link_clicks', 'total_audience'];
    const idx = shown.map((h) => t.header.indexOf(h));
    const series = textTable(shown, t.rows.map((r) => idx.map((i) => r[i])));
    return `${head}\n\n${totals}\n\n${series}`;
  }
  const t = viewTable(result);
  const shown = result.view === 'top-boards'
    ? ['rank', 'board_id', 'name', 'impressions', 'engagements', 'saves', 'closeups', 'link_clicks']
    : result.view === 'top-video-pins'
      ? ['rank', 'pin_id', 'title', 'video_views', 'avg_watch_time_s', 'p95_views', 'ten_second_views', 'total_watch_time_min']
      : ['rank', 'pin_id', 'title', 'format', 'source', 'impressions', 'engagements', 'saves', 'closeups', 'link_clicks'];
  const idx = shown.map((h) => t.header.indexOf(h));
  return `${head}, sorted by ${result.sortBy}\n\n${textTable(shown, t.rows.map((r) => idx.map((i) => r[i])))}`;
}
