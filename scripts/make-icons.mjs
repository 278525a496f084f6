// Renders resources/icon.svg to the PNG sizes the platforms need, with Chromium (Playwright):
//   resources/icon.png (1024 px; electron-builder makes the macOS .icns and Windows .ico from it)
//   resources/icons/NxN.png (the Linux icon set).
// Run after changing the SVG: `npm run icons`. The PNGs are committed, so packaging needs no browser.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'resources', 'icon.svg'), 'utf8');
const executablePath = process.env.PINSIGHT_CHROMIUM ?? (process.platform === 'linux' ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
  executablePath: executablePath || undefined,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`,
    );
    const out =
      size === 1024
        ? [join(root, 'resources', 'icon.png'), join(root, 'resources', 'icons', `${size}x${size}.png`)]
        : [join(root, 'resources', 'icons', `${size}x${size}.png`)];
    for (const path of out) await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`Wrote resources/icon.png and resources/icons/{${ICON_SIZES.join(',')}} px`);
