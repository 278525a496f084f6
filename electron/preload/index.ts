/** Exposes the API contract to the page, and nothing else (plus the path of a file dropped on it). */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { ApiResult } from '../../shared/api';
import { isApiMethod } from '../../shared/api-methods';
import { CHOOSE_FILES_CHANNEL, CHOOSE_SAVE_PATH_CHANNEL, IPC_CHANNEL } from '../../shared/ipc-channel';

contextBridge.exposeInMainWorld('pinsight', {
  call: (method: string, arg: unknown): Promise<ApiResult<unknown>> =>
    isApiMethod(method)
      ? ipcRenderer.invoke(IPC_CHANNEL, method, arg)
      : Promise.resolve({ ok: false, error: { code: 'unknown-method', message: `Unknown method "${method}"` } }),
  // Dropped files reach the engine by path; the page itself never sees the file system.
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
  // The native open dialog, for the Import view's "Choose files" button.
  chooseFiles: (): Promise<string[]> => ipcRenderer.invoke(CHOOSE_FILES_CHANNEL),
  // The native save dialog, for the export dialog's "Browse…" button.
  chooseSavePath: (suggested: string): Promise<string | null> => ipcRenderer.invoke(CHOOSE_SAVE_PATH_CHANNEL, String(suggested)),
});
