/** Starts `pinsight serve` as a process and reads the address (with its #token) it prints. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServeProcess {
  process: ChildProcess;
  /** The printed address, token included. */
  url: URL;
  token: string;
}

/** `appData`: the app-data folder (theme, language, recent workspaces); default: a folder beside the workspace. */
export function startServe(bin: string, workspace: string, cwd?: string, appData = `${workspace}.app-data`): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--workspace', workspace, '--port', '0'], {
    cwd,
    env: { ...process.env, PINSIGHT_HOME: appData },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
      if (m) {
        const url = new URL(m[1]!);
        ok({ process: child, url, token: url.hash.slice('#token='.length) });
      }
    });
    child.on('exit', (code) => fail(new Error(`pinsight serve exited (${code}): ${err}`)));
  });
}
