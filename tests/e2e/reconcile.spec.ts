/**
 * Issue 19: "How this is counted" from a KPI tile, a top list and the Pin panel; the steps equal
 * `pinsight query reconcile` for the same filters and end at the tile's figure; Swedish and English, light and
 * dark, at 1024 and 1440 px (screenshots in test-results).
 */
import type { Page } from '@playwright/test';
import { cliJson } from '../helpers/run-cli';
import { expect, test } from './fixtures';

interface Counts {
  raw: number;
  duplicates: number;
  spam: number;
  out_of_scope: number;
  final: number;
}
type ReconcileJson = Counts & { rejected: number; metrics: Record<string, Counts> };

const RANGE = { from: '2026-08-01', to: '2026-09-15' };

async function steps(page: Page): Promise<Counts> {
  const value = async (step: keyof Counts) => Number(await page.getByTestId(`reconcile-${step}`).getAttribute('data-value'));
  return {
    raw: await value('raw'),
    duplicates: await value('duplicates'),
    spam: await value('spam'),
    out_of_scope: await value('out_of_scope'),
    final: await value('final'),
  };
}

test('from a tile: the steps equal the CLI, end at the tile, and the panel speaks Swedish', async ({ page, served }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(served.url);
  await page.getByTestId('filter-from').fill(RANGE.from);
  await page.getByTestId('filter-to').fill(RANGE.to);
  await page.getByTestId('filter-contentType-paid').click();
  await expect(page.getByTestId('kpi-impressions')).not.toHaveAttribute('data-value', '');
  const cli = cliJson<ReconcileJson>([
    'query',
    'reconcile',
    '--workspace',
    served.cliWorkspace,
    '--from',
    RANGE.from,
    '--to',
    RANGE.to,
    '--content-type',
    'paid',
  ]);
  await page.getByTestId('kpi-how-impressions').click();
  const panel = page.getByTestId('reconcile-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('reconcile-final')).toHaveAttribute('data-value', String(cli.metrics.impressions?.final));
  expect(await steps(page)).toEqual(cli.metrics.impressions);
  // The last step is the figure on the tile, and the steps add up.
  const tile = Number(await page.getByTestId('kpi-impressions').getAttribute('data-value'));
  const s = await steps(page);
  expect(s.final).toBe(tile);
  expect(s.raw - s.duplicates - s.spam - s.out_of_scope).toBe(s.final);
  expect(s.duplicates).toBeGreaterThan(0);
  expect(s.spam).toBeGreaterThan(0);
  expect(s.out_of_scope).toBeGreaterThan(0);
  await expect(page.getByTestId('reconcile-chart')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('reconcile-1440-en-light.png') });

  // All events, then Swedish: the step names and rules follow the language.
  await page.getByTestId('reconcile-figure').selectOption('events');
  expect(await steps(page)).toEqual({
    raw: cli.raw,
    duplicates: cli.duplicates,
    spam: cli.spam,
    out_of_scope: cli.out_of_scope,
    final: cli.final,
  });
  // Esc closes the panel and focus returns to the page.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  await page.getByTestId('locale').selectOption('sv');
  await page.getByTestId('theme-toggle').click();
  await page.getByTestId('kpi-how-engagement_rate').click();
  await expect(panel.getByRole('heading', { name: 'Så räknas Engagemangsgrad' })).toBeVisible();
  await expect(panel.getByTestId('reconcile-derived')).toContainText('Engagemangsgrad beräknas');
  await expect(panel.getByTestId('reconcile-table')).toContainText('Dubbletter borttagna');
  await expect(panel.getByTestId('reconcile-table')).toContainText('Inte från ett bekräftat konto');
  await expect(panel.getByTestId('reconcile-table')).not.toContainText('Duplicates removed');
  await page.screenshot({ path: test.info().outputPath('reconcile-1440-sv-dark.png') });
});

for (const locale of ['en', 'sv'] as const) {
  test(`from a top list and the Pin panel at 1024 px in ${locale}`, async ({ page, served }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.goto(served.url);
    await page.getByTestId('locale').selectOption(locale);
    await page.getByTestId('tab-top-pins').click();
    await page.getByTestId('sort-pins').selectOption('saves');
    await page.getByTestId('how-counted-pins').click();
    const panel = page.getByTestId('reconcile-panel');
    await expect(panel.getByTestId('reconcile-figure')).toHaveValue('saves');
    const cli = cliJson<ReconcileJson>(['query', 'reconcile', '--workspace', served.cliWorkspace]);
    await expect(panel.getByTestId('reconcile-final')).toHaveAttribute('data-value', String(cli.metrics.saves?.final));
    // Within the panel at 1024 px: nothing wider than the window.
    const box = await panel.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 1024).toBe(true);
    await page.screenshot({ path: test.info().outputPath(`reconcile-top-pins-1024-${locale}.png`) });
    await page.getByTestId('reconcile-close').click();

    // The Pin panel: the steps of that Pin's group over every day with data.
    await page.locator('[data-testid^="top-pin-"]').first().click();
    await expect(page.getByTestId('pin-panel')).toBeVisible();
    await page.getByTestId('pin-how-counted').click();
    await expect(panel).toBeVisible();
    const s = await steps(page);
    expect(s.raw).toBeGreaterThan(0);
    expect(s.raw - s.duplicates - s.spam - s.out_of_scope).toBe(s.final);
    await page.screenshot({ path: test.info().outputPath(`reconcile-pin-1024-${locale}.png`) });
    // Esc closes the dialog on top only; the Pin panel under it stays, and takes the next Esc.
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(page.getByTestId('pin-panel')).toBeVisible();
    // Back (closing the Pin panel) takes the panel opened over it along.
    await page.getByTestId('pin-how-counted').click();
    await expect(panel).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId('pin-panel')).toHaveCount(0);
    await expect(panel).toHaveCount(0);
  });
}
