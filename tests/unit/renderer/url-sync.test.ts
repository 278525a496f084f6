/** Issue 16: the address follows the screen without a history entry in the way of the click's answer. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../../renderer/src/store/app-store';
import { ENTRY_DELAY_MS, PENDING_ENTRIES_KEY, startUrlSync } from '../../../renderer/src/store/url-sync';

describe('the address and the screen', () => {
  /** The tab's history, as a browser keeps it: entries with their states, and the current one. */
  let stack: { url: string; state: unknown }[];
  let index: number;
  let pushed: string[];
  let listeners: Map<string, (e?: { state: unknown }) => void>;
  let location: { hash: string; pathname: string; search: string };
  let session: Map<string, string>;
  let focused: { type?: string } | null;

  const setAddress = (url: string) => {
    location.hash = url.includes('#') ? url.slice(url.indexOf('#')) : '';
  };
  /** Back (-1) or Forward (1), as the browser does it: later, with popstate and then hashchange. */
  const go = (n: number) =>
    setTimeout(() => {
      index += n;
      const entry = stack[index];
      if (!entry) throw new Error('no such entry');
      setAddress(entry.url);
      listeners.get('popstate')?.({ state: entry.state });
      listeners.get('hashchange')?.();
    }, 0);
  const device = () => useAppStore.getState().filters.device;
  /** Started here, stopped after each test even when it fails (a subscription left behind would see the next). */
  let running: (() => void)[] = [];
  const start = () => {
    const stop = startUrlSync();
    running.push(stop);
    return stop;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    stack = [{ url: '/', state: null }];
    index = 0;
    pushed = [];
    listeners = new Map();
    session = new Map();
    focused = null;
    location = { hash: '', pathname: '/', search: '' };
    vi.stubGlobal('location', location);
    vi.stubGlobal('history', {
      get state() {
        return stack[index]?.state ?? null;
      },
      replaceState: (state: unknown, _t: string, url: string) => {
        stack[index] = { url, state };
        setAddress(url);
      },
      pushState: (state: unknown, _t: string, url: string) => {
        stack = [...stack.slice(0, index + 1), { url, state }];
        index++;
        setAddress(url);
        pushed.push(location.hash);
      },
      go,
    });
    vi.stubGlobal('window', {
      addEventListener: (type: string, f: () => void) => listeners.set(type, f),
      removeEventListener: (type: string) => listeners.delete(type),
    });
    vi.stubGlobal('document', {
      get activeElement() {
        return focused;
      },
    });
    vi.stubGlobal('sessionStorage', {
      getItem: (k: string) => session.get(k) ?? null,
      setItem: (k: string, v: string) => session.set(k, v),
      removeItem: (k: string) => session.delete(k),
    });
  });
  afterEach(() => {
    for (const stop of running) stop();
    running = [];
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('writes each change as its own entry once the view has been quiet for a moment', () => {
    const stop = start();
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
    expect(stack.map((e) => e.state)).toEqual([{ pinsight: 0 }, { pinsight: 1 }, { pinsight: 2 }]);
    expect(session.has(PENDING_ENTRIES_KEY)).toBe(false);
    stop();
  });

  it('Back before the last change is written undoes that change, and Forward brings it back', () => {
    const stop = start();
    useAppStore.getState().setFilter('device', 'mobile');
    vi.advanceTimersByTime(ENTRY_DELAY_MS);
    useAppStore.getState().setFilter('device', 'web');
    go(-1);
    vi.advanceTimersByTime(10);
    // Back from the change not written yet lands on the entry before it: mobile, not the first entry.
    expect(device()).toBe('mobile');
    expect(location.hash).toBe('#device=mobile');
    expect(index).toBe(1);
    // The change was written on the way, as if it had been before: Forward finds it.
    expect(pushed).toEqual(['#device=mobile', '#device=web']);
    expect(session.has(PENDING_ENTRIES_KEY)).toBe(false);
    go(1);
    vi.advanceTimersByTime(1);
    expect(device()).toBe('web');
    // Back twice from there: the entry before it, and the first.
    go(-1);
    vi.advanceTimersByTime(1);
    go(-1);
    vi.advanceTimersByTime(1);
    expect(device()).toBe('all');
    stop();
  });

  it('two steps back at once before a change is written count that change as a step', () => {
    const stop = start();
    for (const d of ['mobile', 'web'] as const) {
      useAppStore.getState().setFilter('device', d);
      vi.advanceTimersByTime(ENTRY_DELAY_MS);
    }
    useAppStore.getState().setFilter('device', 'tablet');
    go(-2);
    vi.advanceTimersByTime(10);
    expect(device()).toBe('mobile');
    expect(index).toBe(1);
    expect(stack.map((e) => e.url)).toEqual(['/', '/#device=mobile', '/#device=web', '/#device=tablet']);
    stop();
  });

  it('Forward before a change after Back is written keeps the change (there is nothing ahead of it)', () => {
    const stop = start();
    useAppStore.getState().setFilter('device', 'mobile');
    vi.advanceTimersByTime(ENTRY_DELAY_MS);
    useAppStore.getState().setFilter('device', 'web');
    vi.advanceTimersByTime(ENTRY_DELAY_MS);
    go(-1);
    vi.advanceTimersByTime(1);
    expect(device()).toBe('mobile');
    useAppStore.getState().setFilter('device', 'tablet');
    go(1);
    vi.advanceTimersByTime(ENTRY_DELAY_MS * 4);
    expect(device()).toBe('tablet');
    expect(stack.map((e) => e.url)).toEqual(['/', '/#device=mobile', '/#device=tablet']);
    expect(index).toBe(2);
    stop();
  });

  it('a date typed into a field is one entry, written once the field is left', () => {
    const stop = start();
    focused = { type: 'date' };
    useAppStore.getState().setCustomRange('2026-01-02', '2026-10-31');
    vi.advanceTimersByTime(ENTRY_DELAY_MS + 10);
    useAppStore.getState().setCustomRange('2026-10-02', '2026-10-31');
    vi.advanceTimersByTime(ENTRY_DELAY_MS + 10);
    useAppStore.getState().setCustomRange('2026-10-15', '2026-10-31');
    vi.advanceTimersByTime(ENTRY_DELAY_MS * 3);
    expect(pushed).toEqual([]);
    focused = { type: 'button' };
    vi.advanceTimersByTime(ENTRY_DELAY_MS);
    expect(pushed).toEqual(['#preset=custom&from=2026-10-15&to=2026-10-31']);
    // The next change, away from the field, is an entry of its own.
    useAppStore.getState().setFilter('device', 'web');
    vi.advanceTimersByTime(ENTRY_DELAY_MS);
    expect(pushed).toHaveLength(2);
    // A change of something else while a date field has focus (a shortcut) is not folded into the date's entry.
    focused = { type: 'date' };
    useAppStore.getState().setCustomRange('2026-10-16', '2026-10-31');
    vi.advanceTimersByTime(ENTRY_DELAY_MS);
    useAppStore.getState().setFilter('device', 'mobile');
    focused = null;
    vi.advanceTimersByTime(ENTRY_DELAY_MS);
    expect(pushed.slice(2)).toEqual([
      '#preset=custom&from=2026-10-16&to=2026-10-31&device=web',
      '#preset=custom&from=2026-10-16&to=2026-10-31&device=mobile',
    ]);
    stop();
  });

  it('an address edited by hand is shown and written back in its canonical form, the token taken off', () => {
    const stop = start();
    stack = [...stack, { url: '/#token=abc&device=phone&format=video&zzz=1', state: null }];
    go(1);
    vi.advanceTimersByTime(1);
    expect(location.hash).toBe('#format=video');
    expect(stack[index]?.state).toEqual({ pinsight: 1 });
    expect([device(), useAppStore.getState().filters.format]).toEqual(['all', 'video']);
    expect(session.get('pinsight.token')).toBe('abc');
    stop();
  });

  it('a reload before the entries are written still finds them, and writes them first', () => {
    location.hash = '#view=top-pins';
    const stop = start();
    useAppStore.getState().setFilter('contentType', 'paid');
    vi.advanceTimersByTime(1);
    useAppStore.getState().setGranularity('month');
    expect(pushed).toEqual([]);
    // The page goes away with its timer; the address is still the one it opened with.
    stop();
    vi.clearAllTimers();
    expect(location.hash).toBe('#view=top-pins');

    const again = start();
    expect(pushed).toEqual(['#view=top-pins&content-type=paid', '#view=top-pins&content-type=paid&interval=month']);
    const s = useAppStore.getState();
    expect([s.view, s.filters.contentType, s.granularity]).toEqual(['top-pins', 'paid', 'month']);
    expect(session.has(PENDING_ENTRIES_KEY)).toBe(false);
    again();
  });

  it('entries left behind by another address are not applied to this one', () => {
    session.set(PENDING_ENTRIES_KEY, JSON.stringify({ base: 'view=video', entries: ['view=video&device=web'] }));
    location.hash = '#device=mobile';
    const stop = start();
    expect(pushed).toEqual([]);
    expect(device()).toBe('mobile');
    expect(session.has(PENDING_ENTRIES_KEY)).toBe(false);
    stop();
  });
});
