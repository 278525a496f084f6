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
      const cliOverview = () =>
        cliJson<{ totals: Record<string, number> }>([
          'query',
          'overview',
          '--workspace',
          cliWorkspace,
          '--from',
          '2025-11-01',
          '--to',
          '2026-10-31',
        ]);
      cliJson(['import', dump, '--workspace', cliWorkspace]);
      const cli = cliOverview();
      await page.getByTestId('tab-overview').click();
      await page.getByTestId('filter-from').fill('2025-11-01');
      await page.getByTestId('filter-to').fill('2026-10-31');
      await expect(page.getByTestId('kpi-impressions')).toHaveAttribute('data-value', String(cli.totals.impressions));
      await expect(page.getByTestId('kpi-total_audience')).toHaveAttribute('data-value', String(cli.totals.total_audience));

      // Take one file back out from the history (after confirming); the numbers equal the CLI's removal of it.
      await page.getByTestId('tab-import').click();
      const entry = page.getByTestId('import-history').locator('li', { hasText: 'events-b.ndjson.gz' });
      const id = (await entry.getAttribute('data-testid'))?.replace('import-', '') ?? '';
      await entry.getByTestId(`import-remove-${id}`).click();
      await expect(entry).toContainText('every view shows what it showed before');
      await page.screenshot({ path: testInfo.outputPath('import-remove-confirm.png') });
      await entry.getByTestId(`import-remove-yes-${id}`).click();
      await expect(page.getByTestId('import-removed')).toContainText('events-b.ndjson.gz');
      await expect(page.getByTestId('import-history')).not.toContainText('events-b.ndjson.gz');
      const cliHistory = cliJson<{ id: number; file: string }[]>(['imports', '--workspace', cliWorkspace]);
      const cliId = cliHistory.find((h) => h.file.endsWith('events-b.ndjson.gz'))?.id;
      cliJson(['imports', 'remove', String(cliId), '--workspace', cliWorkspace]);
      const after = cliOverview();
      expect(after.totals.impressions).not.toBe(cli.totals.impressions);
      await page.getByTestId('tab-overview').click();
      await expect(page.getByTestId('kpi-impressions')).toHaveAttribute('data-value', String(after.totals.impressions));
      await expect(page.getByTestId('kpi-total_audience')).toHaveAttribute('data-value', String(after.totals.total_audience));
    } finally {
      server.process.kill('SIGTERM');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
