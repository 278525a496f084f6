import { parseArgs } from 'node:util';
import { UsageError, WORKSPACE_OPTION } from '../common/cli-args';
import { openExisting, withEngine } from '../common/open-engine';
import { textTable } from '../common/text-table';
import type { Command } from './command';

export const importsCommand: Command = {
  name: 'imports',
  summary: 'list the import history, or take an import back out',
  help: `Usage: pinsight imports [--workspace FILE] [--json]
       pinsight imports remove ID [--workspace FILE] [--json]

Without a subcommand: every import of the workspace (id, time, file, kind, rows).
remove ID takes that import back out in one transaction: the rows it brought (events, Analytics export
snapshots, Pins, boards, accounts, spam users, refused rows) leave the workspace (a Pin it changed gets back
its earlier values), and every view shows what it showed before it was imported. The file can then be
imported again (with other --export-* selections, say).`,
  async run(argv, out) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...WORKSPACE_OPTION, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    const [sub, id, ...extra] = positionals;
    if (sub !== undefined && sub !== 'remove')
      throw new UsageError(`Unknown subcommand "${sub}": use \`pinsight imports\` or \`pinsight imports remove ID\``);
    if (sub === 'remove' && (id === undefined || !/^\d+$/.test(id) || extra.length)) {
      throw new UsageError(`Name one import id to remove, as \`pinsight imports\` lists them (got "${positionals.slice(1).join(' ')}")`);
    }
    const engine = await openExisting(values.workspace);
    await withEngine(engine, async (e) => {
      if (sub === 'remove') {
        const removed = await e.removeImport(Number(id));
        out.log(values.json ? JSON.stringify(removed, null, 2) : removed.message);
        return;
      }
      const history = await e.importHistory();
      if (values.json) return out.log(JSON.stringify(history, null, 2));
      if (!history.length) return out.log('No imports in this workspace.');
      out.log(
        textTable(
          ['id', 'imported at (UTC)', 'file', 'kind', 'rows', 'rejected'],
          history.map((h) => [h.id, h.importedAt.slice(0, 19).replace('T', ' '), h.file, h.kind, h.rows, h.rejected]),
        ),
      );
    });
  },
};
