/** Shared e2e fixtures: a generated workspace served by `pinsight serve` on a free port. */
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { BIN, runCli } from '../helpers/run-cli';
import { startServe } from '../helpers/serve-process';

export interface Served {
  url: string;
  /** The served workspace (held open by the server). */
  workspace: string;
  /** A byte-identical copy for CLI queries while the server holds the original. */
  cliWorkspace: string;
  dir: string;
}

export async function serve(workspace: string): Promise<{ url: string; process: ChildProcess }> {
  const server = await startServe(BIN, workspace);
  return { url: server.url.href, process: server.process };
}

/**
 * One demo workspace and server per worker. Each test starts from the app's default preferences (English,
 * light): the server keeps them in its app-data folder, which one test's choices would otherwise leave set.
 */
export const test = base.extend<{ freshPreferences: void }, { served: Served }>({
  freshPreferences: [
    async ({ served }, use) => {
      rmSync(`${served.workspace}.app-data/preferences.json`, { force: true });
      await use();
    },
    { auto: true },
  ],
  served: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'pinsight-e2e-'));
      const workspace = join(dir, 'e2e.duckdb');
      const demo = runCli(['demo', '--workspace', workspace, '--events', '30000']);
      if (demo.code !== 0) throw new Error(demo.stderr);
      const cliWorkspace = join(dir, 'e2e-cli.duckdb');
      copyFileSync(workspace, cliWorkspace);
      const server = await serve(workspace);
      await use({ url: server.url, workspace, cliWorkspace, dir });
      server.process.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
