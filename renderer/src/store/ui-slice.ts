/** Language, theme and the view on screen. */
import type { StateCreator } from 'zustand';
import type { Locale } from '../../../shared/ui-strings';
import { api } from '../api/transport';
import type { AppState } from './app-store';

import type { ViewName } from './view-state';

export type { ViewName };
export type Theme = 'light' | 'dark';

export interface UiSlice {
  locale: Locale;
  theme: Theme;
  view: ViewName;
  setLocale(locale: Locale): void;
  setTheme(theme: Theme): void;
  setView(view: ViewName): void;
  /** The filter panel folded to a narrow bar (more room at 1024 px). */
  filtersCollapsed: boolean;
  setFiltersCollapsed(collapsed: boolean): void;
}

export const initialUi: Pick<UiSlice, 'locale' | 'theme' | 'view' | 'filtersCollapsed'> = {
  locale: 'en',
  theme: 'light',
  view: 'overview',
  filtersCollapsed: false,
};

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  ...initialUi,
  // Remembered by the app (app-data, through the API): the same in the desktop window and in any browser.
  setLocale: (locale) => {
    set({ locale });
    void api.setPreferences({ locale });
  },
  setTheme: (theme) => {
    set({ theme });
    void api.setPreferences({ theme });
  },
  setFiltersCollapsed: (filtersCollapsed) => set({ filtersCollapsed }),
  setView: (view) => {
    set({ view });
    // A view whose results are older than the filters loads now (the others loaded it lazily).
    get().loadIfStale(view);
  },
});
