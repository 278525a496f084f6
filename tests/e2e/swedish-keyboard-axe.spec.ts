/**
 * Issue 15: Swedish throughout (no English catalogue text on any view), keyboard-only use of the filter panel and
 * the export dialog, and axe-core on every view and panel in both themes.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { METRIC_IDS, METRICS } from '../../shared/metrics';
import { UI_STRINGS, type StringKey } from '../../shared/ui-strings';
import { expect, test } from './fixtures';

const ready = (page: Page) => expect(page.getByTestId('kpi-impressions')).not.toHaveAttribute('data-value', '');
const VIEWS = ['overview', 'top-pins', 'top-boards', 'video', 'legacy', 'import'] as const;

/** English phrases of the catalogue that Swedish does not share: the parts between placeholders, 6+ characters. */
function englishPhrases(): string[] {
  const en = UI_STRINGS.en;
  const sv = UI_STRINGS.sv;
  const svText = Object.values(sv).join('\n');
  const phrases = new Set<string>();
  for (const key of Object.keys(en) as StringKey[]) {
    if (en[key] === sv[key]) continue;
    for (const part of en[key].split(/\{\w+\}/)) {
      const p = part.trim().replace(/^[:;,.()\s]+|[:;,.()\s…]+$/g, '');
      if (p.length >= 6 && !svText.includes(p)) phrases.add(p);
    }
  }
  for (const id of METRIC_IDS) if (METRICS[id].label.en !== METRICS[id].label.sv) phrases.add(METRICS[id].label.en);
  return [...phrases];
}

async function englishOnScreen(page: Page, phrases: string[]): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return phrases.filter((p) => text.includes(p));
}

test('in Swedish, no view, panel or dialog shows English text from the catalogue', async ({ page, served }) => {
  const phrases = englishPhrases();
  expect(phrases.length).toBeGreaterThan(150);
  await page.goto(served.url);
  await ready(page);
  await page.getByTestId('locale').selectOption('sv');
  const found: Record<string, string[]> = {};
  for (const view of VIEWS) {
    await page.getByTestId(`tab-${view}`).click();
    await page.waitForTimeout(300);
    found[view] = await englishOnScreen(page, phrases);
  }
  await page.getByTestId('tab-overview').click();
  await page.getByTestId('chart-as-table').click();
  found.chartTable = await englishOnScreen(page, phrases);
  await page.getByTestId('tab-top-pins').click();
  await page.locator('[data-testid^=top-pin-]').first().click();
  await expect(page.getByTestId('pin-as-of')).toBeVisible();
  found.pinPanel = await englishOnScreen(page, phrases);
  await expect(page.getByTestId('pin-as-of')).not.toContainText(/AM|PM/);
  await page.keyboard.press('Escape');
  await page.getByTestId('tab-top-boards').click();
  await page.locator('[data-testid^=top-board-]').first().click();
  await expect(page.getByTestId('board-total')).toBeVisible();
  found.boardPanel = await englishOnScreen(page, phrases);
  await page.keyboard.press('Escape');
  await page.getByTestId('saved-views-button').click();
  found.savedViews = await englishOnScreen(page, phrases);
  await page.keyboard.press('Escape');
  await page.getByTestId('export-open').click();
  found.exportDialog = await englishOnScreen(page, phrases);
  await page.keyboard.press('Escape');
  await page.getByTestId('how-counted-boards').click();
  await expect(page.getByTestId('reconcile-panel')).toBeVisible();
  found.reconcile = await englishOnScreen(page, phrases);
  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
});

test('keyboard only: the filter panel (radio groups, one tab stop each) and the export dialog', async ({ page, served }) => {
  await page.goto(served.url);
  await ready(page);
  // The tabs are one tab stop; arrows move between views.
  await page.getByTestId('tab-overview').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab-top-pins')).toBeFocused();
  await expect(page.getByTestId('tab-top-pins')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('tab-overview')).toHaveAttribute('aria-selected', 'true');

  // A radio group is one tab stop: tabbing on from the date range lands on the checked content type, then on the
  // checked device (a date field's day, month and year are tab stops of their own).
  await page.getByTestId('filter-preset').focus();
  for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.getAttribute('role'))) !== 'radio'; i++)
    await page.keyboard.press('Tab');
  await expect(page.getByTestId('filter-contentType-all')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('filter-contentType-organic')).toBeFocused();
  await expect(page.getByTestId('filter-contentType-organic')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('filter-device-all')).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByTestId('filter-device-web')).toHaveAttribute('aria-checked', 'true');
  await expect(page).toHaveURL(/content-type=organic/);
  await expect(page).toHaveURL(/device=web/);

  // The export dialog: opened with Enter, Tab stays inside, Esc closes it and focus goes back.
  await page.getByTestId('export-open').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('export-open')).toBeFocused();
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe-core: no serious or critical violations on any view or panel (${theme})`, async ({ page, served }) => {
    await page.goto(served.url);
    await ready(page);
    if (theme === 'dark') await page.getByTestId('theme-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const problems: string[] = [];
    const check = async (where: string) => {
      await page.waitForTimeout(300);
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations)
        if (v.impact === 'serious' || v.impact === 'critical')
          problems.push(
            `${where}: ${v.id} (${v.impact}) ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
          );
    };
    for (const view of VIEWS) {
      await page.getByTestId(`tab-${view}`).click();
      await check(view);
    }
    await page.getByTestId('tab-top-pins').click();
    await page.locator('[data-testid^=top-pin-]').first().click();
    await expect(page.getByTestId('pin-as-of')).toBeVisible();
    await check('pin panel');
    await page.keyboard.press('Escape');
    await page.getByTestId('tab-top-boards').click();
    await page.locator('[data-testid^=top-board-]').first().click();
    await expect(page.getByTestId('board-total')).toBeVisible();
    await check('board panel');
    await page.keyboard.press('Escape');
    await page.getByTestId('export-open').click();
    await check('export dialog');
    await page.keyboard.press('Escape');
    await page.getByTestId('saved-views-button').click();
    await check('saved views');
    await page.keyboard.press('Escape');
    // Compare mode: the B lines and rank changes (their colours) on the overview and a top list.
    await page.getByTestId('compare-toggle').check();
    await page.getByTestId('tab-overview').click();
    await expect(page.getByTestId('kpi-impressions')).not.toHaveAttribute('data-value', '');
    await check('compare overview');
    await page.getByTestId('tab-top-pins').click();
    await check('compare top Pins');
    await page.getByTestId('filters-collapse').click();
    await check('filters collapsed');
    expect(problems).toEqual([]);
  });
}
