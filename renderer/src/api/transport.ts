/** Picks the transport at start: the Electron bridge when the preload exposed it, else HTTP to `pinsight serve`. */
import { createApiClient, type ApiMethod, type ApiResult, type PinsightApi, type Transport } from '../../../shared/api';
import { SOCKET_PATH } from '../../../shared/serve-socket';
import { socketTransport } from './socket-transport';
import { binaryReviver } from '../../../shared/binary-json';
import type { MenuCommand } from '../../../shared/ipc-channel';

interface Bridge {
  call(method: string, arg: unknown): Promise<ApiResult<unknown>>;
  /** Electron only: the path of a file dropped on the window. */
  pathForFile?(file: File): string;
  /** Electron only: the native open dialog. */
  chooseFiles?(): Promise<string[]>;
  /** Electron only: the native save dialog. */
  chooseSavePath?(suggested: string): Promise<string | null>;
  /** Electron only: the native dialog to open or create a workspace. */
  chooseWorkspace?(mode: 'open' | 'new'): Promise<string | null>;
  /** Electron only: commands of the native menu. */
  onMenu?(listener: (command: MenuCommand) => void): void;
  /** Electron only: the main process opened another workspace. */
  onWorkspaceOpened?(listener: () => void): void;
}

declare global {
  interface Window {
    pinsight?: Bridge;
  }
}

const TOKEN_KEY = 'pinsight.token';

/**
 * The token of `pinsight serve`: taken from the address's fragment (#token=…) when the page opens, then kept in
 * this tab's sessionStorage (this origin only) and taken off the address bar.
 */
export function serveToken(): string | null {
  const fromHash = /(?:^#|&)token=([\w-]+)/.exec(globalThis.location?.hash ?? '')?.[1];
  if (fromHash) {
    globalThis.sessionStorage?.setItem(TOKEN_KEY, fromHash);
    const rest = location.hash.replace(/(?:^#|&)token=[\w-]+/, '').replace(/^&/, '');
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    return fromHash;
  }
  return globalThis.sessionStorage?.getItem(TOKEN_KEY) ?? null;
}

/** Headers every call to `pinsight serve` carries. */
export function serveHeaders(): Record<string, string> {
  const token = serveToken();
  return token ? { 'X-Pinsight-Token': token } : {};
}

export const httpTransport: Transport = async (method: ApiMethod, arg: unknown) => {
  try {
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...serveHeaders() },
      body: JSON.stringify({ arg }),
    });
    if (res.status === 401) {
      return {
        ok: false,
        error: {
          code: 'invalid-argument',
          message:
            'This page has no access to Pinsight: an address copied from the address bar does not carry it. Open the address that `pinsight serve` printed (it ends in #token=…), or share a view from a page that has access with Saved views › Link to this view.',
        },
      };
    }
    if (!res.ok) return { ok: false, error: { code: 'internal', message: `${res.status} ${await res.text()}` } };
    return JSON.parse(await res.text(), binaryReviver) as ApiResult<unknown>;
  } catch (e) {
    return { ok: false, error: { code: 'internal', message: `Pinsight is not reachable: ${String(e)}` } };
  }
};

/** In the desktop app the preload's bridge (IPC); in a browser the page's socket to `pinsight serve`, else HTTP. */
export function chooseTransport(): Transport {
  const bridge = globalThis.window?.pinsight;
  if (bridge) return (method, arg) => bridge.call(method, arg);
  return socketTransport({
    fallback: httpTransport,
    token: serveToken,
    url: () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SOCKET_PATH}`,
    open: typeof WebSocket === 'undefined' ? null : (url, protocols) => new WebSocket(url, protocols),
  });
}

/** The transport is chosen at the first call, so the store also loads where there is no window (tests). */
let transport: Transport | undefined;
export const api: PinsightApi = createApiClient((method, arg) => (transport ??= chooseTransport())(method, arg));
