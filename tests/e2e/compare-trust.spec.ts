/**
 * Issue 14: a comparison the analyst can trust. Partial coverage of B, unequal lengths, rates in percentage
 * points, custom B from the previous period, a reversed B, the compare tables at 1024 px in Swedish, and the
 * export dialog by keyboard. Screenshots of compare mode at 1024 and 1440 px in both languages.
 */
import type { Page } from '@playwright/test';
import { cliJson } from '../helpers/run-cli';
import { expect, test } from './fixtures';

interface Cov {
  days: number;
  covered: number;
}
interface CompareJson {
  a: { totals: Record<string, number | null>; coverage: Cov };
  b: { totals: Record<string, number | null>; coverage: Cov };
  comparable: boolean;
  delta: Record<string, { abs: number | null; pct: number | null; pp?: number | null }>;
  perDay: { a: Record<string, number | null>; b: Record<string, number | null>; delta: Record<string, { abs: number | null }> };
}

/** The demo's events start on 2025-11-06: A from Nov 16 makes the previous period B start before the data. */
const A = { from: '2025-11-16', to: '2025-12-15' };
const B_PREVIOUS = { from: '2025-10-17', to: '2025-11-15' };

async function setRange(page: Page, from: string, to: string) {
  await page.getByTestId('filter-from').fill(from);
  await page.getByTestId('filter-to').fill(to);
}

const compareCli = (served: { cliWorkspace: string }, a: { from: string; to: string }, b: { from: string; to: string }) =>
  cliJson<CompareJson>([
    'query',
    'compare',
    '--workspace',
    served.cliWorkspace,
    '--from',
    a.from,
    '--to',
    a.to,
    '--compare-from',
    b.from,
    '--compare-to',
    b.to,
  ]);

test('partial coverage of B: said above the tiles, totals marked not comparable, per-day averages on request', async ({ page, served }) => {
  await page.goto(served.url);
  await expect(page.getByTestId('kpi-impressions')).not.toHaveAttribute('data-value', '');
  await setRange(page, A.from, A.to);
  await page.getByTestId('compare-toggle').check();
  const cli = compareCli(served, A, B_PREVIOUS);
  expect(cli.b.coverage).toMatchObject({ days: 30, covered: 10 });
  await expect(page.getByTestId('coverage-b')).toContainText('B has data for 10 of 30 days');
  await expect(page.getByTestId('kpi-b-impressions')).toHaveAttribute('data-comparable', 'false');
  await expect(page.getByTestId('kpi-b-impressions')).toContainText('not comparable');
  await page.getByTestId('compare-per-day').check();
  await expect(page.getByTestId('kpi-b-impressions')).toHaveAttribute('data-per-day', 'true');
  await expect(page.getByTestId('kpi-b-impressions')).toHaveAttribute('data-value', String(cli.perDay.b.impressions));
  await expect(page.getByTestId('kpi-b-impressions')).toContainText('/day');
  // A's own average beside B's, in the same unit, with a decimal.
  const perDayText = (v: number | null | undefined) =>
    (v ?? NaN).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  await expect(page.getByTestId('kpi-a-per-day-impressions')).toContainText(`A: ${perDayText(cli.perDay.a.impressions)}/day`);
  await expect(page.getByTestId('kpi-b-impressions')).toContainText(`B: ${perDayText(cli.perDay.b.impressions)}/day`);
  // At 1024 px the line wraps between its parts, never inside one ("B:" apart from its value).
  await page.setViewportSize({ width: 1024, height: 700 });
  const lines = await page
    .getByTestId('kpi-b-impressions')
    .locator('.nowrap')
    .evaluateAll((parts: Element[]) => parts.map((p) => new Set(Array.from(p.getClientRects(), (r: DOMRect) => Math.round(r.top))).size));
  expect(lines).toEqual([1, 1, 1]);
  // The tables say the same.
  await page.getByTestId('tab-top-pins').click();
  await expect(page.getByTestId('coverage-b')).toContainText('B has data for 10 of 30 days');
  // So does the chart's table: B beside A, B's days before the data empty, its days with data filled.
  await page.getByTestId('tab-overview').click();
  await page.getByTestId('compare-per-day').uncheck();
  await page.getByTestId('chart-as-table').click();
  const table = page.getByTestId('chart-table');
  await expect(table.locator('thead')).toContainText('Impressions (B)');
  await expect(table.locator('tbody tr').first()).toContainText('Oct 17, 2025');
  await expect(page.getByTestId('chart-table-b-0')).toHaveText('–');
  await expect(page.getByTestId('chart-table-b-29')).toHaveText(/^\d[\d,]*$/);
  // By week: B's first week is cut by B (marked *) and before the data (empty); the week B's data starts in has data.
  await page.getByTestId('granularity').selectOption('week');
  await expect(table.locator('tbody tr').first()).toContainText('Oct 13, 2025*');
  await expect(page.getByTestId('chart-table-b-0')).toHaveText('–');
  await expect(table.locator('tbody tr').nth(3)).toContainText('Nov 3, 2025');
  await expect(page.getByTestId('chart-table-b-3')).toHaveText(/^\d[\d,]*$/);
});

