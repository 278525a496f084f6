/** The Electron shell's wiring, against a stand-in for the electron module. */
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PinsightApi } from '../../../shared/api';
import { CHOOSE_FILES_CHANNEL, CHOOSE_SAVE_PATH_CHANNEL, CHOOSE_WORKSPACE_CHANNEL, DROPPED_FILE_CHANNEL, IPC_CHANNEL } from '../../../shared/ipc-channel';
import { APP_INDEX_URL, rendererFileFor } from '../../../electron/main/app-protocol';
import { isTrustedUrl, startDesktopApp, windowOptions, type ElectronModule } from '../../../electron/main/desktop-app';
import { tempDir } from '../../helpers/temp-dir';

type Handler = (event: { senderFrame?: { url: string } }, ...args: unknown[]) => Promise<unknown>;
type Listener = (event: { senderFrame?: { url: string } }, ...args: unknown[]) => void;

const dir = tempDir();
const OWN = { senderFrame: { url: APP_INDEX_URL } };
const EVIL = { senderFrame: { url: 'https://evil.example/' } };

function standIn() {
  const app = Object.assign(new EventEmitter(), { whenReady: async () => undefined, quit: () => undefined });
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Listener>();
  const windows: { options: unknown; loaded?: string; events: EventEmitter }[] = [];
  const calls: { permissionRequest?: (wc: unknown, p: string, cb: (ok: boolean) => void) => void; permissionCheck?: () => boolean; device?: () => boolean; schemes?: unknown; protocolHandler?: (r: Request) => Promise<Response> } = {};
  let headersHandler: ((d: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
  class BrowserWindow extends EventEmitter {
    constructor(options: unknown) {
      super();
      windows.push({ options, events: this });
    }
    show() {}
    async loadFile(f: string) {
      windows.at(-1)!.loaded = f;
    }
    async loadURL(u: string) {
      windows.at(-1)!.loaded = u;
    }
  }
  const electron = {
    dialog: {
      showOpenDialog: async (_w: unknown, o: { properties: string[] }) => ({ canceled: false, filePaths: [o.properties.includes('openDirectory') ? '/data/dump.csv' : '/data/other.duckdb'] }),
      showSaveDialog: async (_w: unknown, o: { defaultPath?: string }) => ({ canceled: false, filePath: `/chosen/${o.defaultPath ?? 'new.duckdb'}` }),
    },
    app,
    BrowserWindow,
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
  return { electron, app, handlers, listeners, windows, calls, headers: () => headersHandler! };
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
} as unknown as PinsightApi;

const rendererDir = join(dir, 'renderer');
mkdirSync(rendererDir, { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Pinsight</title>');
const deps = { openApi: async () => ({ api, workspacePath: '/w.duckdb' }), preloadPath: '/app/out/preload/index.cjs', rendererDir, recentFile: join(dir, 'recent.json') };

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
    expect(await handle({ senderFrame: { url: 'file:///app/out/renderer/index.html' } }, 'getWorkspace', undefined)).toMatchObject({ ok: false });
    expect(await handle(OWN, 'runSql', 'DROP TABLE events')).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await handle(OWN, 'query', { view: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('reads and writes only paths the user chose in a dialog or dropped', async () => {
    const s = standIn();
    await startDesktopApp(s.electron, deps);
    const handle = s.handlers.get(IPC_CHANNEL)!;
    seen.length = 0;
    expect(await handle(OWN, 'importFiles', { paths: ['/home/me/.ssh/id_rsa.csv'] })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not chosen in a dialog/) } });
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
    // Opened workspaces are remembered by the app (app-data), and may be opened again from the recent list.
    expect(JSON.parse(readFileSync(deps.recentFile, 'utf8'))).toEqual(['/data/other.duckdb', '/w.duckdb']);
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

    const contents = Object.assign(new EventEmitter(), {
      opener: undefined as unknown,
      setWindowOpenHandler(h: () => unknown) {
        this.opener = h();
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
    expect(contents.opener).toEqual({ action: 'deny' });
  });

  it('trusts only its own scheme or the dev server', () => {
    expect(isTrustedUrl('app://pinsight/index.html#x', {})).toBe(true);
    expect(isTrustedUrl('app://pinsight.evil/index.html', {})).toBe(false);
    expect(isTrustedUrl('file:///app/out/renderer/index.html', {})).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', { devUrl: 'http://localhost:5173/' })).toBe(true);
    expect(windowOptions('/p').webPreferences?.sandbox).toBe(true);
  });
});
