/** Issue 15, honest filters and partial periods: what a view cannot apply is shown as not applying, with the reason. */
import type { Page } from '@playwright/test';
import { cliJson } from '../helpers/run-cli';
import { expect, test } from './fixtures';

const ready = (page: Page) => expect(page.getByTestId('kpi-impressions')).not.toHaveAttribute('data-value', '');

test('Video with Format = Standard, Legacy and Import say that the filters do not apply there', async ({ page, served }) => {
  await page.goto(served.url);
  await ready(page);
  await page.getByTestId('filter-format-standard').click();
  await page.getByTestId('tab-video').click();
  await expect(page.getByTestId('video-format-ignored')).toContainText('Format = Standard does not apply here');
  const format = page.getByTestId('filter-format');
  await expect(format).toHaveAttribute('aria-disabled', 'true');
  await expect(format).toHaveAttribute('title', /video Pins only/);
  await expect(page.getByTestId('filter-format-video')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('filter-format-standard')).toBeDisabled();
  // Other dimensions still apply to the video view.
  await expect(page.getByTestId('filter-device-mobile')).toBeEnabled();

  await page.getByTestId('tab-legacy').click();
  await expect(page.getByTestId('filters-not-applied')).toContainText('Legacy history has no filters');
  await expect(page.getByTestId('filter-device-mobile')).toBeDisabled();
  await expect(page.getByTestId('filter-preset')).toBeDisabled();
  await page.getByTestId('tab-import').click();
  await expect(page.getByTestId('filters-not-applied')).toContainText('Filters do not apply to imports');

  // Back on the overview, the Standard filter applies again.
  await page.getByTestId('tab-overview').click();
  await expect(page.getByTestId('filters-not-applied')).toHaveCount(0);
  await expect(page.getByTestId('filter-format-standard')).toHaveAttribute('aria-checked', 'true');
});

test('the Pin panel says which filters it applies; a board row opens the board with its Pins', async ({ page, served }) => {
  await page.goto(served.url);
  await ready(page);
  await page.getByTestId('filter-device-mobile').click();
  await page.getByTestId('tab-top-boards').click();
  const board = page.locator('[data-testid^=top-board-]').first();
  const boardId = (await board.getAttribute('data-testid'))?.replace('top-board-', '') ?? '';
  await board.click();
  const panel = page.getByTestId('board-panel');
  await expect(panel).toBeVisible();
  await expect(page.locator('[data-testid^=board-pin-]').first()).toBeVisible();
  const cli = cliJson<{ rows: { board_id: string; impressions: number }[] }>([
    'query',
    'top-boards',
    '--workspace',
    served.cliWorkspace,
    '--device',
    'mobile',
  ]);
  const expected = cli.rows.find((r) => r.board_id === boardId)?.impressions ?? -1;
  await expect(page.getByTestId('board-total')).toHaveText(expected.toLocaleString('en-US'));
  await expect(page.getByTestId('board-pins-note')).toContainText('so that the rows add up to the board');
  await expect.poll(() => new URL(page.url()).hash).toContain(`board=${boardId}`);

  await page.locator('[data-testid^=board-pin-]').first().click();
  await expect(page.getByTestId('pin-panel')).toBeVisible();
  await expect(page.getByTestId('pin-filters-note')).toContainText(
    'Counts only the events of this Pin’s group (its Pins with the same image and URL, and re-saves) that match Device: Mobile',
  );
  await expect(page.getByTestId('pin-filters-note')).toContainText('The date range and claimed accounts do not apply here');
  await expect(page.getByTestId('pin-as-of')).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M UTC$/);
  // Closing the Pin returns to the board; Esc closes the board.
  await page.keyboard.press('Escape');
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // A link to a board there is no trace of says so (not "no data for these filters").
  await page.goto('about:blank');
  await page.goto(`${served.url}&view=top-boards&board=nope`);
  await expect(panel.getByTestId('status-error')).toContainText('No board nope in this workspace');
});

test('From after To: an inline message in the UI language, the last valid numbers stay', async ({ page, served }) => {
  await page.goto(served.url);
  await ready(page);
  await page.getByTestId('locale').selectOption('sv');
  const before = await page.getByTestId('kpi-impressions').getAttribute('data-value');
  await page.getByTestId('filter-from').fill('2026-10-20');
  await page.getByTestId('filter-to').fill('2026-10-10');
  await expect(page.getByTestId('range-problem')).toBeVisible();
  await expect(page.getByTestId('range-problem')).not.toContainText('--from');
  await expect(page.getByTestId('kpi-impressions')).toBeVisible();
  expect(await page.getByTestId('kpi-impressions').getAttribute('data-value')).not.toBe('');
  expect(before).not.toBe('');
});

