/** The open workspace and what its data offers to filter on. */
import type { StateCreator } from 'zustand';
import { presetRange } from '../../../shared/date-presets';
import type { ApiError } from '../../../shared/api';
import type { FilterOptions, WorkspaceInfo } from '../../../shared/results';
import { api } from '../api/transport';
import type { AppState } from './app-store';

export interface WorkspaceSlice {
  workspace: WorkspaceInfo | null;
  options: FilterOptions | null;
  workspaceError: ApiError | null;
  loadWorkspace(): Promise<void>;
}

export const initialWorkspace = { workspace: null, options: null, workspaceError: null };

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set, get) => ({
  ...initialWorkspace,
  async loadWorkspace() {
    const [info, options] = await Promise.all([api.getWorkspace(), api.filterOptions()]);
    if (!info.ok) return set({ workspaceError: info.error });
    if (!options.ok) return set({ workspaceError: options.error });
    set({ workspace: info.value, options: options.value, workspaceError: null });
    const { preset, filters } = get();
    if (preset !== 'custom' && options.value.lastDay) {
      set({ filters: { ...filters, ...presetRange(preset, options.value.lastDay) } });
    }
    get().refresh();
  },
});
