import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive the real renderer against `pinsight serve`. Here they use Debian's Chromium
 * (PINSIGHT_CHROMIUM or /usr/bin/chromium); elsewhere, unset it to use Playwright's own browser
 * after `npx playwright install chromium`.
 */
const executablePath = process.env.PINSIGHT_CHROMIUM ?? (process.platform === 'linux' ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 720 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: executablePath || undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
