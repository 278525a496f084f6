/**
 * Issue 18: nothing the app needs at run time hides in devDependencies. The built app (out/) and the CLI are
 * staged in a temporary folder with `npm ci --omit=dev` (no devDependencies, no install scripts), and the staged
 * copy generates a demo, answers `query overview` and serves the workbench (the page and one API call).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli';
import { startServe } from '../helpers/serve-process';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir('pinsight-staged-');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('a production install', () => {
  it('runs demo, query and serve with the production dependencies only', async () => {
    for (const f of ['package.json', 'package-lock.json', 'bin', 'out']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
    const install = spawnSync(npm, ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', npm_config_loglevel: 'error' },
      timeout: 240_000,
    });
    expect(install.status, install.stderr).toBe(0);
    const installed = readdirSync(join(dir, 'node_modules'));
    for (const dev of ['electron', 'vite', 'react', 'vitest', 'typescript', 'electron-builder']) expect(installed).not.toContain(dev);
    expect(existsSync(join(dir, 'node_modules', '@duckdb', 'node-api'))).toBe(true);

    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(dir, 'bin', 'pinsight.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    const ws = join(dir, 'w.duckdb');
    const demo = cli('demo', '--workspace', ws, '--events', '3000');
    expect(demo.status, demo.stderr).toBe(0);
    const overview = cli('query', 'overview', '--workspace', ws, '--json');
    expect(overview.status, overview.stderr).toBe(0);
    expect((JSON.parse(overview.stdout) as { totals: { impressions: number } }).totals.impressions).toBeGreaterThan(0);

    const { process: server, url, token } = await startServe(join(dir, 'bin', 'pinsight.js'), ws, dir);
    try {
      const page = await fetch(new URL('/', url.origin), { headers: { 'X-Pinsight-Token': token } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const api = await fetch(new URL('/api/getWorkspace', url.origin), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Pinsight-Token': token },
        body: '{}',
      });
      expect(await api.json()).toMatchObject({ ok: true, value: { path: ws } });
    } finally {
      server.kill('SIGTERM');
    }
  }, 360_000);
});
