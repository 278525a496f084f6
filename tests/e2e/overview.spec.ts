import { OVERVIEW_KPIS } from '../../shared/metrics';
import { cliJson } from '../helpers/run-cli';
import { expect, test } from './fixtures';

interface OverviewJson {
  totals: Record<string, number | null>;
}

test('the overview shows the same numbers as the CLI', async ({ page, served }, testInfo) => {
  const cli = cliJson<OverviewJson>(['query', 'overview', '--workspace', served.cliWorkspace]);
  expect(cli.totals.impressions).toBeGreaterThan(0);

  await page.goto(served.url);
  await expect(page.getByTestId('kpi-impressions')).not.toHaveAttribute('data-value', '');
  for (const id of OVERVIEW_KPIS) {
    const value = await page.getByTestId(`kpi-${id}`).getAttribute('data-value');
    expect(Number(value), id).toBeCloseTo(cli.totals[id]!, 9);
  }
  await expect(page.getByTestId('kpi-impressions')).toContainText(cli.totals.impressions!.toLocaleString('en-US'));
  await expect(page.getByTestId('time-series-chart').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('provenance')).toHaveAttribute('data-reason', 'eventData');
  await expect(page.getByTestId('provenance')).toContainText('event data, Oct 2, 2026 to Oct 31, 2026');
  await page.screenshot({ path: testInfo.outputPath('overview.png'), fullPage: true });
  // The calls went over the page's socket (the page's policy lets it open one), none as a POST.
  const posts = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/')).length);
  expect(posts).toBe(0);
});

test('filters change the numbers to the CLI numbers for the same filters', async ({ page, served }) => {
  await page.goto(served.url);
  await expect(page.getByTestId('kpi-impressions')).not.toHaveAttribute('data-value', '');
  await page.getByTestId('filter-contentType-paid').click();
  await page.getByTestId('filter-device-mobile').click();
  const cli = cliJson<OverviewJson>([
    'query',
    'overview',
    '--workspace',
    served.cliWorkspace,
    '--content-type',
    'paid',
    '--device',
    'mobile',
  ]);
  await expect(page.getByTestId('kpi-impressions')).toHaveAttribute('data-value', String(cli.totals.impressions));
  await expect(page.getByTestId('kpi-saves')).toHaveAttribute('data-value', String(cli.totals.saves));
});
