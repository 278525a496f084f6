/** Language, theme and the view on screen. */
import type { StateCreator } from 'zustand';
import type { Locale } from '../../../shared/ui-strings';
import type { AppState } from './app-store';

export type ViewName = 'overview' | 'top-pins' | 'top-boards' | 'video' | 'legacy' | 'import';
export type Theme = 'light' | 'dark';

export interface UiSlice {
  locale: Locale;
  theme: Theme;
  view: ViewName;
  setLocale(locale: Locale): void;
  setTheme(theme: Theme): void;
  setView(view: ViewName): void;
}

export const initialUi: Pick<UiSlice, 'locale' | 'theme' | 'view'> = { locale: 'en', theme: 'light', view: 'overview' };

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  ...initialUi,
  setLocale: (locale) => set({ locale }),
  setTheme: (theme) => set({ theme }),
  setView: (view) => {
    set({ view });
    // A view whose results are older than the filters loads now (the others loaded it lazily).
    get().loadIfStale(view);
  },
});
