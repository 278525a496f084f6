/** Issue 16: a filter change loads the view on screen only; others load when opened; answers are cached by request. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: { view: string; channel?: string }[] = [];
type Spec = {
  view: string;
  channel?: string;
  skipAudience?: boolean;
  audienceOnly?: boolean;
  audienceIfIndexed?: boolean;
  filters?: { device?: string; from?: string | null };
};
/** The totals an answer carries (by default none), and a hold on the audiences-only answer. */
const replies: {
  totals: (spec: Spec) => Partial<Record<string, number | null>>;
  audiences: Promise<void>;
  /** Held until released, then answered as superseded (as the engine does when a newer request took the channel). */
  superseded: (spec: Spec) => Promise<void> | null;
} = {
  totals: () => ({}),
  audiences: Promise.resolve(),
  superseded: () => null,
};
vi.mock('../../../renderer/src/api/transport', () => ({
  api: {
    query: async (spec: Spec) => {
      calls.push({ view: spec.view, channel: spec.channel });
      if (spec.audienceOnly) await replies.audiences;
      const held = replies.superseded(spec);
      if (held) {
        await held;
        return { ok: false, error: { code: 'cancelled', message: 'Superseded by a newer request' } };
      }
      const value = {
        view: spec.view,
        rows: [],
        totals: replies.totals(spec),
        series: [],
        range: { from: '', to: '', dataLatestDay: null },
      };
      return { ok: true, value };
    },
  },
}));

const { initialAppState, useAppStore } = await import('../../../renderer/src/store/app-store');
const { clearResultCache } = await import('../../../renderer/src/store/views-slice');

