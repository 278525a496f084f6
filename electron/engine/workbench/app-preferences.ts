/**
 * What the app remembers across workspaces, in its app-data folder (the same for the desktop app and for
 * `pinsight serve`, so a browser and the window show the same): the theme, the language and the recent
 * workspaces. Written as small JSON files; a file that cannot be read counts as empty, never as an error.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Preferences, PreferencesChange } from '../../../shared/preferences';

export const MAX_RECENT = 10;
const RECENT_FILE = 'recent-workspaces.json';
const PREFERENCES_FILE = 'preferences.json';
/** The file as read: anything may be in it. */
type Stored = Partial<Record<'theme' | 'locale', unknown>>;

export class AppPreferences {
  private memory: { prefs: Stored; recent: string[] } = { prefs: {}, recent: [] };

  /** `dir`: the app-data folder; null keeps everything in memory (tests, hosts without an app-data folder). */
  constructor(readonly dir: string | null) {}

  read(): Preferences {
    const prefs = this.load<Stored>(PREFERENCES_FILE, this.memory.prefs);
    const theme = prefs.theme === 'light' || prefs.theme === 'dark' ? prefs.theme : null;
    const locale = prefs.locale === 'en' || prefs.locale === 'sv' ? prefs.locale : null;
    return { theme, locale, recentWorkspaces: this.recent() };
  }

  update(change: PreferencesChange): Preferences {
    const { theme, locale } = this.read();
    this.store<Stored>(PREFERENCES_FILE, { theme: change.theme ?? theme, locale: change.locale ?? locale }, (v) => (this.memory.prefs = v));
    return this.read();
  }

  recent(): string[] {
    const list = this.load<unknown>(RECENT_FILE, this.memory.recent);
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string').slice(0, MAX_RECENT) : [];
  }

  /** Puts a workspace that opened first in the recent list. */
  opened(path: string): void {
    if (path === ':memory:') return;
    const list = [resolve(path), ...this.recent().filter((p) => resolve(p) !== resolve(path))].slice(0, MAX_RECENT);
    this.store(RECENT_FILE, list, (v) => (this.memory.recent = v));
  }

  private load<T>(file: string, fallback: T): T {
    if (!this.dir) return fallback;
    const path = join(this.dir, file);
    if (!existsSync(path)) return fallback;
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as T;
    } catch {
      return fallback;
    }
  }

  private store<T>(file: string, value: T, inMemory: (v: T) => void): void {
    if (!this.dir) return inMemory(value);
    mkdirSync(this.dir, { recursive: true });
    // Written beside and renamed: a crash never leaves half a file.
    const path = join(this.dir, file);
    writeFileSync(`${path}.tmp`, JSON.stringify(value, null, 2));
    renameSync(`${path}.tmp`, path);
  }
}
