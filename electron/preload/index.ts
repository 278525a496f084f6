/** Exposes the API contract to the page, and nothing else (plus the path of a file dropped on it). */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { ApiResult } from '../../shared/api';
import { isApiMethod } from '../../shared/api-methods';
import {
  CHOOSE_FILES_CHANNEL,
  CHOOSE_SAVE_PATH_CHANNEL,
  CHOOSE_WORKSPACE_CHANNEL,
  DROPPED_FILE_CHANNEL,
  IPC_CHANNEL,
  MENU_CHANNEL,
  MENU_COMMANDS,
  WORKSPACE_OPENED_CHANNEL,
} from '../../shared/ipc-channel';

contextBridge.exposeInMainWorld('pinsight', {
  call: (method: string, arg: unknown): Promise<ApiResult<unknown>> =>
    isApiMethod(method)
      ? ipcRenderer.invoke(IPC_CHANNEL, method, arg)
      : Promise.resolve({ ok: false, error: { code: 'unknown-method', message: `Unknown method "${method}"` } }),
  // Dropped files reach the engine by path; the page itself never sees the file system.
  // The path is granted for import in the main process: it comes from Electron, so the page cannot invent one.
  pathForFile: (file: File): string => {
    const path = webUtils.getPathForFile(file);
    if (path) ipcRenderer.send(DROPPED_FILE_CHANNEL, path);
    return path;
  },
  // The native open dialog, for the Import view's "Choose files" button.
  chooseFiles: (): Promise<string[]> => ipcRenderer.invoke(CHOOSE_FILES_CHANNEL),
  // The native save dialog, for the export dialog's "Browse…" button.
  chooseSavePath: (suggested: string): Promise<string | null> => ipcRenderer.invoke(CHOOSE_SAVE_PATH_CHANNEL, String(suggested)),
  // The native dialog to open an existing workspace or name a new one.
  chooseWorkspace: (mode: 'open' | 'new'): Promise<string | null> =>
    ipcRenderer.invoke(CHOOSE_WORKSPACE_CHANNEL, mode === 'new' ? 'new' : 'open'),
  // Commands of the native menu, and workspaces the main process opened (only known commands pass).
  onMenu: (listener: (command: string) => void): void => {
    ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown) => {
      if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command)) listener(command);
    });
  },
  onWorkspaceOpened: (listener: () => void): void => {
    ipcRenderer.on(WORKSPACE_OPENED_CHANNEL, () => listener());
  },
});
