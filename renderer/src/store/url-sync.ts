/**
 * Keeps the address's fragment and the screen in step: every change of what is on screen is a new history
 * entry (Back and Forward step through them), and an address opened, reloaded or edited puts its view on screen.
 *
 * A history entry costs 2–7 ms in Chromium, and written at once it sat where a click's answer arrives (10–20 ms
 * after the click), delaying the figures by as much. So the entries are written once the view has been quiet for
 * a moment (`ENTRY_DELAY_MS`, after the click's answers have been drawn), each change its own entry as before
 * (changes within one task make one; a date typed into a field is one, written when the field is left). Until
 * then they are kept in this tab's sessionStorage (`pending-entries.ts`), so a reload right after a change keeps
 * it. Each entry carries its position in the tab's history: a Back or Forward before the entries are written is
 * taken from the last written entry, as if they had been written (Back undoes the change not written yet).
 */
import { serveToken } from '../api/transport';
import { useAppStore } from './app-store';
import { keepPending, takePending } from './pending-entries';
import { canonicalViewText, parseViewState } from './view-state';
import { viewTextOf } from './workbench-slice';

export { PENDING_ENTRIES_KEY } from './pending-entries';
/** Quiet time after the last change before its history entries are written. */
export const ENTRY_DELAY_MS = 250;

const fragment = () => globalThis.location.hash.replace(/^#/, '');
/** The position an entry of ours carries, or null for an entry the browser made (an address typed by hand). */
const positionOf = (state: unknown) => {
  const n = (state as { pinsight?: unknown } | null)?.pinsight;
  return typeof n === 'number' ? n : null;
};
/** Two views that differ in their dates alone (a date being typed, field by field). */
const DATE_KEYS = ['preset', 'from', 'to', 'bfrom', 'bto'];
const sameButDates = (a: string, b: string) => {
  const strip = (text: string) => {
    const p = new URLSearchParams(text);
    for (const key of DATE_KEYS) p.delete(key);
    return p.toString();
  };
  return strip(a) === strip(b);
};
/** A date being typed: its changes make one entry, written when the field is left. */
const typingDate = () => (globalThis.document?.activeElement as { type?: string } | null | undefined)?.type === 'date';

export function startUrlSync(store = useAppStore): () => void {
  // The serve token arrives in the fragment too: taken off (and kept for the session) before the view is read.
  serveToken();
  const address = (text: string) => `${location.pathname}${location.search}${text ? `#${text}` : ''}`;
  /** The view of the address's current history entry, and its position in the tab's history. */
  let written = canonicalViewText(fragment());
  let position = positionOf(history.state) ?? 0;
  history.replaceState({ pinsight: position }, '', address(written));
  const push = (text: string) => {
    if (text === written) return;
    position++;
    history.pushState({ pinsight: position }, '', address(text));
    written = text;
  };
  for (const text of takePending(written)) push(text);
  /** The view on screen: ahead of the address while entries wait to be written. */
  let shown = written;
  let applying = false;
  const apply = (text: string) => {
    shown = text;
    applying = true;
    try {
      // "How this is counted" belongs to the view it was opened over.
      store.getState().closeReconcile();
      store.getState().applyViewState(parseViewState(text));
    } finally {
      applying = false;
    }
  };
  apply(shown);

  let entries: string[] = [];
  /** The last entry was made in this task, or while a date is being typed. */
  let sameTask = false;
  let dateEntry = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Set while the history steps back to the last written entry: its position, the entries to write there, and
   * the analyst's step (negative: Back) to take from them. */
  let returning: { to: number; write: string[]; step: number } | null = null;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, ENTRY_DELAY_MS);
  };
  function write() {
    timer = null;
    if (typingDate()) return schedule();
    for (const text of entries) push(text);
    entries = [];
    keepPending(written, entries);
  }
  const discard = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    entries = [];
    keepPending(written, entries);
  };

  const unsubscribe = store.subscribe((s) => {
    if (applying) return;
    const text = viewTextOf(s);
    if (text === shown) return;
    shown = text;
    const typing = typingDate();
    const last = entries[entries.length - 1];
    if (last !== undefined && (sameTask || (dateEntry && typing && sameButDates(text, last)))) entries[entries.length - 1] = text;
    else {
      entries.push(text);
      dateEntry = typing;
      sameTask = true;
      setTimeout(() => (sameTask = false), 0);
    }
    keepPending(written, entries);
    schedule();
  });

  const follow = (state: unknown) => {
    const at = positionOf(state);
    if (returning && at === returning.to) {
      // Back at the last written entry: the entries are written now, and the analyst's step is taken from the
      // last of them, as it would have been had they been written (Back then lands on the change before the last,
      // and Forward finds the last again). Forward has nothing ahead of them: it stays.
      const { write: toWrite, step } = returning;
      returning = null;
      position = at;
      for (const text of toWrite) push(text);
      if (step < 0) history.go(step);
      return;
    }
    // Any other step meanwhile (several at once) is followed as it comes.
    returning = null;
    if (entries.length && at !== null && at !== position) {
      // A step taken before the entries were written: back to the last written entry first (above).
      returning = { to: position, write: entries, step: at - position };
      discard();
      history.go(returning.to - at);
      return;
    }
    discard();
    // An address typed by hand: the token taken off, the view's text made canonical (unknown values dropped).
    serveToken();
    position = at ?? position + 1;
    written = canonicalViewText(fragment());
    history.replaceState({ pinsight: position }, '', address(written));
    if (written !== shown) apply(written);
  };
  const onPopState = (e: PopStateEvent) => follow(e.state);
  // An edited fragment makes a new entry without a state; within a history step, popstate has done the work.
  const onHashChange = () => {
    if (!returning && positionOf(history.state) === null) follow(null);
  };
  window.addEventListener('popstate', onPopState);
  window.addEventListener('hashchange', onHashChange);
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
    window.removeEventListener('hashchange', onHashChange);
  };
}
