/**
 * Serves the built renderer and the API contract over HTTP on 127.0.0.1 only, for `pinsight serve` and the
 * browser tests. POST /api/METHOD with a JSON body {"arg": ...} answers {"ok": true, "value"} or {"ok": false, "error"}.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatchCall } from '../../../shared/api';
import { binaryReplacer } from '../../../shared/binary-json';
import { engineApi } from '../../engine/engine-api';
import type { PinsightEngine } from '../../engine/pinsight-engine';
import { CONTENT_SECURITY_POLICY } from '../../../shared/content-security-policy';
import { handleUpload } from './upload';

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface WebHostOptions {
  port?: number;
  /** Folder of the built renderer (default: out/renderer next to the built CLI). */
  rendererDir?: string;
}

const MAX_BODY = 1 << 20;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function defaultRendererDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
}

export async function startWebHost(engine: PinsightEngine, options: WebHostOptions = {}): Promise<WebHost> {
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  const api = engineApi(engine);
  let port = 0;
  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => send(res, 500, 'text/plain', `Internal error: ${String(e)}`));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only pages we served may talk to us: a name other than our own address means DNS rebinding.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'text/plain', 'Misdirected request');
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/upload' && req.method === 'POST') {
      const origin = req.headers.origin;
      if (origin && origin !== `http://${host}`) return send(res, 403, 'text/plain', 'Cross-origin calls are refused');
      return handleUpload(req, res, url);
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Use POST');
      const origin = req.headers.origin;
      if (origin && origin !== `http://${host}`) return send(res, 403, 'text/plain', 'Cross-origin calls are refused');
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

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const rel = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(/^([\\/])+/, '');
  const file = join(root, rel);
  if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
    if (!existsSync(join(root, 'index.html'))) {
      return send(res, 500, 'text/plain', `The renderer is not built (${root} is missing). Run \`npm run build\`.`);
    }
    return send(res, 404, 'text/plain', 'Not found');
  }
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'no-cache');
  send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        fail(new Error('request too large'));
        req.destroy();
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
