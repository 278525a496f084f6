import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Workspace } from '../../engine/db/workspace';
import { appDataDir } from '../../engine/app-paths';
import { generateDemo } from '../../engine/demo/generate-demo';
import { PinsightEngine } from '../../engine/pinsight-engine';
import { UsageError, WORKSPACE_OPTION } from '../common/cli-args';
import { workspacePath } from '../common/open-engine';
import { startWebHost } from '../web-host/web-host';
import type { Command } from './command';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'open the workbench in a browser (http://127.0.0.1 only)',
  help: `Usage: pinsight serve [--workspace FILE] [--port N]

Serves the workbench and its API on 127.0.0.1 and prints the URL to open. The URL carries a token made
anew at each start: only a browser that opened it (and so holds the token) may use the API.
  --workspace FILE  the workspace (default: the desktop app's demo workspace, generated on first use)
  --port N          port (default 5178; 0 picks a free one)`,
  async run(argv, out) {
    const { values } = parseArgs({ args: argv, options: { ...WORKSPACE_OPTION, port: { type: 'string', short: 'p' } }, strict: true });
    const port = Number(values.port ?? 5178);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: expected 0-65535, got "${values.port}"`);
    const path = workspacePath(values.workspace);
    if (!values.workspace && !existsSync(path)) {
      out.log(`Creating the demo workspace at ${path} ...`);
      const ws = await Workspace.open(path);
      await generateDemo(ws).finally(() => ws.close());
    }
    const engine = await PinsightEngine.open(path);
    engine.enableAudienceIndexes();
    const host = await startWebHost(engine, { port, appData: appDataDir() });
    out.log(`Pinsight is serving ${path}\nOpen ${host.url}\nPress Ctrl+C to stop.`);
    await new Promise<void>((done) => {
      const stop = () => {
        // Whatever runs (an import, an export) is interrupted and rolled back; then the server and the
        // workspace close. A statement that does not stop in time does not keep the process alive.
        setTimeout(() => {
          process.stderr.write('Pinsight: stopped without waiting for the running operation\n');
          process.kill(process.pid, 'SIGKILL');
        }, 5000).unref();
        void host
          .close()
          .then(() => engine.shutdown())
          .then(done, done);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};
