/** Issue 16: the address follows the screen without a history entry in the way of the click's answer. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../../renderer/src/store/app-store';
import { ENTRY_DELAY_MS, PENDING_ENTRIES_KEY, startUrlSync } from '../../../renderer/src/store/url-sync';

describe('the address and the screen', () => {
  let pushed: string[];
  let listeners: Map<string, () => void>;
  let location: { hash: string; pathname: string; search: string };
  let session: Map<string, string>;

  beforeEach(() => {
    vi.useFakeTimers();
    pushed = [];
    listeners = new Map();
    session = new Map();
    location = { hash: '', pathname: '/', search: '' };
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
    vi.stubGlobal('sessionStorage', {
      getItem: (k: string) => session.get(k) ?? null,
      setItem: (k: string, v: string) => session.set(k, v),
      removeItem: (k: string) => session.delete(k),
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('writes each change as its own entry once the view has been quiet for a moment', () => {
    const stop = startUrlSync();
    useAppStore.getState().setGranularity('week');
    useAppStore.getState().setFilter('device', 'mobile');
    // Nothing yet: the click's own work (its query, its answer's drawing) goes first.
    expect(pushed).toEqual([]);
    vi.advanceTimersByTime(1);
    useAppStore.getState().setFilter('device', 'web');
    vi.advanceTimersByTime(ENTRY_DELAY_MS - 1);
    expect(pushed).toEqual([]);
    expect(location.hash).toBe('');
    vi.advanceTimersByTime(1);
    // Changes within one task are one entry; a change in a later task is an entry of its own.
    expect(pushed).toEqual(['#device=mobile&interval=week', '#device=web&interval=week']);
    expect(session.has(PENDING_ENTRIES_KEY)).toBe(false);
    stop();
  });

  it("lets the analyst's own step through history win over entries not written yet", () => {
    const stop = startUrlSync();
    useAppStore.getState().setFilter('device', 'tablet');
    // Back, before the entry was written: the address's view is put on screen, and no entry follows.
    location.hash = '#device=mobile';
    listeners.get('popstate')?.();
    vi.advanceTimersByTime(ENTRY_DELAY_MS * 2);
    expect(pushed).toEqual([]);
    expect(useAppStore.getState().filters.device).toBe('mobile');
    expect(session.has(PENDING_ENTRIES_KEY)).toBe(false);
    stop();
  });

  it('a reload before the entries are written still finds them, and writes them first', () => {
    location.hash = '#view=top-pins';
    const stop = startUrlSync();
    useAppStore.getState().setFilter('contentType', 'paid');
    vi.advanceTimersByTime(1);
    useAppStore.getState().setGranularity('month');
    expect(pushed).toEqual([]);
    // The page goes away with its timer; the address is still the one it opened with.
    stop();
    vi.clearAllTimers();
    expect(location.hash).toBe('#view=top-pins');

    const again = startUrlSync();
    expect(pushed).toEqual(['#view=top-pins&content-type=paid', '#view=top-pins&content-type=paid&interval=month']);
    const s = useAppStore.getState();
    expect([s.view, s.filters.contentType, s.granularity]).toEqual(['top-pins', 'paid', 'month']);
    expect(session.has(PENDING_ENTRIES_KEY)).toBe(false);
    again();
  });

  it('entries left behind by another address are not applied to this one', () => {
    session.set(PENDING_ENTRIES_KEY, JSON.stringify({ base: 'view=video', entries: ['view=video&device=web'] }));
    location.hash = '#device=mobile';
    const stop = startUrlSync();
    expect(pushed).toEqual([]);
    expect(useAppStore.getState().filters.device).toBe('mobile');
    expect(session.has(PENDING_ENTRIES_KEY)).toBe(false);
    stop();
  });
});
