/**
 * Issue 15, layout at 1024x700: the tab bar is one line, no control overflows its parent or overlaps another,
 * tables fill the height, the filter panel collapses; a screenshot of each view in both languages lands here.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const VIEWS = ['overview', 'top-pins', 'top-boards', 'video', 'legacy', 'import'] as const;

/** Elements that stick out of their parent (which does not scroll or clip), and header controls that overlap. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}.${String(el.className).split(' ')[0]}`;
    const clips = (el: Element) => {
      const s = getComputedStyle(el);
      return s.overflowX !== 'visible' || s.overflowY !== 'visible';
    };
    for (const el of Array.from(document.querySelectorAll('.app-header *, .filter-panel *, .content *'))) {
      const s = getComputedStyle(el);
      if (s.position === 'absolute' || s.position === 'fixed' || s.display === 'none' || el.closest('.visually-hidden, svg, canvas'))
        continue;
      // The content of a closed <details> is not shown.
      if (el.closest('details:not([open])') && !el.closest('summary')) continue;
      const parent = el.parentElement;
      if (!parent || clips(parent)) continue;
      const r = el.getBoundingClientRect();
      const p = parent.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      if (r.left < p.left - 1 || r.right > p.right + 1 || r.top < p.top - 1 || r.bottom > p.bottom + 1)
        problems.push(
          `${name(el)} overflows ${name(parent)} (${Math.round(r.left)}-${Math.round(r.right)} in ${Math.round(p.left)}-${Math.round(p.right)})`,
        );
    }
    const header = Array.from(document.querySelectorAll('.app-header > *, .header-tools > *')).filter(
      (e) => !e.classList.contains('header-tools'),
    );
    for (let i = 0; i < header.length; i++)
      for (let j = i + 1; j < header.length; j++) {
        const [x, y] = [header[i], header[j]];
        if (!x || !y) continue;
        const a = x.getBoundingClientRect();
        const b = y.getBoundingClientRect();
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
          problems.push(`${name(x)} overlaps ${name(y)}`);
      }
    if (document.documentElement.scrollWidth > window.innerWidth)
      problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth})`);
    return problems;
  });
}

for (const locale of ['en', 'sv'] as const) {
  test(`1024x700 (${locale}): every view fits, tables fill the height, the filter panel collapses`, async ({ page, served }, testInfo) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.goto(served.url);
    await expect(page.getByTestId('kpi-impressions')).not.toHaveAttribute('data-value', '');
    await page.getByTestId('locale').selectOption(locale);
    const tabs = page.getByRole('tablist');
    const problems: Record<string, string[]> = {};
    for (const view of VIEWS) {
      await page.getByTestId(`tab-${view}`).click();
      await page.waitForTimeout(400);
      const box = await tabs.boundingBox();
      const tab = await page.getByTestId('tab-overview').boundingBox();
      expect(box && tab && box.height <= tab.height + 4, `${view}: the tab bar is one line`).toBe(true);
      problems[view] = await layoutProblems(page);
      await page.screenshot({ path: testInfo.outputPath(`${view}-1024-${locale}.png`) });
    }
    // The same views in the dark theme, for the eye (the layout does not depend on the theme).
    await page.getByTestId('theme-toggle').click();
    for (const view of VIEWS) {
      await page.getByTestId(`tab-${view}`).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: testInfo.outputPath(`${view}-1024-${locale}-dark.png`) });
    }
    await page.getByTestId('theme-toggle').click();
    // A top list's table reaches down to near the bottom of the window.
    await page.getByTestId('tab-top-pins').click();
    const table = await page.getByRole('table').first().boundingBox();
    expect((table?.y ?? 0) + (table?.height ?? 0)).toBeGreaterThan(600);
    // Collapsed, the panel is a narrow bar with the number of filters set; the content takes the room.
    await page.getByTestId('filter-device-mobile').click();
    await page.getByTestId('filters-collapse').click();
    await expect(page.getByTestId('filters-expand')).toContainText('1');
    const content = await page.locator('main.content').boundingBox();
    expect(content?.x ?? 999).toBeLessThan(60);
    problems.collapsed = await layoutProblems(page);
    await page.screenshot({ path: testInfo.outputPath(`top-pins-collapsed-1024-${locale}.png`) });
    await page.getByTestId('filters-expand').click();
    await expect(page.getByTestId('filter-device-mobile')).toBeVisible();
    expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((k) => [k, []])));
  });
}
