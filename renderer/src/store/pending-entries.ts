/**
 * History entries not written yet (url-sync.ts writes them a moment after a change), kept in this tab's
 * sessionStorage with the address they follow: a reload, or a return to the page, before they are written finds
 * them and writes them first.
 */
import { canonicalViewText } from './view-state';

/** `{ base, entries }`: the view text of the address they follow, and their view texts, oldest first. */
export const PENDING_ENTRIES_KEY = 'pinsight.pendingEntries';

/** The entries still to be written after the address `base`, taken out of the session (read once). */
export function takePending(base: string): string[] {
  const storage = globalThis.sessionStorage;
  try {
    const raw = storage?.getItem(PENDING_ENTRIES_KEY);
    storage?.removeItem(PENDING_ENTRIES_KEY);
    const pending = raw ? (JSON.parse(raw) as { base?: unknown; entries?: unknown }) : null;
    if (!pending || pending.base !== base || !Array.isArray(pending.entries)) return [];
    return pending.entries.filter((e): e is string => typeof e === 'string').map(canonicalViewText);
  } catch {
    return [];
  }
}

export function keepPending(base: string, entries: string[]): void {
  try {
    if (entries.length) globalThis.sessionStorage?.setItem(PENDING_ENTRIES_KEY, JSON.stringify({ base, entries }));
    else globalThis.sessionStorage?.removeItem(PENDING_ENTRIES_KEY);
  } catch {
    // No session storage (private mode, quota): the entries are still written, only a reload before then loses them.
  }
}
