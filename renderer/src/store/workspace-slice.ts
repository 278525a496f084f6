/** The open workspace and what its data offers to filter on. */
import type { StateCreator } from 'zustand';
import { presetRange } from '../../../shared/date-presets';
import type { ApiError } from '../../../shared/api';
import type { FilterOptions, WorkspaceInfo } from '../../../shared/results';
import { api } from '../api/transport';
import type { AppState } from './app-store';
import { clearResultCache } from './views-slice';

export interface WorkspaceSlice {
  workspace: WorkspaceInfo | null;
  options: FilterOptions | null;
  workspaceError: ApiError | null;
  recent: string[];
  loadWorkspace(): Promise<void>;
  /** Opens another workspace; false (and `openError`) when it cannot, the current one staying on screen. */
  openWorkspace(path: string, create: boolean): Promise<boolean>;
  openError: ApiError | null;
}

export const initialWorkspace = { workspace: null, options: null, workspaceError: null, openError: null, recent: [] as string[] };

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set, get) => ({
  ...initialWorkspace,
  async openWorkspace(path, create) {
    const res = await api.openWorkspace({ path, create });
    if (!res.ok) {
      set({ openError: res.error });
      return false;
    }
    // The app keeps the recent list (app-data): read it back rather than keeping a copy of our own.
    set({ workspaceError: null, openError: null, selectedPin: null, selectedBoard: null, savedViews: [] });
    await Promise.all([get().loadWorkspace(), get().loadPreferences()]);
    return true;
  },
  async loadWorkspace() {
    const [info, options] = await Promise.all([api.getWorkspace(), api.filterOptions()]);
    if (!info.ok) return set({ workspaceError: info.error });
    if (!options.ok) return set({ workspaceError: options.error });
    // New data (another workspace, or an import): cached answers are no longer the truth.
    clearResultCache();
    set({ workspace: info.value, options: options.value, workspaceError: null });
    void get().loadSavedViews();
    const { preset, filters } = get();
    if (preset !== 'custom' && options.value.lastDay) {
      set({ filters: { ...filters, ...presetRange(preset, options.value.lastDay) } });
    }
    get().refresh();
  },
});