const settle = () => new Promise((r) => setTimeout(r, 0));
/** The overview's totals on screen once nothing is pending any more (null while something is). */
const settledTotals = () => {
  const state = useAppStore.getState();
  return !state.audiencePending && state.overview.status === 'ready' ? state.overview.data.totals : null;
};
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
  replies.totals = () => ({});
  replies.audiences = Promise.resolve();
  replies.superseded = () => null;
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

  it('figures that bring the audiences show them at once; without them the tiles say the audiences are on their way', async () => {
    let release = () => {};
    replies.audiences = new Promise((r) => (release = r));
    // The range's audience index is built: the figures carry the audiences along.
    replies.totals = (spec) =>
      spec.audienceOnly
        ? { total_audience: 70, engaged_audience: 9 }
        : { impressions: 500, total_audience: spec.audienceIfIndexed ? 70 : null, engaged_audience: spec.audienceIfIndexed ? 9 : null };
    useAppStore.getState().setFilter('device', 'mobile');
    await settle();
    let state = useAppStore.getState();
    expect(state.overview.status === 'ready' && state.overview.data.totals).toEqual({
      impressions: 500,
      total_audience: 70,
      engaged_audience: 9,
    });
    expect(state.audiencePending).toBe(false);
    release();
    await settle();

    // Not built yet: the figures come without audiences, which are pending until their own answer.
    replies.audiences = new Promise((r) => (release = r));
    replies.totals = (spec) =>
      spec.audienceOnly ? { total_audience: 60, engaged_audience: 8 } : { impressions: 400, total_audience: null, engaged_audience: null };
    useAppStore.getState().setFilter('device', 'web');
    await settle();
    state = useAppStore.getState();
    expect(state.overview.status === 'ready' && state.overview.data.totals.impressions).toBe(400);
    expect(state.audiencePending).toBe(true);
    release();
    await settle();
    await settle();
    expect(settledTotals()).toEqual({ impressions: 400, total_audience: 60, engaged_audience: 8 });
  });

  it('an answer is kept under its own request, even when the analyst has moved on before the audiences answered', async () => {
    const held: (() => void)[] = [];
    replies.audiences = new Promise((r) => held.push(() => r()));
    // The index is built: each device's figures carry its own audiences.
    const numbers: Record<string, number> = { tablet: 30, web: 50, all: 80, mobile: 40 };
    replies.totals = (spec) => {
      const device = spec.filters?.device ?? 'all';
      const n = numbers[device] ?? 0;
      return { impressions: n * 10, total_audience: n, engaged_audience: n / 10 };
    };
    useAppStore.getState().setFilter('device', 'tablet');
    await settle();
    useAppStore.getState().setFilter('device', 'web');
    await settle();
    // Tablet's audiences-only answer comes last of all.
    held.forEach((release) => release());
    await settle();
    await settle();
    calls.length = 0;
    useAppStore.getState().setFilter('device', 'tablet');
    await settle();
    const state = useAppStore.getState();
    expect(calls).toEqual([]);
    expect(state.overview.status === 'ready' && state.overview.data.totals).toEqual({
      impressions: 300,
      total_audience: 30,
      engaged_audience: 3,
    });
  });

  it('a range whose figures brought its audiences is asked once per click; when they stop coming, the audiences follow', async () => {
    const audiencesAsked = () => calls.filter((c) => c.channel === 'screen-audience').length;
    let indexed = true;
    replies.totals = (spec) =>
      spec.audienceOnly
        ? { total_audience: 20, engaged_audience: 2 }
        : { impressions: 100, total_audience: indexed ? 30 : null, engaged_audience: indexed ? 3 : null };
    // First look at the range: both requests at once (whether its index is built is not known yet).
    useAppStore.getState().setFilter('device', 'mobile');
    await settle();
    expect(audiencesAsked()).toBe(1);
    // Its figures brought the audiences: the next click asks for the figures alone.
    calls.length = 0;
    useAppStore.getState().setFilter('device', 'web');
    await settle();
    expect(calls.map((c) => c.channel)).toEqual(['screen']);
    expect(settledTotals()?.total_audience).toBe(30);
    // The index is gone (an import): the figures come without audiences, which are asked for after them.
    indexed = false;
    calls.length = 0;
    useAppStore.getState().setFilter('device', 'tablet');
    await settle();
    await settle();
    expect(calls.map((c) => c.channel)).toEqual(['screen', 'screen-audience']);
    expect(settledTotals()).toEqual({ impressions: 100, total_audience: 20, engaged_audience: 2 });
    // Known not to be indexed now: both at once again.
    calls.length = 0;
    useAppStore.getState().setFilter('contentType', 'paid');
    await settle();
    expect(audiencesAsked()).toBe(1);
    // A claimed-account filter never reads the index: both at once.
    indexed = true;
    calls.length = 0;
    useAppStore.getState().setAccounts(['acct-1']);
    await settle();
    expect(audiencesAsked()).toBe(1);
  });

  it("a click in a range known to be indexed still asks for the audiences while an earlier click's are being counted", async () => {
    // September's index is built; August's is not.
    replies.totals = (spec) =>
      spec.audienceOnly || spec.filters?.from !== '2026-08-01'
        ? { impressions: 100, total_audience: 30, engaged_audience: 3 }
        : { impressions: 100, total_audience: null, engaged_audience: null };
    useAppStore.getState().setCustomRange('2026-09-01', '2026-09-30');
    await settle();
    // August's audiences take a while to count.
    let release = () => {};
    replies.audiences = new Promise((r) => (release = r));
    useAppStore.getState().setCustomRange('2026-08-01', '2026-08-31');
    await settle();
    // Back in September (from the cache), then another device there before August's count has ended.
    useAppStore.getState().setCustomRange('2026-09-01', '2026-09-30');
    await settle();
    calls.length = 0;
    useAppStore.getState().setFilter('device', 'tablet');
    await settle();
    // A new request on the audiences' channel makes the engine stop August's scan.
    expect(calls.map((c) => c.channel)).toEqual(['screen', 'screen-audience']);
    release();
    await settle();
    await settle();
    // Nothing outstanding any more: the figures alone.
    calls.length = 0;
    useAppStore.getState().setFilter('device', 'web');
    await settle();
    expect(calls.map((c) => c.channel)).toEqual(['screen']);
  });

  it('figures superseded by another view opened meanwhile load again: at once when back on screen, else when opened', async () => {
    replies.totals = () => ({ impressions: 100, total_audience: 30, engaged_audience: 3 });
    let release = () => {};
    const hold = new Promise<void>((r) => (release = r));
    replies.superseded = (spec) => (spec.view === 'overview' && spec.channel === 'screen' && spec.filters?.device === 'web' ? hold : null);
    useAppStore.getState().setFilter('device', 'web');
    await settle();
    // Top Pins opened before the overview answered (its request took the channel), then the overview again.
    useAppStore.getState().setView('top-pins');
    await settle();
    useAppStore.getState().setView('overview');
    replies.superseded = () => null;
    calls.length = 0;
    release();
    await settle();
    await settle();
    // The overview on screen asked again and shows its numbers (it is not left loading).
    expect(calls.filter((c) => c.view === 'overview' && c.channel === 'screen')).toHaveLength(1);
    let state = useAppStore.getState();
    expect(state.overview.status === 'ready' && state.overview.data.totals.impressions).toBe(100);

    // Superseded while another view is on screen: marked stale, and loaded when opened.
    const again = new Promise<void>((r) => (release = r));
    replies.superseded = (spec) =>
      spec.view === 'overview' && spec.channel === 'screen' && spec.filters?.device === 'tablet' ? again : null;
    useAppStore.getState().setFilter('device', 'tablet');
    await settle();
    useAppStore.getState().setView('top-pins');
    replies.superseded = () => null;
    release();
    await settle();
    state = useAppStore.getState();
    expect(state.staleViews).toContain('overview');
    expect(state.overview.status).toBe('loading');
    calls.length = 0;
    useAppStore.getState().setView('overview');
    await settle();
    await settle();
    expect(calls.filter((c) => c.view === 'overview' && c.channel === 'screen')).toHaveLength(1);
    state = useAppStore.getState();
    expect(state.overview.status).toBe('ready');
  });
});
