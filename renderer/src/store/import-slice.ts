/** Import jobs: start, follow per file, cancel; the summary stays for the user to read and save. */
import type { StateCreator } from 'zustand';
import type { ApiError, ApiResult } from '../../../shared/api';
import type { ExportContextInput } from '../../../shared/filters';
import type { ImportJobStatus, ImportRecord, ImportRemoval } from '../../../shared/results';
import { followJob } from '../api/follow-job';
import { api } from '../api/transport';
import type { AppState } from './app-store';

export interface ImportSlice {
  job: ImportJobStatus | null;
  importError: ApiError | null;
  history: ImportRecord[];
  startImport(paths: string[], exportContext?: ExportContextInput): Promise<void>;
  cancelImport(): Promise<void>;
  loadHistory(): Promise<void>;
  /** The last removal's outcome, shown above the history. */
  removal: ApiResult<ImportRemoval> | null;
  removeImport(id: number): Promise<void>;
}

export const initialImport = { job: null, importError: null, history: [], removal: null };

export const createImportSlice: StateCreator<AppState, [], [], ImportSlice> = (set, get) => ({
  ...initialImport,
  async startImport(paths, exportContext) {
    set({ importError: null });
    const ended = await followJob(
      await api.startImport({ paths, exportContext }),
      (id) => api.importStatus({ id }),
      (job) => set({ job }),
    );
    if (!ended.ok) return set({ importError: ended.error });
    if (ended.last.state === 'done') {
      await get().loadWorkspace();
      await get().loadHistory();
    }
  },
  async cancelImport() {
    const job = get().job;
    if (job?.state === 'running') await api.cancelImport({ id: job.id });
  },
  async loadHistory() {
    const res = await api.importHistory();
    if (res.ok) set({ history: res.value });
  },
  async removeImport(id) {
    const removal = await api.removeImport({ id });
    set({ removal });
    if (removal.ok) await get().loadWorkspace();
    await get().loadHistory();
  },
});
