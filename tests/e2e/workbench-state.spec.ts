/** Issue 15, state: the view lives in the address (reload, Back/Forward, a link in another browser) and in saved views. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const ready = (page: Page) => expect(page.getByTestId('kpi-impressions')).not.toHaveAttribute('data-value', '');
const fragment = (page: Page) => new URL(page.url()).hash.replace(/^#/, '');

test('reload, Back and Forward restore the view; a copied link shows it in another browser', async ({ page, served, browser }) => {
  await page.goto(served.url);
  await ready(page);
  expect(fragment(page)).toBe('');
  await page.getByTestId('filter-device-mobile').click();
  await page.getByTestId('granularity').selectOption('week');
  await page.getByTestId('tab-top-pins').click();
  await page.getByTestId('sort-pins').selectOption('saves');
  await expect(page.getByTestId('sort-pins')).toHaveValue('saves');
  // The history entries are written a moment after the last change (out of the way of the click's answer).
  await expect.poll(() => fragment(page)).toBe('view=top-pins&device=mobile&interval=week&pinsort=saves');
  const firstRow = await page.locator('[data-testid^=top-pin-]').first().textContent();

  await page.reload();
  await expect(page.getByTestId('tab-top-pins')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('filter-device-mobile')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('sort-pins')).toHaveValue('saves');
  await expect(page.locator('[data-testid^=top-pin-]').first()).toHaveText(firstRow ?? '');

  // Back steps through the changes: the sort, then the view, then the interval, then the filter.
  await page.goBack();
  await expect(page.getByTestId('sort-pins')).toHaveValue('impressions');
  await page.goBack();
  await expect(page.getByTestId('tab-overview')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('granularity')).toHaveValue('week');
  await page.goBack();
  await expect(page.getByTestId('granularity')).toHaveValue('day');
  await expect(page.getByTestId('filter-device-mobile')).toHaveAttribute('aria-checked', 'true');
  await page.goBack();
  await expect(page.getByTestId('filter-device-all')).toHaveAttribute('aria-checked', 'true');
  await page.goForward();
  await page.goForward();
  await expect(page.getByTestId('filter-device-mobile')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('granularity')).toHaveValue('week');
  const impressions = await page.getByTestId('kpi-impressions').getAttribute('data-value');

  // The same link in another browser (its own session: the token comes with the link, as serve prints it).
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(`${served.url}&${fragment(page)}`);
  await expect(second.getByTestId('filter-device-mobile')).toHaveAttribute('aria-checked', 'true');
  await expect(second.getByTestId('granularity')).toHaveValue('week');
  await expect(second.getByTestId('kpi-impressions')).toHaveAttribute('data-value', impressions ?? '');
  expect(fragment(second)).toBe('device=mobile&interval=week');
  await other.close();

  // The link the app makes (the address bar's own has no token): opens the view in yet another browser.
  await page.getByTestId('saved-views-button').click();
  await page.getByTestId('copy-link').click();
  const link = await page.getByTestId('view-link').inputValue();
  expect(link).toMatch(/#token=[\w-]+&device=mobile&interval=week$/);
  const third = await browser.newContext();
  const thirdPage = await third.newPage();
  await thirdPage.goto(link);
  await expect(thirdPage.getByTestId('kpi-impressions')).toHaveAttribute('data-value', impressions ?? '');
  await third.close();
  // The address bar's own address, copied into another browser: no access, and the way to share a view is said.
  const fourth = await browser.newContext();
  const fourthPage = await fourth.newPage();
  await fourthPage.goto(link.replace(/token=[\w-]+&/, ''));
  await expect(fourthPage.getByRole('alert').first()).toContainText('Saved views › Link to this view');
  await fourth.close();
});

test('a reload at once after a change keeps it, and Back still steps through each change', async ({ page, served }) => {
  await page.goto(served.url);
  await ready(page);
  await page.getByTestId('filter-contentType-paid').click();
  await expect.poll(() => fragment(page)).toBe('content-type=paid');
  // Two changes and a reload before their history entries are written (they wait for a quiet moment).
  const reloaded = page.waitForEvent('load');
  await page.evaluate(() => {
    const click = (id: string) => (document.querySelector(`[data-testid="${id}"]`) as HTMLElement).click();
    click('filter-device-web');
    setTimeout(() => {
      click('tab-top-boards');
      setTimeout(() => location.reload(), 30);
    }, 20);
  });
  await reloaded;
  await expect(page.getByTestId('tab-top-boards')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('filter-device-web')).toHaveAttribute('aria-checked', 'true');
  expect(fragment(page)).toBe('view=top-boards&content-type=paid&device=web');
  await page.goBack();
  await expect(page.getByTestId('tab-overview')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('filter-device-web')).toHaveAttribute('aria-checked', 'true');
  await page.goBack();
  await expect(page.getByTestId('filter-device-all')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('filter-contentType-paid')).toHaveAttribute('aria-checked', 'true');
});

test('Back at once after a change undoes that change; an address edited by hand is shown as it is read', async ({ page, served }) => {
  await page.goto(served.url);
  await ready(page);
  await page.getByTestId('filter-contentType-paid').click();
  await expect.poll(() => fragment(page)).toBe('content-type=paid');
  // A change, and Back 30 ms later: before its history entry is written.
  await page.evaluate(() => {
    (document.querySelector('[data-testid="filter-device-mobile"]') as HTMLElement).click();
    setTimeout(() => history.back(), 30);
  });
  await expect(page.getByTestId('filter-device-all')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('filter-contentType-paid')).toHaveAttribute('aria-checked', 'true');
  await page.waitForTimeout(400);
  expect(fragment(page)).toBe('content-type=paid');
  await expect(page.getByTestId('filter-device-all')).toHaveAttribute('aria-checked', 'true');
  // Forward brings the change back (it was written on the way), as for any change.
  await page.goForward();
  await expect(page.getByTestId('filter-device-mobile')).toHaveAttribute('aria-checked', 'true');
  await page.goBack();
  await expect(page.getByTestId('filter-device-all')).toHaveAttribute('aria-checked', 'true');
  await page.goBack();
  await expect(page.getByTestId('filter-contentType-all')).toHaveAttribute('aria-checked', 'true');

  await page.evaluate(() => (location.hash = '#device=phone&format=video&zzz=1'));
  await expect(page.getByTestId('filter-format-video')).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => fragment(page)).toBe('format=video');
  await expect(page.getByTestId('filter-device-all')).toHaveAttribute('aria-checked', 'true');

  // A date typed at a typing pace is one entry, written once the field is left (not one per valid half-date).
  const entries = () => page.evaluate(() => history.length);
  const before = await entries();
  await page.getByTestId('filter-from').click();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('10152026', { delay: 300 });
  await expect(page.getByTestId('filter-from')).toHaveValue('2026-10-15');
  expect(await entries()).toBe(before);
  await page.getByTestId('filter-from').blur();
  await expect.poll(entries).toBe(before + 1);
  expect(fragment(page)).toContain('from=2026-10-15');
  await page.goBack();
  await expect(page.getByTestId('filter-preset')).not.toHaveValue('custom');
});

test('a preset stays a preset; an open Pin is part of the view', async ({ page, served }) => {
  await page.goto(served.url);
  await ready(page);
  await page.getByTestId('filter-preset').selectOption('last7');
  await page.getByTestId('tab-top-pins').click();
  const row = page.locator('[data-testid^=top-pin-]').first();
  const pinId = (await row.getAttribute('data-testid'))?.replace('top-pin-', '') ?? '';
  await row.click();
  await expect(page.getByTestId('pin-panel')).toBeVisible();
  await expect.poll(() => fragment(page)).toBe(`view=top-pins&preset=last7&pin=${pinId}`);
  await page.reload();
  await expect(page.getByTestId('pin-panel')).toBeVisible();
  await expect(page.getByTestId('filter-preset')).toHaveValue('last7');
  await expect(page.getByTestId('filter-from')).toHaveValue('2026-10-25');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('pin-panel')).toHaveCount(0);
  await expect.poll(() => fragment(page)).toBe('view=top-pins&preset=last7');
});

test('saved views: save, open, rename, delete, and they survive reopening the workspace', async ({ page, served }) => {
  await page.goto(served.url);
  await ready(page);
  await page.getByTestId('filter-contentType-paid').click();
  await page.getByTestId('tab-top-boards').click();
  await page.getByTestId('saved-views-button').click();
  await expect(page.getByTestId('saved-views-empty')).toBeVisible();
  await page.getByTestId('saved-view-name').fill('Paid boards');
  await page.getByTestId('saved-view-save').click();
  await expect(page.getByTestId('saved-view-Paid boards')).toBeVisible();
  await page.keyboard.press('Escape');

  // Reset filters keeps the view, drops the filters.
  await page.getByTestId('filters-reset').click();
  await expect(page.getByTestId('filter-contentType-all')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('tab-top-boards')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('tab-overview').click();

  // Reopen the workspace (another one first, then this one from the recent list): the view is still there.
  await page.getByTestId('workspace-button').click();
  await page.getByTestId('workspace-input').fill(`${served.dir}/other.duckdb`);
  await page.getByTestId('workspace-new').click();
  await expect(page.getByTestId('workspace-path')).toHaveText('other.duckdb');
  await page.getByTestId('saved-views-button').click();
  await expect(page.getByTestId('saved-views-empty')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('workspace-button').click();
  await page.getByRole('button', { name: served.workspace, exact: true }).click();
  await expect(page.getByTestId('workspace-path')).toHaveText('e2e.duckdb');
  await page.getByTestId('saved-views-button').click();
  await page.getByTestId('saved-view-Paid boards').click();
  await expect(page.getByTestId('tab-top-boards')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('filter-contentType-paid')).toHaveAttribute('aria-checked', 'true');

  await page.getByTestId('saved-views-button').click();
  const id = (await page.locator('[data-testid^=saved-view-rename-]').first().getAttribute('data-testid'))?.split('-').pop() ?? '';
  await page.getByTestId(`saved-view-rename-${id}`).click();
  await page.getByTestId(`saved-view-rename-input-${id}`).fill('Paid, by board');
  await page.getByTestId(`saved-view-rename-ok-${id}`).click();
  await expect(page.getByTestId('saved-view-Paid, by board')).toBeVisible();
  await page.getByTestId(`saved-view-delete-${id}`).click();
  await page.getByTestId(`saved-view-delete-ok-${id}`).click();
  await expect(page.getByTestId('saved-views-empty')).toBeVisible();
});

test('theme and language are remembered by the app, not by the browser', async ({ page, served, browser }) => {
  await page.goto(served.url);
  await ready(page);
  await page.getByTestId('locale').selectOption('sv');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(served.url);
  await expect(second.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(second.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(second.getByTestId('tab-overview')).toHaveText('Översikt');
  await other.close();
});
