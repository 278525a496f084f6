import { VIEW_IDS } from '../../../shared/query';
import { parseArgs } from 'node:util';
import { METRIC_IDS } from '../../../shared/metrics';
import { FILTER_HELP, FILTER_OPTIONS, toQuerySpec, UsageError, WORKSPACE_OPTION } from '../common/cli-args';
import { openExisting, withEngine } from '../common/open-engine';
import { toJson, toText } from '../common/render-result';
import type { Command } from './command';

/** The views the CLI queries: every view of the contract. */
export const QUERY_VIEWS = VIEW_IDS;

export const queryCommand: Command = {
  name: 'query',
  summary: 'print a view (overview, top-pins, top-boards, top-video-pins, pin, legacy, compare)',
  help: `Usage: pinsight query VIEW [--workspace FILE] [filters] [--json]

VIEW is one of: ${QUERY_VIEWS.join(', ')}.
${FILTER_HELP}
  --json   print JSON: overview {"totals", "series"}; top lists {"rows"};
           pin {"pin_id", "group", "phase", "as_of", "real_time" | "last_24h" and "final"}
           compare {"a": {totals}, "b": {totals}, "delta": {METRIC: {"abs", "pct"}}}
The pin view (Pin stats) needs --pin ID; --as-of sets "now" (default: the latest event).
The compare view needs --compare-from and --compare-to (range B); A is --from/--to.

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