test('unequal lengths are said; rates change in percentage points', async ({ page, served }) => {
  await page.goto(served.url);
  await setRange(page, '2026-09-01', '2026-09-30');
  await page.getByTestId('compare-toggle').check();
  await page.getByTestId('compare-preset').selectOption('custom');
  // Custom B starts from the previous period's dates.
  await expect(page.getByTestId('compare-from')).toHaveValue('2026-08-02');
  await expect(page.getByTestId('compare-to')).toHaveValue('2026-08-31');
  await page.getByTestId('compare-from').fill('2026-08-22');
  await expect(page.getByTestId('unequal-lengths')).toContainText('A has 30 days and B 10');
  const cli = compareCli(served, { from: '2026-09-01', to: '2026-09-30' }, { from: '2026-08-22', to: '2026-08-31' });
  const rate = page.getByTestId('kpi-b-engagement_rate');
  await expect(rate).toHaveAttribute('data-pp', String(cli.delta.engagement_rate!.pp));
  await expect(rate).toContainText(' pp');
  await expect(rate).not.toContainText('%)');

  // A reversed B: an inline message, and the last valid comparison stays.
  await page.getByTestId('compare-from').fill('2026-09-15');
  await expect(page.getByTestId('compare-problem')).toContainText('“From” must not be after “To”');
  await expect(page.getByTestId('kpi-b-impressions')).toHaveAttribute('data-value', String(cli.b.totals.impressions));
  // The address keeps the comparison on screen (the last valid B), so a link or a reload shows the same.
  await page.getByTestId('compare-from').blur();
  const hash = () => new URL(page.url()).hash;
  await expect.poll(hash).toContain('bfrom=2026-08-22&bto=2026-08-31');
  // Still so once every entry is written (a quarter of a second after the last change): the reversed B never is.
  await page.waitForTimeout(500);
  expect(hash()).toContain('bfrom=2026-08-22&bto=2026-08-31');

  await page.getByTestId('locale').selectOption('sv');
  await expect(page.getByTestId('compare-problem')).toContainText('”Från” får inte vara efter ”Till”');
  await expect(rate).toContainText('procentenheter');

  // A reversed range A: a message beside the fields, and the views keep the last valid range.
  await page.getByTestId('filter-from').fill('2026-10-15');
  await expect(page.getByTestId('range-problem')).toContainText('”Från” får inte vara efter ”Till”');
  await expect(page.getByTestId('kpi-impressions')).toHaveAttribute('data-value', String(cli.a.totals.impressions));

  // A link with a reversed B: there is no earlier comparison to keep, and the message says so.
  await page.goto('about:blank');
  await page.goto(`${served.url}&compare=custom&bfrom=2026-10-20&bto=2026-10-14`);
  await expect(page.getByTestId('compare-problem')).toContainText('Ingen jämförelse visas förrän intervall B är giltigt');
  await expect(page.getByTestId('kpi-impressions')).not.toHaveAttribute('data-value', '');
  await expect(page.getByTestId('kpi-b-impressions')).toHaveCount(0);
});

