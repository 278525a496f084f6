/** Issue 16: the address follows the screen without making the click's query wait for a history entry. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../../renderer/src/store/app-store';
import { startUrlSync } from '../../../renderer/src/store/url-sync';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the address and the screen', () => {
  let pushed: string[];
  let listeners: Map<string, () => void>;

  beforeEach(() => {
    pushed = [];
    listeners = new Map();
    const location = { hash: '', pathname: '/', search: '' };
    const setAddress = (url: string) => {
      location.hash = url.includes('#') ? url.slice(url.indexOf('#')) : '';
    };
    vi.stubGlobal('location', location);
    vi.stubGlobal('history', {
      state: null,
      replaceState: (_s: unknown, _t: string, url: string) => setAddress(url),
      pushState: (_s: unknown, _t: string, url: string) => {
        setAddress(url);
        pushed.push(location.hash);
      },
    });
    vi.stubGlobal('window', {
      addEventListener: (type: string, f: () => void) => listeners.set(type, f),
      removeEventListener: (type: string) => listeners.delete(type),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('writes one history entry once the task that changed the view is done', async () => {
    const stop = startUrlSync();
    useAppStore.getState().setGranularity('week');
    useAppStore.getState().setFilter('device', 'mobile');
    // Nothing yet: the click's own work (its query) goes first.
    expect(pushed).toEqual([]);
    await tick();
    expect(pushed).toEqual(['#device=mobile&interval=week']);
    useAppStore.getState().setFilter('device', 'web');
    await tick();
    expect(pushed).toEqual(['#device=mobile&interval=week', '#device=web&interval=week']);
    stop();
  });

  it("lets the analyst's own step through history win over an entry not written yet", async () => {
    const stop = startUrlSync();
    useAppStore.getState().setFilter('device', 'tablet');
    // Back, before the entry was written: the address's view is put on screen, and no entry follows.
    location.hash = '#device=mobile';
    listeners.get('popstate')?.();
    await tick();
    expect(pushed).toEqual([]);
    expect(useAppStore.getState().filters.device).toBe('mobile');
    stop();
  });
});
