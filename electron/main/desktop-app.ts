/**
 * The Electron shell: one window on the engine. Kept thin, and written against an injected electron module
 * so its wiring can be tested without Electron. Security: context isolation, sandbox, no Node in the page,
 * a strict CSP, no navigation, no new windows, no permissions, and IPC only from our own page.
 */
import type * as Electron from 'electron';
import { dispatchCall, type ApiResult } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { CHOOSE_FILES_CHANNEL, CHOOSE_SAVE_PATH_CHANNEL, IPC_CHANNEL } from '../../shared/ipc-channel';

export type ElectronModule = Pick<typeof Electron, 'app' | 'BrowserWindow' | 'ipcMain' | 'session' | 'dialog'>;

export interface DesktopAppDeps {
  /** Opens (creating the demo on first start) the engine and returns its API. */
  openApi: () => Promise<import('../../shared/api').PinsightApi>;
  preloadPath: string;
  rendererFile: string;
  /** Dev server URL of the renderer, when running under `electron-vite dev`. */
  devUrl?: string;
  onQuit?: () => void;
}

export function isTrustedUrl(url: string, deps: Pick<DesktopAppDeps, 'rendererFile' | 'devUrl'>): boolean {
  if (deps.devUrl && url.startsWith(deps.devUrl)) return true;
  const fileUrl = `file://${deps.rendererFile.replaceAll('\\', '/').replace(/^([A-Za-z]:)/, '/$1')}`;
  return url === fileUrl || url.startsWith(`${fileUrl}#`) || url.startsWith(`${fileUrl}?`);
}

export function windowOptions(preloadPath: string): Electron.BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1280,
    minHeight: 720,
    show: false,
    title: 'Pinsight',
    backgroundColor: '#10141a',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

export async function startDesktopApp(electron: ElectronModule, deps: DesktopAppDeps): Promise<void> {
  const { app, BrowserWindow, ipcMain, session, dialog } = electron;

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isTrustedUrl(url, deps)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => {
    deps.onQuit?.();
    app.quit();
  });

  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  const api = await deps.openApi();
  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, arg: unknown): Promise<ApiResult<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url, deps)) {
      return { ok: false, error: { code: 'invalid-argument', message: 'Calls are accepted only from the Pinsight window' } };
    }
    return dispatchCall(api, typeof method === 'string' ? method : '', arg);
  });

  const win = new BrowserWindow(windowOptions(deps.preloadPath));
  ipcMain.handle(CHOOSE_FILES_CHANNEL, async (event): Promise<string[]> => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '', deps)) return [];
    const chosen = await dialog.showOpenDialog(win, {
      title: 'Import into Pinsight',
      properties: ['openFile', 'openDirectory', 'multiSelections'],
      filters: [{ name: 'Exports and dumps', extensions: ['csv', 'tsv', 'txt', 'gz', 'json', 'jsonl', 'ndjson', 'parquet'] }],
    });
    return chosen.canceled ? [] : chosen.filePaths;
  });
  ipcMain.handle(CHOOSE_SAVE_PATH_CHANNEL, async (event, suggested: unknown): Promise<string | null> => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '', deps)) return null;
    const chosen = await dialog.showSaveDialog(win, {
      title: 'Export from Pinsight',
      defaultPath: typeof suggested === 'string' ? suggested : undefined,
      filters: [
        { name: 'CSV', extensions: ['csv'] },
        { name: 'Parquet', extensions: ['parquet'] },
      ],
    });
    return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
  });
  win.once('ready-to-show', () => win.show());
  if (deps.devUrl) await win.loadURL(deps.devUrl);
  else await win.loadFile(deps.rendererFile);
}
