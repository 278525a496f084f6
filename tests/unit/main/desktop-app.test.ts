/** The Electron shell's wiring, against a stand-in for the electron module. */
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../../shared/api';
import {
  CHOOSE_FILES_CHANNEL,
  CHOOSE_SAVE_PATH_CHANNEL,
  CHOOSE_WORKSPACE_CHANNEL,
  DROPPED_FILE_CHANNEL,
  IPC_CHANNEL,
  MENU_CHANNEL,
  WORKSPACE_OPENED_CHANNEL,
} from '../../../shared/ipc-channel';
import { APP_INDEX_URL, rendererFileFor } from '../../../electron/main/app-protocol';
import type * as Electron from 'electron';
import { isTrustedUrl, startDesktopApp, windowOptions, workspaceFromArgv, type ElectronModule } from '../../../electron/main/desktop-app';
import { tempDir } from '../../helpers/temp-dir';

type Handler = (event: { senderFrame?: { url: string } }, ...args: unknown[]) => Promise<unknown>;
type Listener = (event: { senderFrame?: { url: string } }, ...args: unknown[]) => void;

const dir = tempDir();
const OWN = { senderFrame: { url: APP_INDEX_URL } };
const EVIL = { senderFrame: { url: 'https://evil.example/' } };

function standIn(options: { lock?: boolean } = {}) {
  let quit = 0;
  const app = Object.assign(new EventEmitter(), {
    whenReady: async () => undefined,
    quit: () => void quit++,
    requestSingleInstanceLock: () => options.lock ?? true,
    getVersion: () => '0.1.0',
    quits: () => quit,
  });
  const sent: [string, unknown][] = [];
  const menus: Electron.MenuItemConstructorOptions[][] = [];
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Listener>();
  const windows: { options: unknown; loaded?: string; events: EventEmitter }[] = [];
  const calls: {
    permissionRequest?: (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
    permissionCheck?: () => boolean;
    device?: () => boolean;
    schemes?: unknown;
    protocolHandler?: (r: Request) => Promise<Response>;
  } = {};
  let headersHandler: ((d: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
  class BrowserWindow extends EventEmitter {
    focused = 0;
    webContents = { send: (channel: string, value: unknown) => sent.push([channel, value]) };
    constructor(options: unknown) {
      super();
      windows.push({ options, events: this });
    }
    show() {}
    maximize() {}
    isMaximized() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      this.focused++;
    }
    getBounds() {
      return { x: 10, y: 20, width: 1300, height: 800 };
    }
    async loadFile(f: string) {
      windows.at(-1)!.loaded = f;
    }
    async loadURL(u: string) {
      windows.at(-1)!.loaded = u;
    }
  }
  const electron = {
    dialog: {
      showOpenDialog: async (_w: unknown, o: { properties: string[] }) => ({
        canceled: false,
        filePaths: [o.properties.includes('openDirectory') ? '/data/dump.csv' : '/data/other.duckdb'],
      }),
      showSaveDialog: async (_w: unknown, o: { defaultPath?: string }) => ({
        canceled: false,
        filePath: `/chosen/${o.defaultPath ?? 'new.duckdb'}`,
      }),
    },
    app,
    BrowserWindow,
    Menu: {
      buildFromTemplate: (t: Electron.MenuItemConstructorOptions[]) => t,
      setApplicationMenu: (t: Electron.MenuItemConstructorOptions[]) => menus.push(t),
    },
    ipcMain: { handle: (ch: string, h: Handler) => handlers.set(ch, h), on: (ch: string, h: Listener) => listeners.set(ch, h) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) => (calls.schemes = s),
      handle: (_scheme: string, h: (r: Request) => Promise<Response>) => (calls.protocolHandler = h),
    },
    net: { fetch: async (url: string) => new Response(readFileSync(new URL(url))) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof calls.permissionRequest) => (calls.permissionRequest = h),
        setPermissionCheckHandler: (h: () => boolean) => (calls.permissionCheck = h),
        setDevicePermissionHandler: (h: () => boolean) => (calls.device = h),
        webRequest: { onHeadersReceived: (h: typeof headersHandler) => (headersHandler = h) },
      },
    },
  } as unknown as ElectronModule;
  return { electron, app, handlers, listeners, windows, calls, sent, menus, headers: () => headersHandler! };
}

