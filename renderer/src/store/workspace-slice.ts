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
  openWorkspace(path: string, create: boolean): Promise<void>;
}

const RECENT_KEY = 'pinsight.recentWorkspaces';
const readRecent = (): string[] => {
  try {
    return JSON.parse(globalThis.localStorage?.getItem(RECENT_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
};

export const initialWorkspace = { workspace: null, options: null, workspaceError: null, recent: [] as string[] };

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set, get) => ({
  ...initialWorkspace,
  recent: readRecent(),
  async openWorkspace(path, create) {
    const res = await api.openWorkspace({ path, create });
    if (!res.ok) return set({ workspaceError: res.error });
    const recent = [res.value.path, ...get().recent.filter((p) => p !== res.value.path)].slice(0, 8);
    globalThis.localStorage?.setItem(RECENT_KEY, JSON.stringify(recent));
    set({ recent, workspaceError: null, selectedPin: null });
    await get().loadWorkspace();
  },
  async loadWorkspace() {
    const [info, options] = await Promise.all([api.getWorkspace(), api.filterOptions()]);
    if (!info.ok) return set({ workspaceError: info.error });
    if (!options.ok) return set({ workspaceError: options.error });
    // New data (another workspace, or an import): cached answers are no longer the truth.
    clearResultCache();
    set({ workspace: info.value, options: options.value, workspaceError: null });
    if (!get().recent.includes(info.value.path)) set({ recent: [info.value.path, ...get().recent].slice(0, 8) });
    const { preset, filters } = get();
    if (preset !== 'custom' && options.value.lastDay) {
      set({ filters: { ...filters, ...presetRange(preset, options.value.lastDay) } });
    }
    get().refresh();
  },
});
