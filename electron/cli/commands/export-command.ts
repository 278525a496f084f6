import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FILTER_HELP, FILTER_OPTIONS, toQuerySpec, UsageError, WORKSPACE_OPTION } from '../common/cli-args';
import { openExisting, withEngine } from '../common/open-engine';
import type { Command } from './command';
import { QUERY_VIEWS } from './query-command';
import { defined } from '../../../shared/defined';

const EXPORT_VIEWS = [...QUERY_VIEWS, 'events'] as const;

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a view (or the matching raw events) as CSV or Parquet',
  help: `Usage: pinsight export VIEW --out FILE.csv|FILE.parquet [--workspace FILE] [filters] [options]

VIEW is one of: ${EXPORT_VIEWS.join(', ')}. "events" writes the final events that match the filters
(duplicates and spam removed) in the event dump format, streamed by DuckDB. The format follows --out.
  --headers ids|en|sv   column headers: stable ids (default) or labels in English or Swedish
  --preamble            start with the filter and date range lines of the analytics site's exports, so the
                        file imports back into Pinsight with the same numbers (overview without split, top lists)
  --force               replace --out if it exists (a workspace is never replaced)
${FILTER_HELP}`,
  async run(argv, out) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        ...WORKSPACE_OPTION,
        ...FILTER_OPTIONS,
        out: { type: 'string', short: 'o' },
        headers: { type: 'string' },
        preamble: { type: 'boolean' },
        force: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
    const view = positionals[0];
    if (!view || !(EXPORT_VIEWS as readonly string[]).includes(view)) throw new UsageError(`Name one VIEW: ${EXPORT_VIEWS.join(', ')}`);
    if (!values.out) throw new UsageError('--out FILE.csv is required');
    const headers = values.headers ?? 'ids';
    if (headers !== 'ids' && headers !== 'en' && headers !== 'sv')
      throw new UsageError(`--headers: expected ids, en or sv, got "${headers}"`);
    const format = /\.parquet$/i.test(values.out) ? 'parquet' : 'csv';
    if (!/\.(csv|txt|parquet)$/i.test(values.out))
      throw new UsageError(`--out: name the file FILE.csv or FILE.parquet (got "${values.out}")`);
    if (values.preamble && format === 'parquet') throw new UsageError('--preamble goes with CSV files');
    const rawEvents = view === 'events';
    const spec = toQuerySpec(rawEvents ? 'overview' : view, values);
    const engine = await openExisting(values.workspace);
    const summary = await withEngine(engine, (e) =>
      e.exportView(spec, resolve(defined(values.out, '--out')), {
        format,
        headers,
        preamble: Boolean(values.preamble),
        rawEvents,
        overwrite: Boolean(values.force),
      }),
    );
    out.log(`Wrote ${summary.rows.toLocaleString('en-US')} rows to ${summary.path}`);
  },
};
