/**
 * The API over the page's WebSocket to `pinsight serve` (electron/cli/web-host/api-socket.ts): one open socket
 * carries every call, each about 5 ms cheaper in Chromium than a POST. Where no socket opens (no token, refused,
 * a browser without WebSocket), calls go over HTTP, which also says what is wrong; another try after a while.
 */
import type { ApiMethod, ApiResult, Transport } from '../../../shared/api';
import { binaryReviver } from '../../../shared/binary-json';
import { MAX_MESSAGE, SOCKET_PROTOCOL } from '../../../shared/serve-socket';

/** What the transport needs of a WebSocket (a stand-in in tests). */
export interface SocketLike {
  readonly readyState: number;
  // Handlers as a WebSocket holds them (typed by its events; this side reads only a message's data).
  onopen: ((event: never) => unknown) | null;
  onclose: ((event: never) => unknown) | null;
  onmessage: ((event: never) => unknown) | null;
  send(data: string): void;
  close(): void;
}

export interface SocketTransportOptions {
  /** Calls when no socket is open. */
  fallback: Transport;
  token: () => string | null;
  /** The socket's address (ws://host/api/socket). */
  url: () => string;
  /** Opens a socket; null where there are none. */
  open: ((url: string, protocols: string[]) => SocketLike) | null;
}

/** After a socket was refused or could not open, calls go over HTTP this long before the next try. */
export const RETRY_MS = 10_000;
/** A socket not open by then is given up (a server that accepts the connection and never answers). */
export const OPEN_TIMEOUT_MS = 5_000;
const OPEN = 1;

export function socketTransport(options: SocketTransportOptions): Transport {
  let socket: Promise<SocketLike | null> | null = null;
  /** The socket once open: a call then goes out at once, before the page renders what the click changed. */
  let openSocket: SocketLike | null = null;
  let retryAt = 0;
  let nextId = 1;
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();

  const connect = (): Promise<SocketLike | null> => {
    const token = options.token();
    if (!token || !options.open || Date.now() < retryAt) return Promise.resolve(null);
    const open = options.open;
    return new Promise((resolve) => {
      let ws: SocketLike;
      let opened = false;
      try {
        ws = open(options.url(), [SOCKET_PROTOCOL, token]);
      } catch {
        retryAt = Date.now() + RETRY_MS;
        return resolve(null);
      }
      const givenUp = setTimeout(() => {
        retryAt = Date.now() + RETRY_MS;
        resolve(null);
        ws.close();
      }, OPEN_TIMEOUT_MS);
      ws.onopen = () => {
        clearTimeout(givenUp);
        opened = true;
        openSocket = ws;
        resolve(ws);
      };
      ws.onmessage = (event: { data: unknown }) => {
        let message: unknown;
        try {
          message = typeof event.data === 'string' ? JSON.parse(event.data, binaryReviver) : null;
        } catch {
          return;
        }
        if (typeof message !== 'object' || message === null || !('id' in message) || !('result' in message)) return;
        const id = Number(message.id);
        const done = pending.get(id);
        pending.delete(id);
        // The result is what the server's dispatch answered for the call (an ApiResult).
        done?.(message.result as ApiResult<unknown>);
      };
      ws.onclose = (event: { code?: number; reason?: string }) => {
        clearTimeout(givenUp);
        socket = null;
        if (openSocket === ws) openSocket = null;
        if (!opened) retryAt = Date.now() + RETRY_MS;
        resolve(null);
        const why = event.reason ? ` (${event.code ?? ''} ${event.reason})` : '';
        const lost: ApiResult<unknown> = {
          ok: false,
          error: { code: 'internal', message: `Pinsight is not reachable: the connection to \`pinsight serve\` was closed${why}` },
        };
        for (const done of pending.values()) done(lost);
        pending.clear();
      };
    });
  };

  return async (method: ApiMethod, arg: unknown) => {
    const ws = openSocket?.readyState === OPEN ? openSocket : await (socket ??= connect());
    if (!ws || ws.readyState !== OPEN) {
      if (!ws) socket = null;
      return options.fallback(method, arg);
    }
    const id = nextId++;
    let message: string;
    try {
      message = JSON.stringify({ id, method, arg });
    } catch (e) {
      return { ok: false, error: { code: 'invalid-argument', message: `${method}: the argument cannot be sent (${String(e)})` } };
    }
    // Larger than the socket takes: as a POST, which says so itself (413) without closing the socket.
    if (message.length * 3 > MAX_MESSAGE && new TextEncoder().encode(message).length > MAX_MESSAGE) return options.fallback(method, arg);
    return new Promise<ApiResult<unknown>>((resolve) => {
      pending.set(id, resolve);
      try {
        ws.send(message);
      } catch (e) {
        pending.delete(id);
        resolve({ ok: false, error: { code: 'internal', message: `Pinsight is not reachable: ${String(e)}` } });
      }
    });
  };
}
