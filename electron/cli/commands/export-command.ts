import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FILTER_HELP, FILTER_OPTIONS, toQuerySpec, UsageError, WORKSPACE_OPTION } from '../cli-args';
import { openExisting, withEngine } from '../open-engine';
import type { Command } from './command';
import { QUERY_VIEWS } from './query-command';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a view as CSV (or Parquet)',
  help: `Usage: pinsight export VIEW --out FILE.csv|FILE.parquet [--workspace FILE] [filters]

VIEW is one of: ${QUERY_VIEWS.join(', ')}. Headers are stable metric ids.
${FILTER_HELP}`,
  async run(argv, out) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...WORKSPACE_OPTION, ...FILTER_OPTIONS, out: { type: 'string', short: 'o' } },
      allowPositionals: true,
      strict: true,
    });
    const view = positionals[0];
    if (!view || !(QUERY_VIEWS as readonly string[]).includes(view)) throw new UsageError(`Name one VIEW: ${QUERY_VIEWS.join(', ')}`);
    if (!values.out) throw new UsageError('--out FILE.csv is required');
    const format = /\.parquet$/i.test(values.out) ? 'parquet' : 'csv';
    const spec = toQuerySpec(view, values);
    const engine = await openExisting(values.workspace);
    const summary = await withEngine(engine, (e) => e.exportView(spec, resolve(values.out!), format));
    out.log(`Wrote ${summary.rows} rows to ${summary.path}`);
  },
};
