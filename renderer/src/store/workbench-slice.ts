/**
 * The workbench's memory: what is on screen as one view state (the address and saved views hold it), the
 * workspace's saved views, and the app's preferences (theme, language, recent workspaces) through the API.
 */
import type { StateCreator } from 'zustand';
import type { ApiError } from '../../../shared/api';
import { presetRange } from '../../../shared/date-presets';
import type { SavedView } from '../../../shared/preferences';
import { api } from '../api/transport';
import type { AppState } from './app-store';
import { compareProblem } from './filters-slice';
import { DEFAULT_VIEW_STATE, formatViewState, parseViewState, type ViewState } from './view-state';

export interface WorkbenchSlice {
  savedViews: SavedView[];
  /** The last failure of a saved-view action, shown beside the list. */
  savedViewsError: ApiError | null;
  loadSavedViews(): Promise<void>;
  saveView(name: string): Promise<boolean>;
  renameSavedView(id: number, name: string): Promise<boolean>;
  deleteSavedView(id: number): Promise<void>;
  openSavedView(view: SavedView): void;
  /** Puts a view state on screen (an address, Back/Forward, a saved view) and loads what it shows. */
  applyViewState(state: ViewState): void;
  /** Every filter back to its default; the view, chart and sorting stay. */
  resetFilters(): void;
  loadPreferences(): Promise<void>;
}

function shownB(s: AppState): { from: string | null; to: string | null } {
  const kept = compareProblem(s) ? s.compare.lastValid : null;
  return kept ?? { from: s.compare.from, to: s.compare.to };
}

/** What is on screen now, as the address's view text. */
export function viewTextOf(s: AppState): string {
  return formatViewState(viewStateOf(s));
}

/** What is on screen now, as a view state. */
export function viewStateOf(s: AppState): ViewState {
  const { from, to, accounts, ...choices } = s.filters;
  return {
    view: s.view,
    preset: s.preset,
    from: s.preset === 'custom' ? (from ?? null) : null,
    to: s.preset === 'custom' ? (to ?? null) : null,
    choices,
    accounts,
    splitBy: s.splitBy,
    granularity: s.granularity,
    chartMetric: s.chartMetric,
    // A reversed or incomplete custom B is not written: the address keeps the comparison on screen (the last valid
    // one), as it keeps the last valid range A while A's fields are being mended.
    compare: { enabled: s.compare.enabled, preset: s.compare.preset, ...shownB(s), perDay: s.compare.perDay },
    topPinsSort: s.topPinsSort,
    topBoardsSort: s.topBoardsSort,
    videoSort: s.videoSort,
    topLimit: s.topLimit,
    pin: s.selectedPin,
    board: s.selectedBoard,
  };
}

export const initialWorkbench = { savedViews: [] as SavedView[], savedViewsError: null };

export const createWorkbenchSlice: StateCreator<AppState, [], [], WorkbenchSlice> = (set, get) => {
  const keep = (res: { ok: true; value: SavedView[] } | { ok: false; error: ApiError }): boolean => {
    if (!res.ok) set({ savedViewsError: res.error });
    else set({ savedViews: res.value, savedViewsError: null });
    return res.ok;
  };
  return {
    ...initialWorkbench,
    async loadSavedViews() {
      keep(await api.savedViews());
    },
    async saveView(name) {
      return keep(await api.saveView({ name, state: viewTextOf(get()) }));
    },
    async renameSavedView(id, name) {
      return keep(await api.renameSavedView({ id, name }));
    },
    async deleteSavedView(id) {
      keep(await api.deleteSavedView({ id }));
    },
    openSavedView(view) {
      // "How this is counted" belongs to the view it was opened over.
      get().closeReconcile();
      get().applyViewState(parseViewState(view.state));
    },
    applyViewState(v) {
      const latest = get().options?.lastDay;
      const range =
        v.preset === 'custom' ? { from: v.from ?? undefined, to: v.to ?? undefined } : latest ? presetRange(v.preset, latest) : {};
      const lastValid =
        v.compare.from && v.compare.to && v.compare.from <= v.compare.to ? { from: v.compare.from, to: v.compare.to } : null;
      set({
        view: v.view,
        preset: v.preset,
        rangeDraft: null,
        filters: { ...get().filters, ...v.choices, accounts: v.accounts, from: undefined, to: undefined, ...range },
        splitBy: v.splitBy,
        granularity: v.granularity,
        chartMetric: v.chartMetric,
        compare: { ...v.compare, lastValid },
        topPinsSort: v.topPinsSort,
        topBoardsSort: v.topBoardsSort,
        videoSort: v.videoSort,
        topLimit: v.topLimit,
        selectedPin: null,
        selectedBoard: null,
      });
      if (!get().workspace) {
        // Not loaded yet: the Pin and board open once the workspace has (loadWorkspace refreshes).
        set({ selectedPin: v.pin, selectedBoard: v.board });
        return;
      }
      get().refresh();
      get().openPin(v.pin);
      get().openBoard(v.board);
    },
    resetFilters() {
      const d = DEFAULT_VIEW_STATE;
      const now = viewStateOf(get());
      get().applyViewState({ ...now, preset: d.preset, from: null, to: null, choices: d.choices, accounts: [], compare: d.compare });
    },
    async loadPreferences() {
      const res = await api.getPreferences();
      if (!res.ok) return;
      const { theme, locale, recentWorkspaces } = res.value;
      set({ recent: recentWorkspaces, ...(theme ? { theme } : {}), ...(locale ? { locale } : {}) });
    },
  };
};