const seen: { method: string; arg: unknown }[] = [];
const record =
  (method: string, value: unknown = {}) =>
  async (arg: unknown) => {
    seen.push({ method, arg });
    return { ok: true, value };
  };
const api = {
  getWorkspace: async () => ({ ok: true, value: { path: '/w.duckdb' } }),
  importFiles: record('importFiles'),
  exportView: record('exportView'),
  openWorkspace: record('openWorkspace'),
} as unknown as ApiHandlers;

const rendererDir = join(dir, 'renderer');
mkdirSync(rendererDir, { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Pinsight</title>');
const opened: (string | null)[] = [];
const deps = {
  openApi: async (path: string | null) => {
    opened.push(path);
    return { api, workspacePath: path ?? '/w.duckdb' };
  },
  preloadPath: '/app/out/preload/index.cjs',
  rendererDir,
  preferences: { recent: () => ['/data/recent.duckdb'] },
  windowStateFile: join(dir, 'window.json'),
};

describe('Electron main wiring', () => {
  it('opens one hardened window on the renderer served as app://pinsight', async () => {
    const s = standIn();
    await startDesktopApp(s.electron, deps);
    expect(s.windows).toHaveLength(1);
    expect(s.windows[0]!.loaded).toBe('app://pinsight/index.html');
    expect(s.windows[0]!.options).toMatchObject({
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: deps.preloadPath },
    });
    expect(JSON.stringify(s.calls.schemes)).toContain('"scheme":"app"');
    const page = await s.calls.protocolHandler!(new Request('app://pinsight/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await s.calls.protocolHandler!(new Request('app://pinsight/..%2f..%2fetc%2fpasswd'))).status).toBe(404);
    expect(rendererFileFor('app://other/index.html', rendererDir)).toBeNull();
  });

  it('answers IPC only on its channels, only from its own page, through the validated contract', async () => {
    const s = standIn();
    await startDesktopApp(s.electron, deps);
    expect([...s.handlers.keys()]).toEqual([IPC_CHANNEL, CHOOSE_FILES_CHANNEL, CHOOSE_SAVE_PATH_CHANNEL, CHOOSE_WORKSPACE_CHANNEL]);
    const handle = s.handlers.get(IPC_CHANNEL)!;
    expect(await handle(OWN, 'getWorkspace', undefined)).toEqual({ ok: true, value: { path: '/w.duckdb' } });
    expect(await handle(EVIL, 'getWorkspace', undefined)).toMatchObject({ ok: false });
    expect(await handle({ senderFrame: { url: 'file:///app/out/renderer/index.html' } }, 'getWorkspace', undefined)).toMatchObject({
      ok: false,
    });
    expect(await handle(OWN, 'runSql', 'DROP TABLE events')).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await handle(OWN, 'query', { view: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('reads and writes only paths the user chose in a dialog or dropped', async () => {
    const s = standIn();
    await startDesktopApp(s.electron, deps);
    const handle = s.handlers.get(IPC_CHANNEL)!;
    seen.length = 0;
    expect(await handle(OWN, 'importFiles', { paths: ['/home/me/.ssh/id_rsa.csv'] })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not chosen in a dialog/) },
    });
    expect(await handle(OWN, 'exportView', { spec: { view: 'overview' }, out: '/home/me/.bashrc' })).toMatchObject({ ok: false });
    expect(await handle(OWN, 'openWorkspace', { path: '/etc/x.duckdb', create: true })).toMatchObject({ ok: false });
    expect(seen).toEqual([]);

    expect(await s.handlers.get(CHOOSE_FILES_CHANNEL)!(OWN)).toEqual(['/data/dump.csv']);
    expect(await handle(OWN, 'importFiles', { paths: ['/data/dump.csv'] })).toMatchObject({ ok: true });
    s.listeners.get(DROPPED_FILE_CHANNEL)!(OWN, '/drops/file.csv');
    s.listeners.get(DROPPED_FILE_CHANNEL)!(EVIL, '/etc/shadow');
    expect(await handle(OWN, 'importFiles', { paths: ['/drops/file.csv'] })).toMatchObject({ ok: true });
    expect(await handle(OWN, 'importFiles', { paths: ['/etc/shadow'] })).toMatchObject({ ok: false });

    expect(await s.handlers.get(CHOOSE_SAVE_PATH_CHANNEL)!(OWN, 'top.csv')).toBe('/chosen/top.csv');
    expect(await handle(OWN, 'exportView', { spec: { view: 'overview' }, out: '/chosen/top.csv' })).toMatchObject({ ok: true });
    // The save dialog asked before replacing: a chosen path may be overwritten.
    expect(seen.find((c) => c.method === 'exportView')?.arg).toMatchObject({ out: '/chosen/top.csv', overwrite: true });

    expect(await s.handlers.get(CHOOSE_WORKSPACE_CHANNEL)!(OWN, 'open')).toBe('/data/other.duckdb');
    expect(await handle(OWN, 'openWorkspace', { path: '/data/other.duckdb' })).toMatchObject({ ok: true });
    // The app's recent workspaces (app-data preferences) may be opened without a dialog; others may not.
    expect(await handle(OWN, 'openWorkspace', { path: '/data/recent.duckdb' })).toMatchObject({ ok: true });
    expect(await handle(OWN, 'openWorkspace', { path: '/data/unknown.duckdb' })).toMatchObject({ ok: false });
    expect(await s.handlers.get(CHOOSE_FILES_CHANNEL)!(EVIL)).toEqual([]);
    expect(await s.handlers.get(CHOOSE_SAVE_PATH_CHANNEL)!(EVIL, 'top.csv')).toBeNull();
  });

  it('denies permissions and devices, sets the CSP, blocks navigation, redirects and new windows', async () => {
    const s = standIn();
    await startDesktopApp(s.electron, deps);
    let granted: boolean | undefined;
    s.calls.permissionRequest!(null, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(s.calls.permissionCheck!()).toBe(false);
    expect(s.calls.device!()).toBe(false);
    let headers: unknown;
    s.headers()({ responseHeaders: {} }, (r) => (headers = r));
    expect(JSON.stringify(headers)).toContain("default-src 'self'");

    const seen: { opener: unknown } = { opener: undefined };
    const contents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler(h: () => unknown) {
        seen.opener = h();
      },
    });
    s.app.emit('web-contents-created', {}, contents);
    const blocked = (event: string, ...args: unknown[]) => {
      let prevented = false;
      const e = { preventDefault: () => (prevented = true), url: String(args[0] ?? '') };
      contents.emit(event, e, ...args);
      return prevented;
    };
    expect(blocked('will-navigate', 'https://example.com/')).toBe(true);
    expect(blocked('will-navigate', 'app://pinsight/index.html#overview')).toBe(false);
    expect(blocked('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(blocked('will-frame-navigate', 'https://example.com/frame')).toBe(true);
    expect(seen.opener).toEqual({ action: 'deny' });
  });

  it('quitting waits for the engine to stop and close, however the app quits', async () => {
    const s = standIn();
    let release = () => {};
    const steps: string[] = [];
    await startDesktopApp(s.electron, {
      ...deps,
      onQuit: () => {
        steps.push('shutdown');
        return new Promise<void>((r) => (release = r)).then(() => void steps.push('closed'));
      },
    });
    // The last window closed: the app quits, which asks the engine to shut down first.
    s.app.emit('window-all-closed');
    expect(s.app.quits()).toBe(1);
    let prevented = 0;
    const willQuit = () => s.app.emit('will-quit', { preventDefault: () => void prevented++ });
    willQuit();
    await new Promise((r) => setTimeout(r, 0));
    expect(steps).toEqual(['shutdown']);
    expect(prevented).toBe(1);
    expect(s.app.quits()).toBe(1);
    // Quit again meanwhile (Cmd+Q): still held, the engine is asked once.
    willQuit();
    expect(prevented).toBe(2);
    expect(steps).toEqual(['shutdown']);
    release();
    await new Promise((r) => setTimeout(r, 0));
    // Closed: the app quits for good.
    expect(steps).toEqual(['shutdown', 'closed']);
    expect(s.app.quits()).toBe(2);
    willQuit();
    expect(prevented).toBe(2);
  });

  it('trusts only its own scheme or the dev server', () => {
    expect(isTrustedUrl('app://pinsight/index.html#x', {})).toBe(true);
    expect(isTrustedUrl('app://pinsight.evil/index.html', {})).toBe(false);
    expect(isTrustedUrl('file:///app/out/renderer/index.html', {})).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', { devUrl: 'http://localhost:5173/' })).toBe(true);
    expect(windowOptions('/p').webPreferences?.sandbox).toBe(true);
  });

  it('a native menu: File, Edit, View with the six views, Help; its commands reach the page', async () => {
    const s = standIn();
    await startDesktopApp(s.electron, deps);
    const menu = s.menus.at(-1)!;
    const labels = menu.map((m) => m.label ?? m.role);
    expect(labels).toEqual(
      process.platform === 'darwin' ? ['Pinsight', 'File', 'editMenu', 'View', 'windowMenu', 'help'] : ['File', 'editMenu', 'View', 'help'],
    );
    const items = (label: string) => menu.find((m) => m.label === label)!.submenu as Electron.MenuItemConstructorOptions[];
    const file = items('File');
    expect(file.filter((i) => i.label).map((i) => [i.label, i.accelerator ?? null])).toEqual([
      ['New Workspace…', 'CmdOrCtrl+N'],
      ['Open Workspace…', 'CmdOrCtrl+O'],
      ['Open Recent', null],
      ['Import Files…', 'CmdOrCtrl+I'],
      ['Export View…', 'CmdOrCtrl+E'],
      ...(process.platform === 'darwin' ? [] : [['Exit', null]]),
    ]);
    const view = items('View');
    expect(view.filter((i) => i.accelerator?.match(/^CmdOrCtrl\+\d$/)).map((i) => i.label)).toEqual([
      'Overview',
      'Top Pins',
      'Top boards',
      'Video',
      'Legacy',
      'Import',
    ]);
    expect(view.map((i) => i.role).filter(Boolean)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const click = (item: Electron.MenuItemConstructorOptions) => (item.click as () => void)();
    click(view[1]!);
    click(file.find((i) => i.label === 'Export View…')!);
    expect(s.sent).toEqual([
      [MENU_CHANNEL, 'view:top-pins'],
      [MENU_CHANNEL, 'export-view'],
    ]);
    const recent = (file.find((i) => i.label === 'Open Recent')!.submenu as Electron.MenuItemConstructorOptions[]).map((i) => i.label);
    expect(recent).toContain('recent.duckdb');
  });

  it('one instance: a second launch hands over its workspace, which opens in the running window', async () => {
    const refused = standIn({ lock: false });
    await startDesktopApp(refused.electron, deps);
    expect(refused.app.quits()).toBe(1);
    expect(refused.windows).toHaveLength(0);

    const s = standIn();
    await startDesktopApp(s.electron, deps);
    seen.length = 0;
    s.app.emit('second-instance', {}, ['/usr/bin/pinsight', '--flag', '/data/second.duckdb']);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([{ method: 'openWorkspace', arg: { path: '/data/second.duckdb', create: false } }]);
    expect(s.sent).toContainEqual([WORKSPACE_OPENED_CHANNEL, undefined]);
    expect((s.windows[0]!.events as unknown as { focused: number }).focused).toBe(1);
    // macOS: a double-clicked file arrives as open-file.
    let prevented = false;
    s.app.emit('open-file', { preventDefault: () => (prevented = true) }, '/data/third.pinsight');
    await new Promise((r) => setTimeout(r, 0));
    expect(prevented).toBe(true);
    expect(seen.at(-1)).toEqual({ method: 'openWorkspace', arg: { path: '/data/third.pinsight', create: false } });
  });

  it('a workspace on the command line or from open-file before start is the one that opens', async () => {
    opened.length = 0;
    await startDesktopApp(standIn().electron, { ...deps, argv: ['.', '/data/start.duckdb'] });
    expect(opened).toEqual(['/data/start.duckdb']);
    const s = standIn();
    const started = startDesktopApp(s.electron, deps);
    s.app.emit('open-file', { preventDefault: () => undefined }, '/data/early.pinsight');
    await started;
    expect(opened.at(-1)).toBe('/data/early.pinsight');
    expect(workspaceFromArgv(['/opt/Pinsight/pinsight', '--no-sandbox'])).toBeNull();
  });

  it('the window remembers its size and position', async () => {
    writeFileSync(deps.windowStateFile, JSON.stringify({ x: 40, y: 50, width: 1200, height: 760 }));
    const s = standIn();
    await startDesktopApp(s.electron, deps);
    expect(s.windows[0]!.options).toMatchObject({ x: 40, y: 50, width: 1200, height: 760 });
    s.windows[0]!.events.emit('close');
    expect(JSON.parse(readFileSync(deps.windowStateFile, 'utf8'))).toEqual({ x: 10, y: 20, width: 1300, height: 800, maximized: false });
  });
});
