/** Issue "Analytics exports": the app shows an imported export's overview, top Pins, top boards and legacy view. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { IN_MEMORY } from '../../electron/engine/db/workspace';
import { writeDemoExports, type DemoExportFiles } from '../../electron/engine/demo/demo-exports';
import { generateDemo } from '../../electron/engine/demo/generate-demo';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { runCli } from '../helpers/run-cli';
import { serve } from './fixtures';

const test = base.extend<object, { exportsServed: { url: string; files: DemoExportFiles; dir: string } }>({
  exportsServed: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'pinsight-e2e-exports-'));
      const source = await PinsightEngine.open(IN_MEMORY);
      await generateDemo(source.workspace, 30_000, 4);
      mkdirSync(join(dir, 'exports'));
      const files = await writeDemoExports(source, join(dir, 'exports'));
      source.close();
      const workspace = join(dir, 'exports.duckdb');
      const imported = runCli(['import', files.overviewEn, files.overviewSv, files.legacy, '--workspace', workspace]);
      if (imported.code !== 0) throw new Error(imported.stderr);
      const server = await serve(workspace);
      await use({ url: server.url, files, dir });
      server.process.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

test('an imported export: overview, top Pins, top boards and the legacy view', async ({ page, exportsServed }, testInfo) => {
  const { url, files } = exportsServed;
  const daily = files.documents.overview.sections[0]!;
  await page.goto(url);
  await expect(page.getByTestId('filter-from')).toHaveValue('2026-09-01');
  await expect(page.getByTestId('kpi-impressions')).toHaveAttribute('data-value', String(daily.total!.impressions));
  await expect(page.getByTestId('kpi-total_audience')).toHaveAttribute('data-value', String(daily.total!.total_audience));
  await expect(page.getByTestId('provenance')).toContainText('Analytics export snapshot');
  await page.screenshot({ path: testInfo.outputPath('export-overview.png') });

  await expect(page.getByTestId('filter-device-tablet')).toHaveAttribute('data-empty', 'true');
  await expect(page.getByTestId('filter-device-all')).not.toHaveAttribute('data-empty', 'true');
  await page.getByTestId('filter-device-tablet').click();
  await expect(page.getByTestId('status-empty')).toContainText('No imported Analytics export matches these filters');
  await page.getByTestId('filter-device-all').click();

  await page.getByTestId('tab-top-pins').click();
  const pins = files.documents.overview.sections.find((s) => s.kind === 'topPins')!;
  await expect(page.locator('[data-testid^=top-pin-]').first()).toHaveAttribute('data-testid', `top-pin-${pins.rows[0]!.pin_id}`);
  await expect(page.getByTestId(`top-pin-${pins.rows[0]!.pin_id}`)).toContainText(pins.rows[0]!.title!);

  await page.getByTestId('tab-top-boards').click();
  const boards = files.documents.overview.sections.find((s) => s.kind === 'topBoards')!;
  await expect(page.getByTestId(`top-board-${boards.rows[0]!.board}`)).toBeVisible();

  await page.getByTestId('tab-legacy').click();
  await expect(page.getByTestId('legacy-banner')).toContainText('before 2019');
  const legacyRows = files.documents.legacy.sections[0]!.rows;
  const impressions = legacyRows.reduce((n, r) => n + (r.impressions ?? 0), 0);
  await expect(page.getByTestId('legacy-impressions')).toHaveAttribute('data-value', String(impressions));
  await expect(page.getByTestId('legacy-daily_viewers')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('legacy.png') });
});
