import { parseArgs } from 'node:util';
import { readSettings, setTimeZone } from '../../engine/settings';
import { WORKSPACE_OPTION } from '../common/cli-args';
import { openExisting, withEngine } from '../common/open-engine';
import type { Command } from './command';

export const configCommand: Command = {
  name: 'config',
  summary: 'show or change workspace settings (time zone of days)',
  help: `Usage: pinsight config [--workspace FILE] [--time-zone NAME]

Days are UTC days unless the workspace sets a time zone. Changing it re-derives every event's day.
  --time-zone NAME  an IANA time zone, such as Europe/Stockholm, or UTC`,
  async run(argv, out) {
    const { values } = parseArgs({ args: argv, options: { ...WORKSPACE_OPTION, 'time-zone': { type: 'string' } }, strict: true });
    const engine = await openExisting(values.workspace);
    const settings = await withEngine(engine, (e) =>
      values['time-zone'] ? setTimeZone(e.workspace, values['time-zone']) : readSettings(e.workspace),
    );
    out.log(`time zone: ${settings.timeZone}`);
  },
};
