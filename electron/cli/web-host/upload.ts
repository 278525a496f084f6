/** Files dropped on the page in a browser are streamed here, into a staging folder, then imported by path. */
import { createWriteStream, mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

export const UPLOAD_ROOT = join(tmpdir(), 'pinsight-uploads');

export async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const batch = url.searchParams.get('batch') ?? '';
  const name = url.searchParams.get('name') ?? '';
  // A custom header cannot be sent cross-origin without a preflight we never answer.
  if (req.headers['x-pinsight-upload'] !== '1' || !/^[a-z0-9]{4,40}$/.test(batch) || !name) {
    res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad upload');
    return;
  }
  const root = join(UPLOAD_ROOT, batch);
  const target = join(root, normalize(name).replace(/^(\.\.[\\/])+/, ''));
  if (!target.startsWith(root + sep)) {
    res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad file name');
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  await pipeline(req, createWriteStream(target));
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ path: target }));
}
