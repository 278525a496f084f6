/** The Electron shell's wiring, against a stand-in for the electron module. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { PinsightApi } from '../../../shared/api';
import { CHOOSE_FILES_CHANNEL, CHOOSE_SAVE_PATH_CHANNEL, IPC_CHANNEL } from '../../../shared/ipc-channel';
import { isTrustedUrl, startDesktopApp, windowOptions, type ElectronModule } from '../../../electron/main/desktop-app';

type Handler = (event: { senderFrame?: { url: string } }, ...args: unknown[]) => Promise<unknown>;

function standIn() {
  const app = Object.assign(new EventEmitter(), { whenReady: async () => undefined, quit: () => undefined });
  const handlers = new Map<string, Handler>();
  const windows: { options: unknown; loaded?: string; events: EventEmitter }[] = [];
  let permissionHandler: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
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
      showOpenDialog: async () => ({ canceled: false, filePaths: ['/data/dump.csv'] }),
      showSaveDialog: async (_w: unknown, o: { defaultPath?: string }) => ({ canceled: false, filePath: `/chosen/${o.defaultPath}` }),
    },
    app,
    BrowserWindow,
    ipcMain: { handle: (ch: string, h: Handler) => handlers.set(ch, h) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof permissionHandler) => (permissionHandler = h),
        webRequest: { onHeadersReceived: (h: typeof headersHandler) => (headersHandler = h) },
      },
    },
  } as unknown as ElectronModule;
  return { electron, app, handlers, windows, permission: () => permissionHandler!, headers: () => headersHandler! };
}

const api = {
  getWorkspace: async () => ({ ok: true, value: { path: '/w.duckdb' } }),
} as unknown as PinsightApi;

const deps = { openApi: async () => api, preloadPath: '/app/out/preload/index.cjs', rendererFile: '/app/out/renderer/index.html' };

describe('Electron main wiring', () => {
  it('opens one hardened window on the built renderer', async () => {
    const s = standIn();
    await startDesktopApp(s.electron, deps);
    expect(s.windows).toHaveLength(1);
    expect(s.windows[0]!.loaded).toBe('/app/out/renderer/index.html');
    expect(s.windows[0]!.options).toMatchObject({
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: deps.preloadPath },
    });
  });

  it('answers IPC only on its channel, only from its own page, through the validated contract', async () => {
    const s = standIn();
    await startDesktopApp(s.electron, deps);
    expect([...s.handlers.keys()]).toEqual([IPC_CHANNEL, CHOOSE_FILES_CHANNEL, CHOOSE_SAVE_PATH_CHANNEL]);
    const handle = s.handlers.get(IPC_CHANNEL)!;
    const own = { senderFrame: { url: 'file:///app/out/renderer/index.html' } };
    expect(await handle(own, 'getWorkspace', undefined)).toEqual({ ok: true, value: { path: '/w.duckdb' } });
    expect(await handle({ senderFrame: { url: 'https://evil.example/' } }, 'getWorkspace', undefined)).toMatchObject({ ok: false });
    expect(await handle(own, 'runSql', 'DROP TABLE events')).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await handle(own, 'query', { view: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('shows the open and save dialogs only for its own page', async () => {
    const s = standIn();
    await startDesktopApp(s.electron, deps);
    const choose = s.handlers.get(CHOOSE_FILES_CHANNEL)!;
    expect(await choose({ senderFrame: { url: 'file:///app/out/renderer/index.html' } })).toEqual(['/data/dump.csv']);
    expect(await choose({ senderFrame: { url: 'https://evil.example/' } })).toEqual([]);
    const save = s.handlers.get(CHOOSE_SAVE_PATH_CHANNEL)!;
    expect(await save({ senderFrame: { url: 'file:///app/out/renderer/index.html' } }, 'top.csv')).toBe('/chosen/top.csv');
    expect(await save({ senderFrame: { url: 'https://evil.example/' } }, 'top.csv')).toBeNull();
  });

  it('denies permissions, sets the CSP, blocks navigation and new windows', async () => {
    const s = standIn();
    await startDesktopApp(s.electron, deps);
    let granted: boolean | undefined;
    s.permission()(null, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
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
    let prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://example.com/');
    expect(prevented).toBe(true);
    expect(contents.opener).toEqual({ action: 'deny' });
  });

  it('trusts only the renderer file or the dev server', () => {
    expect(isTrustedUrl('file:///app/out/renderer/index.html#x', deps)).toBe(true);
    expect(isTrustedUrl('file:///etc/passwd', deps)).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', { ...deps, devUrl: 'http://localhost:5173/' })).toBe(true);
    expect(windowOptions('/p').webPreferences?.sandbox).toBe(true);
  });
});
