import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { PinsightEngine } from '../../engine/pinsight-engine';
import { describeIssues } from '../../../shared/api';
import { exportContextSchema } from '../../../shared/filters';
import { DIMENSIONS, type DimensionId } from '../../../shared/dimensions';
import { dimensionHelp, dimensionOptions, dimensionValues, UsageError, WORKSPACE_OPTION } from '../common/cli-args';
import { withEngine, workspacePath } from '../common/open-engine';
import { progressBar } from '../common/progress-bar';
import type { Command } from './command';

export const importCommand: Command = {
  name: 'import',
  summary: 'import event dumps, Pin/board/account files or Analytics exports',
  help: `Usage: pinsight import PATH... [--workspace FILE] [--json]

Imports files or folders (CSV, CSV.gz, JSON Lines/NDJSON, .gz, Parquet) in one transaction: either all
land, or the workspace stays as it was. Bad rows are rejected with file, line and reason; a file imported
before is skipped. The workspace is created when it does not exist.
  --workspace FILE  the workspace (default: the desktop app's demo workspace)
  --json            print the summary as JSON

Analytics exports carry their filter selection in their first lines. Set or correct it for files that lack it:
  --export-from YYYY-MM-DD  --export-to YYYY-MM-DD
${dimensionHelp('export-')}
  --export-account NAME (repeatable)`,
  async run(argv, out) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        ...WORKSPACE_OPTION,
        json: { type: 'boolean' },
        'export-from': { type: 'string' },
        'export-to': { type: 'string' },
        ...dimensionOptions('export-'),
        'export-account': { type: 'string', multiple: true },
      },
      allowPositionals: true,
      strict: true,
    });
    if (!positionals.length) throw new UsageError('Name at least one file or folder to import.');
    const context = exportContextSchema.safeParse({
      from: values['export-from'],
      to: values['export-to'],
      ...dimensionValues(values, 'export-'),
      accounts: values['export-account'],
    });
    if (!context.success)
      throw new UsageError(
        describeIssues(context.error).replace(/^(\w+)/, (k) => `--export-${k in DIMENSIONS ? DIMENSIONS[k as DimensionId].flag : k}`),
      );
    const engine = await PinsightEngine.open(workspacePath(values.workspace));
    const summary = await withEngine(engine, (e) =>
      e.importFiles(positionals, {
        exportContext: context.data,
        onProgress: (p) =>
          out.progress(
            p.phase === 'reading'
              ? progressBar(p.fileIndex, p.fileCount, `reading ${basename(p.file)}`)
              : progressBar(p.fileCount, p.fileCount, p.phase === 'deriving' ? 'cleaning and aggregating' : 'done'),
          ),
      }),
    );
    if (values.json) {
      out.log(JSON.stringify(summary, null, 2));
      return;
    }
    out.log(summary.message);
    for (const r of summary.rejected.slice(0, 20)) out.log(`  rejected ${basename(r.file)}:${r.line}: ${r.reason}`);
    if (summary.rejected.length > 20) out.log(`  ... ${summary.rejected.length - 20} more (see --json)`);
  },
};
