import { chromium } from '@playwright/test';
import http from 'node:http';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const g = { browser, contexts: [], logs: [] };
g.newCtx = async (opts = {}) => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...opts });
  const page = await ctx.newPage();
  page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') g.logs.push(`[${m.type()}] ${m.text()}`); });
  page.on('pageerror', e => g.logs.push(`[pageerror] ${e.message}`));
  g.contexts.push(ctx);
  return { ctx, page };
};
g.shot = async (page, name, full=false) => { await page.screenshot({ path: `/tmp/review/shots/${name}.png`, fullPage: full }); return name; };
const AsyncFunction = (async () => {}).constructor;
http.createServer(async (req, res) => {
  let body = ''; for await (const c of req) body += c;
  try {
    const fn = new AsyncFunction('g', body);
    const r = await fn(g);
    res.end(typeof r === 'string' ? r : JSON.stringify(r, null, 1));
  } catch (e) { res.end('ERROR: ' + (e.stack || e)); }
}).listen(9777, '127.0.0.1', () => console.log('driver ready'));
