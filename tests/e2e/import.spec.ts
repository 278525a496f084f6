/** Importing through the app: progress, summary, rejected rows (saved as CSV), and the CLI's numbers after. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { writeDemoDump } from '../../electron/engine/demo/write-demo-dump';
import { cliJson } from '../helpers/run-cli';
import { serve } from './fixtures';

test('import a folder of messy dumps from the Import view; the numbers equal the CLI import of the same files', async ({
  page,
}, testInfo) => {
  const dir = mkdtempSync(join(tmpdir(), 'pinsight-e2e-import-'));
  try {
    const dump = join(dir, 'dump');
    const dumpFiles = await writeDemoDump(dump, 8000, 3);
    const server = await serve(join(dir, 'app.duckdb'));
    try {
      await page.goto(server.url);
      await expect(page.getByTestId('status-empty')).toContainText('no data yet');
      await page.getByTestId('tab-import').click();
      await page.getByTestId('import-paths').fill(dump);
      await page.getByTestId('import-start').click();
      await expect(page.getByTestId('import-job')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
      await expect(page.getByTestId('import-summary')).toContainText('events-a.csv');
      await expect(page.getByTestId('import-summary')).toContainText('left out of every view');
      await expect(page.locator('[data-testid^=rejected-]')).toHaveCount(dumpFiles.malformed.length);
      await expect(page.getByTestId('rejected-0')).toContainText('yesterday at noon');
      const download = page.waitForEvent('download');
      await page.getByTestId('save-rejected').click();
      const saved = join(dir, 'rejected.csv');
      await (await download).saveAs(saved);
      expect(readFileSync(saved, 'utf8').trim().split(/\r?\n/)).toHaveLength(dumpFiles.malformed.length + 1);
      await page.screenshot({ path: testInfo.outputPath('import-summary.png') });

      const cliWorkspace = join(dir, 'cli.duckdb');
      cliJson(['import', dump, '--workspace', cliWorkspace]);
      const cli = cliJson<{ totals: Record<string, number> }>([
        'query',
        'overview',
        '--workspace',
        cliWorkspace,
        '--from',
        '2025-11-01',
        '--to',
        '2026-10-31',
      ]);
      await page.getByTestId('tab-overview').click();
      await page.getByTestId('filter-from').fill('2025-11-01');
      await page.getByTestId('filter-to').fill('2026-10-31');
      await expect(page.getByTestId('kpi-impressions')).toHaveAttribute('data-value', String(cli.totals.impressions));
      await expect(page.getByTestId('kpi-total_audience')).toHaveAttribute('data-value', String(cli.totals.total_audience));
    } finally {
      server.process.kill('SIGTERM');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
