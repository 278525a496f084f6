/** Issue "workbench UI": an analyst's path through the app, every number checked against the CLI. */
import type { Page } from '@playwright/test';
import { cliJson } from '../helpers/run-cli';
import { expect, test } from './fixtures';

interface OverviewJson {
  totals: Record<string, number | null>;
  series: { date: string; split: string | null; impressions: number | null }[];
}
interface TopJson {
  rows: { pin_id: string; title: string; saves: number }[];
}

async function shot(page: Page, name: string, testInfo: { outputPath: (n: string) => string }) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

test('open a workspace, filter Paid + Mobile + a custom range, split, sort, open a Pin, switch to Swedish', async ({
  page,
  served,
}, testInfo) => {
  const range = { from: '2026-08-01', to: '2026-09-15' };
  const cliFilters = [
    '--workspace',
    served.cliWorkspace,
    '--content-type',
    'paid',
    '--device',
    'mobile',
    '--from',
    range.from,
    '--to',
    range.to,
  ];
  await page.goto(served.url);

  // Open the workspace through the workspace menu (new, open, recent).
  await page.getByTestId('workspace-button').click();
  await page.getByTestId('workspace-input').fill(served.workspace);
  await page.getByTestId('workspace-open').click();
  await expect(page.getByTestId('workspace-path')).toHaveText('e2e.duckdb');
  await expect(page.getByTestId('kpi-impressions')).not.toHaveAttribute('data-value', '');

  await page.getByTestId('filter-contentType-paid').click();
  await page.getByTestId('filter-device-mobile').click();
  await page.getByTestId('filter-from').fill(range.from);
  await page.getByTestId('filter-to').fill(range.to);
  await expect(page.getByTestId('filter-preset')).toHaveValue('custom');
  await page.getByTestId('split-by').selectOption('content-type');

  const overview = cliJson<OverviewJson>(['query', 'overview', ...cliFilters, '--split-by', 'content-type']);
  for (const id of ['impressions', 'engagements', 'saves', 'link_clicks', 'closeups']) {
    await expect(page.getByTestId(`kpi-${id}`)).toHaveAttribute('data-value', String(overview.totals[id]));
  }
  await expect(page.getByTestId('kpi-total_audience')).toHaveAttribute('data-value', String(overview.totals.total_audience));
  await expect(page.getByTestId('time-series-chart').locator('canvas')).toHaveCount(1);
  await shot(page, '1-overview-paid-mobile-split', testInfo);

  // Top Pins sorted by saves.
  await page.getByTestId('tab-top-pins').click();
  await page.getByTestId('sort-pins').selectOption('saves');
  const top = cliJson<TopJson>(['query', 'top-pins', ...cliFilters, '--sort-by', 'saves']);
  const firstRow = page.getByTestId(`top-pin-${top.rows[0]!.pin_id}`);
  await expect(firstRow).toBeVisible();
  await expect(page.locator('[data-testid^=top-pin-]').first()).toHaveAttribute('data-testid', `top-pin-${top.rows[0]!.pin_id}`);
  await expect(firstRow).toContainText(String(top.rows[0]!.saves));
  await shot(page, '2-top-pins-by-saves', testInfo);

  // The Pin's stats.
  await firstRow.click();
  await expect(page.getByTestId('pin-panel')).toBeVisible();
  const pin = cliJson<{ phase: string; final?: Record<string, number>; real_time?: Record<string, number> }>([
    'query',
    'pin',
    '--workspace',
    served.cliWorkspace,
    '--pin',
    top.rows[0]!.pin_id,
    '--content-type',
    'paid',
    '--device',
    'mobile',
  ]);
  const main = pin.final ?? pin.real_time!;
  await expect(page.getByTestId('pin-main-impressions')).toHaveAttribute('data-value', String(main.impressions));
  await expect(page.getByTestId('pin-main-saves')).toHaveAttribute('data-value', String(main.saves));
  await expect(page.getByTestId('pin-panel')).toContainText('may look different to the data in Analytics');
  await shot(page, '3-pin-stats', testInfo);
  await page.getByTestId('pin-close').click();

  // Swedish: the seed's vocabulary, numbers formatted for Sweden.
  await page.getByTestId('locale').selectOption('sv');
  await page.getByTestId('tab-overview').click();
  await expect(page.getByTestId('tab-top-pins')).toHaveText('Bästa pins');
  await expect(page.getByTestId('kpi-impressions')).toContainText('Visningar');
  await expect(page.getByTestId('kpi-impressions')).toContainText(overview.totals.impressions!.toLocaleString('sv-SE'));
  await expect(page.getByTestId('kpi-impressions')).toHaveAttribute('data-value', String(overview.totals.impressions));
  await expect(page.getByTestId('provenance')).toContainText('Siffror från: händelsedata, 1 aug. 2026 till 15 sep. 2026');
  await shot(page, '4-overview-swedish', testInfo);

  for (const tab of ['top-boards', 'video', 'legacy', 'import'] as const) {
    await page.getByTestId(`tab-${tab}`).click();
    await page.waitForTimeout(300);
    await shot(page, `5-${tab}`, testInfo);
  }
});

test('the video view shows the CLI numbers for video Pins', async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByTestId('tab-video').click();
  const video = cliJson<OverviewJson>(['query', 'overview', '--workspace', served.cliWorkspace, '--format', 'video']);
  await expect(page.getByTestId('kpi-video_views')).toHaveAttribute('data-value', String(video.totals.video_views));
  const top = cliJson<{ rows: { pin_id: string; video_views: number }[] }>(['query', 'top-video-pins', '--workspace', served.cliWorkspace]);
  await expect(page.locator('[data-testid^=top-video-]').first()).toHaveAttribute('data-testid', `top-video-${top.rows[0]!.pin_id}`);
});

test('a long top list (sent as Arrow IPC) shows the same rows as the CLI', async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByTestId('tab-top-pins').click();
  await page.getByTestId('limit-pins').selectOption('5000');
  const top = cliJson<TopJson>(['query', 'top-pins', '--workspace', served.cliWorkspace, '--limit', '5000']);
  await expect(page.getByRole('table', { name: 'Top Pins' })).toHaveAttribute('aria-rowcount', String(top.rows.length + 1)); // the header row counts
  await expect(page.locator('[data-testid^=top-pin-]').first()).toHaveAttribute('data-testid', `top-pin-${top.rows[0]!.pin_id}`);
});
