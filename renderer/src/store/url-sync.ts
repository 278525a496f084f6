/**
 * Keeps the address's fragment and the screen in step: every change of what is on screen is a new history
 * entry (Back and Forward step through them), and an address opened, reloaded or edited puts its view on screen.
 * The entry is written once the change's own task is done (a history entry costs a few ms in Chromium, time
 * the click's query would otherwise wait to be sent); changes within one task make one entry.
 */
import { serveToken } from '../api/transport';
import { useAppStore } from './app-store';
import { formatViewState, parseViewState } from './view-state';
import { viewStateOf } from './workbench-slice';

const fragment = () => globalThis.location.hash.replace(/^#/, '');

export function startUrlSync(store = useAppStore): () => void {
  // The serve token arrives in the fragment too: taken off (and kept for the session) before the view is read.
  serveToken();
  let applying = false;
  const initial = parseViewState(fragment());
  store.getState().applyViewState(initial);
  let shown = formatViewState(initial);
  const address = (text: string) => `${location.pathname}${location.search}${text ? `#${text}` : ''}`;
  history.replaceState(history.state, '', address(shown));

  let entry: ReturnType<typeof setTimeout> | null = null;
  const push = () => {
    entry = null;
    history.pushState(null, '', address(shown));
  };

  const unsubscribe = store.subscribe((s) => {
    if (applying) return;
    const text = formatViewState(viewStateOf(s));
    if (text === shown) return;
    shown = text;
    entry ??= setTimeout(push, 0);
  });
  const follow = () => {
    // The analyst's own step through history comes first: an entry not written yet is not written.
    if (entry) clearTimeout(entry);
    entry = null;
    const state = parseViewState(fragment());
    const text = formatViewState(state);
    if (text === shown) return;
    shown = text;
    applying = true;
    try {
      store.getState().applyViewState(state);
    } finally {
      applying = false;
    }
  };
  window.addEventListener('popstate', follow);
  window.addEventListener('hashchange', follow);
  return () => {
    if (entry) clearTimeout(entry);
    unsubscribe();
    window.removeEventListener('popstate', follow);
    window.removeEventListener('hashchange', follow);
  };
}
