/**
 * Keeps the address's fragment and the screen in step: every change of what is on screen is a new history
 * entry (Back and Forward step through them), and an address opened, reloaded or edited puts its view on screen.
 *
 * A history entry costs 2–7 ms in Chromium, and written at once it sat where a click's answer arrives (10–20 ms
 * after the click), delaying the figures by as much. So the entries are written once the view has been quiet for
 * a moment (`ENTRY_DELAY_MS`, after the click's answers have been drawn), each change its own entry as before
 * (changes within one task make one). Until then they are kept in this tab's sessionStorage: a reload, or a
 * return to this page, before they are written still finds them and writes them first.
 */
import { serveToken } from '../api/transport';
import { useAppStore } from './app-store';
import { formatViewState, parseViewState } from './view-state';
import { viewStateOf } from './workbench-slice';

/** Quiet time after the last change before its history entries are written. */
export const ENTRY_DELAY_MS = 250;
/** Entries not written yet, and the address they follow: `{ base, entries }`. */
export const PENDING_ENTRIES_KEY = 'pinsight.pendingEntries';

const fragment = () => globalThis.location.hash.replace(/^#/, '');
const canonical = (text: string) => formatViewState(parseViewState(text));

/** The entries that were still to be written after the address `base`, taken out of the session (read once). */
function takePending(base: string): string[] {
  const storage = globalThis.sessionStorage;
  try {
    const raw = storage?.getItem(PENDING_ENTRIES_KEY);
    storage?.removeItem(PENDING_ENTRIES_KEY);
    const pending = raw ? (JSON.parse(raw) as { base?: unknown; entries?: unknown }) : null;
    if (!pending || pending.base !== base || !Array.isArray(pending.entries)) return [];
    return pending.entries.filter((e): e is string => typeof e === 'string').map(canonical);
  } catch {
    return [];
  }
}

function keepPending(base: string, entries: string[]): void {
  try {
    if (entries.length) globalThis.sessionStorage?.setItem(PENDING_ENTRIES_KEY, JSON.stringify({ base, entries }));
    else globalThis.sessionStorage?.removeItem(PENDING_ENTRIES_KEY);
  } catch {
    // No session storage (private mode, quota): the entries are still written, only a reload before then loses them.
  }
}

export function startUrlSync(store = useAppStore): () => void {
  // The serve token arrives in the fragment too: taken off (and kept for the session) before the view is read.
  serveToken();
  const address = (text: string) => `${location.pathname}${location.search}${text ? `#${text}` : ''}`;
  /** The view of the address's current history entry, and the one on screen (ahead of it until written). */
  let written = canonical(fragment());
  history.replaceState(history.state, '', address(written));
  for (const text of takePending(written)) push(text);
  let shown = written;
  let applying = false;
  store.getState().applyViewState(parseViewState(shown));

  let entries: string[] = [];
  let sameTask = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  function push(text: string) {
    if (text === written) return;
    history.pushState(null, '', address(text));
    written = text;
  }
  const write = () => {
    timer = null;
    for (const text of entries) push(text);
    entries = [];
    keepPending(written, entries);
  };
  const discard = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    entries = [];
    keepPending(written, entries);
  };

  const unsubscribe = store.subscribe((s) => {
    if (applying) return;
    const text = formatViewState(viewStateOf(s));
    if (text === shown) return;
    shown = text;
    if (sameTask && entries.length) entries[entries.length - 1] = text;
    else {
      entries.push(text);
      sameTask = true;
      setTimeout(() => (sameTask = false), 0);
    }
    keepPending(written, entries);
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, ENTRY_DELAY_MS);
  });
  const follow = () => {
    // The analyst's own step through history comes first: entries not written yet are not written.
    discard();
    written = canonical(fragment());
    if (written === shown) return;
    shown = written;
    applying = true;
    try {
      store.getState().applyViewState(parseViewState(shown));
    } finally {
      applying = false;
    }
  };
  window.addEventListener('popstate', follow);
  window.addEventListener('hashchange', follow);
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
    window.removeEventListener('popstate', follow);
    window.removeEventListener('hashchange', follow);
  };
}
