/** Issue "compare and re-export": compare mode in the app, and an export from the UI equal to the CLI's. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliJson, runCli } from '../helpers/run-cli';
import { expect, test } from './fixtures';

interface CompareJson {
  a: { totals: Record<string, number | null> };
  b: { totals: Record<string, number | null> };
  delta: Record<string, { abs: number | null; pct: number | null }>;
}

test('compare mode: KPI tiles with range B and the change, top Pins with rank change', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await expect(page.getByTestId('kpi-impressions')).not.toHaveAttribute('data-value', '');
  await page.getByTestId('filter-from').fill('2026-09-01');
  await page.getByTestId('filter-to').fill('2026-09-30');
  await page.getByTestId('compare-toggle').check();
  await expect(page.getByTestId('compare-range')).toContainText('Aug 2, 2026 – Aug 31, 2026');

  const cli = cliJson<CompareJson>([
    'query',
    'compare',
    '--workspace',
    served.cliWorkspace,
    '--from',
    '2026-09-01',
    '--to',
    '2026-09-30',
    '--compare-from',
    '2026-08-02',
    '--compare-to',
    '2026-08-31',
  ]);
  for (const id of ['impressions', 'saves', 'engagements']) {
    await expect(page.getByTestId(`kpi-b-${id}`)).toHaveAttribute('data-value', String(cli.b.totals[id]));
    await expect(page.getByTestId(`kpi-b-${id}`)).toHaveAttribute('data-change', String(cli.delta[id]!.abs));
  }
  await page.screenshot({ path: testInfo.outputPath('compare-overview.png') });

  // Same period last year lies before the data: a clear mark, not zeros.
  await page.getByTestId('compare-preset').selectOption('lastYear');
  await expect(page.getByTestId('kpi-b-impressions')).toContainText('no data in B');

  await page.getByTestId('compare-preset').selectOption('previous');
  await page.getByTestId('tab-top-pins').click();
  await expect(page.getByRole('columnheader', { name: 'Rank change' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('compare-top-pins.png') });

  await page.getByTestId('tab-video').click();
  const video = cliJson<CompareJson>([
    'query',
    'compare',
    '--workspace',
    served.cliWorkspace,
    '--format',
    'video',
    '--from',
    '2026-09-01',
    '--to',
    '2026-09-30',
    '--compare-from',
    '2026-08-02',
    '--compare-to',
    '2026-08-31',
  ]);
  await expect(page.getByTestId('kpi-b-video_views')).toHaveAttribute('data-value', String(video.b.totals.video_views));
});

test('an export from the UI is the same file as `pinsight export` of the same view', async ({ page, served }) => {
  const uiFile = join(served.dir, 'from-ui.csv');
  const cliFile = join(served.dir, 'from-cli.csv');
  await page.goto(served.url);
  await page.getByTestId('filter-contentType-organic').click();
  await expect(page.getByTestId('kpi-impressions')).not.toHaveAttribute('data-value', '');
  await page.getByTestId('tab-top-pins').click();
  await page.getByTestId('sort-pins').selectOption('saves');
  await page.getByTestId('export-open').click();
  await page.getByTestId('export-name').fill('from-ui.csv');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-start').click();
  // The file arrives as a browser download under the chosen name; nothing is written on the server's side.
  const file = await download;
  expect(file.suggestedFilename()).toBe('from-ui.csv');
  await file.saveAs(uiFile);
  await expect(page.getByTestId('export-done')).toContainText('from-ui.csv');

  const r = runCli([
    'export',
    'top-pins',
    '--workspace',
    served.cliWorkspace,
    '--content-type',
    'organic',
    '--sort-by',
    'saves',
    '--out',
    cliFile,
  ]);
  expect(r.stderr).toBe('');
  expect(readFileSync(uiFile, 'utf8')).toBe(readFileSync(cliFile, 'utf8'));
  expect(readFileSync(uiFile, 'utf8').split(/\r?\n/).length).toBeGreaterThan(10);
});