test('a week cut by the range is marked partial; provenance says which days have data', async ({ page, served }) => {
  const first = cliJson<{ coverage: { from: string } }>([
    'query',
    'overview',
    '--workspace',
    served.cliWorkspace,
    '--from',
    '2025-09-01',
    '--to',
    '2025-12-31',
  ]);
  await page.goto(served.url);
  await ready(page);
  await page.getByTestId('filter-from').fill('2025-09-03');
  await page.getByTestId('filter-to').fill('2025-12-31');
  await page.getByTestId('granularity').selectOption('week');
  await expect(page.getByTestId('partial-note')).toContainText('cover only part of their week');
  await page.getByTestId('chart-as-table').click();
  const table = page.getByTestId('chart-table');
  await expect(table.locator('tbody tr').first()).toContainText('Sep 1, 2025* (partial: Sep 3, 2025 – Sep 7, 2025)');
  await expect(table.locator('tbody tr').last()).toContainText('partial: Dec 29, 2025 – Dec 31, 2025');
  // The demo's data starts after September: the provenance says the days that hold data, not only the range.
  expect(first.coverage.from > '2025-09-03').toBe(true);
  await expect(page.getByTestId('provenance-days')).toContainText(/data for \d+ of 120 days/);
});

test('a range before the data: the top lists say there is no event data then, not that nothing matches', async ({ page, served }) => {
  await page.goto(served.url);
  await ready(page);
  await page.getByTestId('tab-top-pins').click();
  await page.getByTestId('filter-from').fill('2024-01-01');
  await page.getByTestId('filter-to').fill('2024-01-31');
  await expect(page.getByTestId('status-empty')).toContainText('No event data between Jan 1, 2024 and Jan 31, 2024.');
  // And where the data is.
  await expect(page.getByTestId('status-empty')).toContainText(/The data covers \w{3} \d+, 2025 – Oct 31, 2026\./);
  await expect(page.getByTestId('provenance')).toContainText('no event data between');
  await page.getByTestId('tab-video').click();
  await expect(page.getByTestId('status-empty')).toContainText('No event data between Jan 1, 2024 and Jan 31, 2024.');
});

test('a last day that ends early is said over the overview, in the workspace time zone, and not for a range before it', async ({
  page,
  served,
}) => {
  await page.goto(served.url);
  await ready(page);
  const end = cliJson<{ lastDayEndsAt?: { day: string; time: string; timeZone: string } }>([
    'query',
    'overview',
    '--workspace',
    served.cliWorkspace,
  ]).lastDayEndsAt;
  // The demo's events end in the evening of their last day.
  expect(end?.timeZone).toBe('UTC');
  expect((end?.time ?? '23:59') < '23:00').toBe(true);
  const [hour, minute] = (end?.time ?? '').split(':').map(Number);
  const clock = new Date(Date.UTC(2000, 0, 1, hour, minute)).toLocaleTimeString('en-US', {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  await expect(page.getByTestId('last-day-partial')).toContainText(`The data ends at`);
  await expect(page.getByTestId('last-day-partial')).toContainText(clock);
  await expect(page.getByTestId('last-day-partial')).toContainText(`UTC (its latest event), so that day is not complete`);
  await expect(page.getByTestId('last-day-partial')).not.toContainText('Range A');
  // Comparing: the changes against B include that day's shortfall, and the banner says so.
  await page.getByTestId('compare-toggle').check();
  await expect(page.getByTestId('last-day-partial')).toContainText('the changes against B include its shortfall');
  await page.getByTestId('compare-toggle').uncheck();
  await page.getByTestId('filter-from').fill('2026-09-01');
  await page.getByTestId('filter-to').fill('2026-09-30');
  await expect(page.getByTestId('provenance')).toContainText('Sep 30, 2026');
  await expect(page.getByTestId('last-day-partial')).toHaveCount(0);
});

test('where events carry no device, the panel says they count under All only', async ({ page, served }) => {
  await page.goto(served.url);
  await ready(page);
  await expect(page.getByTestId('filter-device-unknown')).toHaveText('Events with no device count under All only (as Unknown in a split).');
  // The demo's events all have a content type: no such note there.
  await expect(page.getByTestId('filter-contentType-unknown')).toHaveCount(0);
  const total = Number(await page.getByTestId('kpi-impressions').getAttribute('data-value'));
  let devices = 0;
  for (const device of ['mobile', 'tablet', 'web'] as const) {
    devices += cliJson<{ totals: { impressions: number } }>(['query', 'overview', '--workspace', served.cliWorkspace, '--device', device])
      .totals.impressions;
  }
  expect(devices).toBeLessThan(total);
});
