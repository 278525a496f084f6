/** Issue 16: a filter change loads the view on screen only; others load when opened; answers are cached by request. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: { view: string; channel?: string }[] = [];
vi.mock('../../../renderer/src/api/transport', () => ({
  api: {
    query: async (spec: { view: string; channel?: string }) => {
      calls.push({ view: spec.view, channel: spec.channel });
      return { ok: true, value: { view: spec.view, rows: [], totals: {}, series: [], range: { from: '', to: '', dataLatestDay: null } } };
    },
  },
}));

const { initialAppState, useAppStore } = await import('../../../renderer/src/store/app-store');
const { clearResultCache } = await import('../../../renderer/src/store/views-slice');

const settle = () => new Promise((r) => setTimeout(r, 0));
const workspace = {
  path: '/w.duckdb',
  schemaVersion: 5,
  eventCount: 1,
  pinCount: 1,
  firstDay: '2026-01-01',
  lastDay: '2026-10-31',
  timeZone: 'UTC',
};

beforeEach(() => {
  clearResultCache();
  calls.length = 0;
  useAppStore.setState({ ...initialAppState, workspace, options: null });
});

describe('loading views', () => {
  it('a filter change queries the view on screen only, on the screen channel', async () => {
    useAppStore.getState().setFilter('device', 'mobile');
    await settle();
    expect(calls.length).toBeGreaterThan(0);
    expect(new Set(calls.map((c) => c.view))).toEqual(new Set(['overview']));
    // The figures on the screen's channel, the audiences beside them on their own.
    expect(new Set(calls.map((c) => c.channel))).toEqual(new Set(['screen', 'screen-audience']));
    expect(useAppStore.getState().staleViews).toEqual(['top-pins', 'top-boards', 'video', 'legacy']);
  });

  it('a stale view loads when opened; one seen before with the same filters comes from the cache', async () => {
    useAppStore.getState().setFilter('device', 'mobile');
    await settle();
    calls.length = 0;
    useAppStore.getState().setView('top-pins');
    await settle();
    expect(calls.map((c) => c.view)).toEqual(['top-pins']);
    calls.length = 0;
    useAppStore.getState().setView('overview');
    await settle();
    expect(calls).toEqual([]);
    // Back to a filter combination seen before: answered from the cache, no query.
    useAppStore.getState().setFilter('device', 'web');
    await settle();
    calls.length = 0;
    useAppStore.getState().setFilter('device', 'mobile');
    await settle();
    expect(calls).toEqual([]);
    expect(useAppStore.getState().overview.status).toBe('ready');
  });
});
