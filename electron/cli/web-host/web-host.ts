/**
 * Serves the built renderer and the API contract over HTTP on 127.0.0.1 only, for `pinsight serve` and the
 * browser tests. POST /api/METHOD with a JSON body {"arg": ...} answers {"ok": true, "value"} or {"ok": false, "error"};
 * the page makes the same calls over its WebSocket (GET /api/socket, api-socket.ts), which costs less per call.
 *
 * Who may talk to it: API calls and uploads that carry this start's token (access-token.ts), under our own host
 * name (DNS rebinding), from our own origin. Exports reach the browser as downloads (GET /download/ID: a one-time,
 * unguessable address that only an authorised call hands out).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatchCall } from '../../../shared/api';
import { binaryReplacer } from '../../../shared/binary-json';
import { CONTENT_SECURITY_POLICY } from '../../../shared/content-security-policy';
import { MAX_MESSAGE, SOCKET_PATH } from '../../../shared/serve-socket';
import { STATIC_CONTENT_TYPES } from '../../../shared/static-types';
import { engineApi } from '../../engine/engine-api';
import { AppPreferences } from '../../engine/workbench/app-preferences';
import { staticFileFor } from '../../engine/static-file';
import type { PinsightEngine } from '../../engine/pinsight-engine';
import { isAuthorised, newToken } from './access-token';
import { acceptApiSocket, refuse, type PageSocket } from './api-socket';
import { httpApi, type Download } from './http-api';
import { ServerFiles } from './server-files';
import { handleUpload } from './upload';

export interface WebHost {
  /** The address to open: carries the token in its fragment. */
  url: string;
  /** The address without the token. */
  origin: string;
  token: string;
  port: number;
  /** The private folder of uploads and downloads (removed at close). */
  filesRoot: string;
  close(): Promise<void>;
}

export interface WebHostOptions {
  port?: number;
  /** Folder of the built renderer (default: out/renderer next to the built CLI). */
  rendererDir?: string;
  /** The access token (default: a new random one). */
  token?: string;
  /** The app-data folder for theme, language and recent workspaces (default: kept in memory only). */
  appData?: string;
}

/** The largest request body: the same limit as a message over the page's socket. */
export const MAX_BODY = MAX_MESSAGE;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function defaultRendererDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
}

export async function startWebHost(engine: PinsightEngine, options: WebHostOptions = {}): Promise<WebHost> {
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  const token = options.token ?? newToken();
  const files = new ServerFiles();
  const { api, downloads } = httpApi(engineApi(engine, new AppPreferences(options.appData ?? null), { uploadsRoot: files.uploads }), files);
  let port = 0;
  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (e instanceof HttpError) return send(res, e.status, 'text/plain; charset=utf-8', e.message);
      send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only pages we served may talk to us: a name other than our own address means DNS rebinding.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'text/plain', 'Misdirected request');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
      decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'text/plain', 'Malformed URL');
    }
    const origin = req.headers.origin;
    if (origin && origin !== `http://${host}`) return send(res, 403, 'text/plain', 'Cross-origin calls are refused');
    const needsToken = url.pathname === '/upload' || url.pathname.startsWith('/api/');
    if (needsToken && !isAuthorised(req, token)) {
      return send(res, 401, 'text/plain', 'Unauthorised: open the address that pinsight serve printed (it ends in #token=…)');
    }
    if (url.pathname === '/upload' && req.method === 'POST') return handleUpload(req, res, url, files);
    if (url.pathname.startsWith('/download/') && req.method === 'GET') return serveDownload(downloads, url.pathname.slice(10), res, files);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Use POST');
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, 'text/plain', 'Expected application/json');
      }
      const body = await readBody(req);
      let arg: unknown;
      try {
        arg = body ? (JSON.parse(body) as { arg?: unknown }).arg : undefined;
      } catch {
        return sendJson(res, { ok: false, error: { code: 'invalid-argument', message: 'The request body is not JSON' } });
      }
      return sendJson(res, await dispatchCall(api, decodeURIComponent(url.pathname.slice(5)), arg));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    return serveStatic(rendererDir, url.pathname, res);
  }

  // The page's socket: the same calls, checked the same way (api-socket.ts). Upgraded sockets are no longer the
  // server's connections: they are closed with it by hand.
  const sockets = new Map<Duplex, PageSocket | null>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    sockets.set(socket, null);
    socket.on('close', () => sockets.delete(socket));
    try {
      // The path as sent (never through URL, which throws on addresses such as //x:99999/).
      if ((req.url ?? '').split('?', 1)[0] !== SOCKET_PATH) return refuse(socket, 404, 'Not Found', 'Not found');
      const page = acceptApiSocket(req, socket, head, {
        hosts: [`127.0.0.1:${port}`, `localhost:${port}`],
        token,
        call: async (method, arg) => JSON.stringify(await dispatchCall(api, method, arg), binaryReplacer),
      });
      if (sockets.has(socket)) sockets.set(socket, page);
    } catch {
      socket.destroy();
    }
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}/`;
  return {
    url: `${origin}#token=${token}`,
    origin,
    token,
    port,
    filesRoot: files.root,
    close: () =>
      new Promise<void>((done) => {
        for (const [socket, page] of sockets) {
          page?.shutdown();
          socket.destroy();
        }
        server.closeAllConnections();
        server.close(() => {
          files.close();
          done();
        });
      }),
  };
}

function serveDownload(downloads: Map<string, Download>, id: string, res: ServerResponse, files: ServerFiles): void {
  const d = downloads.get(id);
  if (!d || !existsSync(d.path)) return send(res, 404, 'text/plain', 'This download is no longer available: export again');
  const ascii = d.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  res.writeHead(200, {
    'Content-Type': d.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.apache.parquet',
    'Content-Length': statSync(d.path).size,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.name)}`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  // Streamed from disk: a ten-million-row export is never held in memory. Offered once (taken off the list
  // before the first byte), then deleted.
  downloads.delete(id);
  const stream = createReadStream(d.path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
  res.on('close', () => {
    stream.destroy();
    files.remove(dirname(d.path));
  });
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const file = staticFileFor(root, pathname);
  if (!file) {
    if (!existsSync(join(root, 'index.html'))) {
      return send(res, 500, 'text/plain', `The renderer is not built (${root} is missing). Run \`npm run build\`.`);
    }
    return send(res, 404, 'text/plain', 'Not found');
  }
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'no-cache');
  send(res, 200, STATIC_CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
}

function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY) return Promise.reject(new HttpError(413, `The request is larger than ${MAX_BODY} bytes`));
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        fail(new HttpError(413, `The request is larger than ${MAX_BODY} bytes`));
        req.pause();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value, binaryReplacer));
}