for (const [width, height] of [
  [1024, 700],
  [1440, 900],
] as const) {
  for (const locale of ['sv', 'en'] as const) {
    test(`compare tables at ${width} px in ${locale}: no header clipped, every column reachable, sorting by header`, async ({
      page,
      served,
    }, testInfo) => {
      await page.setViewportSize({ width, height });
      await page.goto(served.url);
      await page.getByTestId('locale').selectOption(locale);
      await setRange(page, '2026-09-01', '2026-09-30');
      await page.getByTestId('compare-toggle').check();
      await expect(page.getByTestId('kpi-b-impressions')).not.toHaveAttribute('data-value', '');
      await page.screenshot({ path: testInfo.outputPath(`compare-overview-${width}-${locale}.png`) });
      for (const tab of ['top-pins', 'top-boards', 'video'] as const) {
        await page.getByTestId(`tab-${tab}`).click();
        const table = page.getByRole('table').first();
        await expect(table.getByRole('row').nth(1)).toBeVisible();
        const clipped = await table
          .locator('[role=columnheader]')
          .evaluateAll((cells) =>
            cells.filter((c) => c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1).map((c) => c.textContent),
          );
        expect(clipped, `${tab}: clipped headers`).toEqual([]);
        // The last column can be scrolled into view, and the rank and title stay on screen meanwhile.
        const last = table.locator('[role=columnheader]').last();
        await last.scrollIntoViewIfNeeded();
        await expect(last).toBeInViewport();
        await expect(table.locator('[role=columnheader]').first()).toBeInViewport();
        await page.screenshot({ path: testInfo.outputPath(`compare-${tab}-${width}-${locale}.png`) });
      }
      await page.getByTestId('tab-top-pins').click();
      await page.getByTestId('col-saves').getByRole('button').click();
      await expect(page.getByTestId('sort-pins')).toHaveValue('saves');
      await expect(page.getByTestId('col-saves')).toHaveAttribute('aria-sort', 'descending');
    });
  }
}

test('the export dialog works by keyboard alone: focus stays inside, Esc closes it', async ({ page, served }) => {
  await page.goto(served.url);
  await expect(page.getByTestId('kpi-impressions')).not.toHaveAttribute('data-value', '');
  await page.getByTestId('export-open').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('export-name')).toBeFocused();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('export-open')).toBeFocused();
});

test('the analytics lines are offered only where the layout can hold them, and the dialog says why not', async ({ page, served }) => {
  await page.goto(served.url);
  await expect(page.getByTestId('kpi-impressions')).not.toHaveAttribute('data-value', '');
  await page.getByTestId('split-by').selectOption('device');
  await page.getByTestId('export-open').click();
  await expect(page.getByTestId('export-preamble')).toBeDisabled();
  await expect(page.getByTestId('export-preamble-blocked')).toContainText('Set Split by to None');
  await page.keyboard.press('Escape');
  await page.getByTestId('split-by').selectOption('none');
  await page.getByTestId('granularity').selectOption('week');
  await page.getByTestId('export-open').click();
  await expect(page.getByTestId('export-preamble-blocked')).toContainText('Set Interval to Daily');
  await page.keyboard.press('Escape');
  await page.getByTestId('granularity').selectOption('day');
  await page.getByTestId('export-open').click();
  await expect(page.getByTestId('export-preamble')).toBeEnabled();
  await expect(page.getByTestId('export-preamble-blocked')).toHaveCount(0);
});
