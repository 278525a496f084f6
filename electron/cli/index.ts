/** The `pinsight` command line: the same engine as the app, headless. */
import { PinsightError } from '../../shared/api';
import { UsageError } from './common/cli-args';
import type { Command, CommandOutput } from './commands/command';
import { configCommand } from './commands/config-command';
import { demoCommand } from './commands/demo-command';
import { exportCommand } from './commands/export-command';
import { importCommand } from './commands/import-command';
import { importsCommand } from './commands/imports-command';
import { queryCommand } from './commands/query-command';
import { serveCommand } from './commands/serve-command';

const COMMANDS: Command[] = [demoCommand, importCommand, importsCommand, queryCommand, exportCommand, serveCommand, configCommand];

const MAIN_HELP = `Usage: pinsight COMMAND [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join('\n')}

Run \`pinsight COMMAND --help\` for a command's options.`;

function terminalOutput(): CommandOutput {
  const isTerminal = Boolean(process.stderr.isTTY);
  let progressShown = false;
  let lastProgress = '';
  return {
    isTerminal,
    log: (t) => {
      if (progressShown) process.stderr.write('\n');
      progressShown = false;
      process.stdout.write(`${t}\n`);
    },
    error: (t) => process.stderr.write(`${t}\n`),
    progress: (t) => {
      // Off a terminal, progress is silent unless asked for as plain lines (for logs and scripts).
      if (!isTerminal) {
        if (process.env.PINSIGHT_PROGRESS === 'lines' && t !== lastProgress) process.stderr.write(`${t}\n`);
        lastProgress = t;
        return;
      }
      process.stderr.write(`\r${t.padEnd(process.stderr.columns ? process.stderr.columns - 1 : 79)}`);
      progressShown = true;
    },
  };
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[], out: CommandOutput = terminalOutput()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out.log(MAIN_HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    out.error(`pinsight: unknown command "${name}"\n\n${MAIN_HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    out.log(command.help);
    return 0;
  }
  try {
    await command.run(rest, out);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      out.error(`pinsight ${name}: ${e.message}\nRun \`pinsight ${name} --help\` for usage.`);
      return 2;
    }
    if (e instanceof PinsightError) {
      out.error(`pinsight ${name}: ${e.message}`);
      return 1;
    }
    // No stack trace for the user: the message, and the trace only when asked for (PINSIGHT_DEBUG=1).
    const debug = process.env.PINSIGHT_DEBUG && e instanceof Error ? `\n${e.stack ?? ''}` : '';
    out.error(`pinsight ${name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}${debug}`);
    return 1;
  }
}
