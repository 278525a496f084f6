/** Exposes the API contract to the page, and nothing else. */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult } from '../../shared/api';
import { isApiMethod } from '../../shared/api-methods';
import { IPC_CHANNEL } from '../../shared/ipc-channel';

contextBridge.exposeInMainWorld('pinsight', {
  call: (method: string, arg: unknown): Promise<ApiResult<unknown>> =>
    isApiMethod(method)
      ? ipcRenderer.invoke(IPC_CHANNEL, method, arg)
      : Promise.resolve({ ok: false, error: { code: 'unknown-method', message: `Unknown method "${method}"` } }),
});
