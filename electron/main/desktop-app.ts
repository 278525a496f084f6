/**
 * The Electron shell: one window on the engine. Kept thin, and written against an injected electron module
 * so its wiring can be tested without Electron. Security: context isolation, sandbox, no Node in the page,
 * a strict CSP, the page served from app://pinsight (not file://), no navigation or redirects, no new
 * windows, no permissions or devices, IPC only from our own page, and file paths only as the user granted
 * them in native dialogs (path-grants.ts).
 */
import type * as Electron from 'electron';
import { dispatchCall, type ApiResult, type ApiHandlers } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import {
  CHOOSE_FILES_CHANNEL,
  CHOOSE_SAVE_PATH_CHANNEL,
  CHOOSE_WORKSPACE_CHANNEL,
  DROPPED_FILE_CHANNEL,
  IPC_CHANNEL,
  MENU_CHANNEL,
  WORKSPACE_OPENED_CHANNEL,
} from '../../shared/ipc-channel';
import { METRIC_IDS, METRICS } from '../../shared/metrics';
import { menuTemplate } from './app-menu';
import { APP_INDEX_URL, APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { guardApi, PathGrants } from './path-grants';
import { loadWindowBounds, saveWindowBounds } from './window-state';

export type ElectronModule = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'ipcMain' | 'session' | 'dialog' | 'protocol' | 'net' | 'Menu'
>;

/** A workspace named on the command line (a double-clicked file on Windows and Linux), if any. */
export function workspaceFromArgv(argv: readonly string[]): string | null {
  return [...argv].reverse().find((a) => !a.startsWith('-') && /\.(duckdb|pinsight)$/i.test(a)) ?? null;
}

export interface DesktopAppDeps {
  /**
   * Opens the engine on `path` (a workspace named on the command line) or, without one, the default workspace
   * (creating the demo on first start); returns its API and the open workspace's path.
   */
  openApi: (path: string | null) => Promise<{ api: ApiHandlers; workspacePath: string }>;
  /** The process's arguments (a double-clicked workspace arrives here on Windows and Linux). */
  argv?: readonly string[];
  /** Where the window's size and position are remembered (app-data). */
  windowStateFile?: string;
  preloadPath: string;
  /** Folder of the built renderer, served as app://pinsight/. */
  rendererDir: string;
  /** The app's theme, language and recent workspaces (app-data), shared with the engine's API. */
  preferences?: { recent(): string[] };
  /** Dev server URL of the renderer, when running under `electron-vite dev`. */
  devUrl?: string;
  /**
   * Before the app quits, however it quits (the last window closed, the Quit menu item, Cmd+Q): the app waits for
   * it (the engine stops what runs, an audience index build among others, and closes the workspace).
   */
  onQuit?: () => Promise<void> | void;
}

/** How long quitting waits for the engine to stop. */
const QUIT_WAIT_MS = 5000;

export function isTrustedUrl(url: string, deps: Pick<DesktopAppDeps, 'devUrl'>): boolean {
  if (deps.devUrl && url.startsWith(deps.devUrl)) return true;
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

export function windowOptions(preloadPath: string): Electron.BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
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
  const { app, BrowserWindow, ipcMain, session, dialog, protocol, net, Menu } = electron;
  // One running app: a second launch (a double-clicked workspace) hands its file to this one and quits.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme(protocol);
  // macOS opens files through an event, possibly before the app is ready: keep the last one until then.
  let openLater: string | null = null;
  let openFromOutside: ((path: string) => void) | null = null;
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (openFromOutside) openFromOutside(path);
    else openLater = path;
  });

  app.on('web-contents-created', (_event, contents) => {
    const guard = (e: { preventDefault(): void }, url: string) => {
      if (!isTrustedUrl(url, deps)) e.preventDefault();
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-frame-navigate', (e) => guard(e, e.url));
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => app.quit());
  let quit: 'running' | 'closing' | 'closed' = 'running';
  app.on('will-quit', (event: { preventDefault(): void }) => {
    if (quit === 'closed' || !deps.onQuit) return;
    event.preventDefault();
    if (quit === 'closing') return;
    quit = 'closing';
    // Never held for long: a statement that does not stop within a few seconds is left to the process's end
    // (DuckDB's log makes the workspace whole at its next opening).
    const timeout = new Promise<void>((done) => setTimeout(done, QUIT_WAIT_MS).unref());
    void Promise.race([Promise.resolve().then(deps.onQuit), timeout])
      .catch(() => undefined)
      .finally(() => {
        quit = 'closed';
        app.quit();
      });
  });

  await app.whenReady();
  serveRenderer(protocol, net, deps.rendererDir);
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  const { api: engineApi, workspacePath } = await deps.openApi(openLater ?? workspaceFromArgv(deps.argv ?? []));
  const grants = new PathGrants(deps.preferences?.recent());
  grants.opened(workspacePath);
  const api = guardApi(engineApi, grants);
  const fromOwnPage = (event: Electron.IpcMainInvokeEvent | Electron.IpcMainEvent) => isTrustedUrl(event.senderFrame?.url ?? '', deps);

  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, arg: unknown): Promise<ApiResult<unknown>> => {
    if (!fromOwnPage(event)) {
      return { ok: false, error: { code: 'invalid-argument', message: 'Calls are accepted only from the Pinsight window' } };
    }
    return dispatchCall(api, typeof method === 'string' ? method : '', arg);
  });

  const bounds = loadWindowBounds(deps.windowStateFile, { width: 1440, height: 900 });
  const win = new BrowserWindow({ ...windowOptions(deps.preloadPath), ...bounds });
  if (bounds.maximized) win.maximize();
  win.on('close', () => saveWindowBounds(deps.windowStateFile, { ...win.getBounds(), maximized: win.isMaximized() }));

  /** Opens a workspace the main process chose (menu, a double-clicked file), then tells the page. */
  const openWorkspace = async (path: string, create = false) => {
    grants.grantWorkspace(path, create);
    const r = await api.openWorkspace({ path, create });
    if (!r.ok) {
      dialog.showErrorBox('Pinsight cannot open the workspace', r.error.message);
      return;
    }
    win.webContents.send(WORKSPACE_OPENED_CHANNEL, r.value.path);
    setMenu();
  };
  const chooseWorkspace = async (mode: 'open' | 'new'): Promise<string | null> => {
    const filters = [{ name: 'Pinsight workspace', extensions: ['duckdb', 'pinsight'] }];
    if (mode === 'new') {
      const chosen = await dialog.showSaveDialog(win, { title: 'New Pinsight workspace', filters });
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    }
    const chosen = await dialog.showOpenDialog(win, { title: 'Open a Pinsight workspace', properties: ['openFile'], filters });
    return chosen.canceled || !chosen.filePaths[0] ? null : chosen.filePaths[0];
  };
  const setMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(
          {
            newWorkspace: () => void chooseWorkspace('new').then((p) => (p ? openWorkspace(p, true) : undefined)),
            openWorkspace: () => void chooseWorkspace('open').then((p) => (p ? openWorkspace(p) : undefined)),
            openRecent: (p) => void openWorkspace(p),
            send: (command) => win.webContents.send(MENU_CHANNEL, command),
            showMetricDefinitions: () =>
              void dialog.showMessageBox(win, {
                title: 'Metric definitions',
                message: 'What the numbers mean',
                detail: METRIC_IDS.map((id) => `${METRICS[id].label.en}: ${METRICS[id].description.en}`).join('\n\n'),
              }),
            showAbout: () =>
              void dialog.showMessageBox(win, {
                title: 'About Pinsight',
                message: `Pinsight ${app.getVersion()}`,
                detail: 'An offline workbench for Pinterest Analytics exports and event dumps.',
              }),
          },
          process.platform,
          deps.preferences?.recent() ?? [],
        ),
      ),
    );
  setMenu();
  openFromOutside = (path) => void openWorkspace(path);
  app.on('second-instance', (_event, argv) => {
    if (win.isMinimized()) win.restore();
    win.focus();
    const path = workspaceFromArgv(argv);
    if (path) openFromOutside?.(path);
  });
  ipcMain.handle(CHOOSE_FILES_CHANNEL, async (event): Promise<string[]> => {
    if (!fromOwnPage(event)) return [];
    const chosen = await dialog.showOpenDialog(win, {
      title: 'Import into Pinsight',
      properties: ['openFile', 'openDirectory', 'multiSelections'],
      filters: [{ name: 'Exports and dumps', extensions: ['csv', 'tsv', 'txt', 'gz', 'json', 'jsonl', 'ndjson', 'parquet'] }],
    });
    if (chosen.canceled) return [];
    grants.grantRead(chosen.filePaths);
    return chosen.filePaths;
  });
  ipcMain.handle(CHOOSE_SAVE_PATH_CHANNEL, async (event, suggested: unknown): Promise<string | null> => {
    if (!fromOwnPage(event)) return null;
    const chosen = await dialog.showSaveDialog(win, {
      title: 'Export from Pinsight',
      defaultPath: typeof suggested === 'string' ? suggested : undefined,
      filters: [
        { name: 'CSV', extensions: ['csv'] },
        { name: 'Parquet', extensions: ['parquet'] },
      ],
    });
    if (chosen.canceled || !chosen.filePath) return null;
    grants.grantWrite(chosen.filePath);
    return chosen.filePath;
  });
  ipcMain.handle(CHOOSE_WORKSPACE_CHANNEL, async (event, mode: unknown): Promise<string | null> => {
    if (!fromOwnPage(event)) return null;
    const chosen = await chooseWorkspace(mode === 'new' ? 'new' : 'open');
    if (chosen) grants.grantWorkspace(chosen, mode === 'new');
    return chosen;
  });
  // A dropped file's path comes from Electron itself (webUtils, in the preload): the page cannot invent one.
  ipcMain.on(DROPPED_FILE_CHANNEL, (event, path: unknown) => {
    if (fromOwnPage(event) && typeof path === 'string' && path) grants.grantRead([path]);
  });
  win.once('ready-to-show', () => win.show());
  if (deps.devUrl) await win.loadURL(deps.devUrl);
  else await win.loadURL(APP_INDEX_URL);
}
