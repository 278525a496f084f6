/**
 * Files dropped on the page in a browser are streamed here, into this server's private staging folder, then
 * imported by path. Names are taken as plain relative paths (no "..", no absolute parts); files are created
 * new (O_EXCL: a link planted under the name is never followed) and readable by this user only; an upload
 * larger than the free disk space less a margin is refused before a byte is written.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ServerFiles } from './server-files';

/** The parts of a dropped file's relative path, or null when a part is not a plain name. */
export function safeParts(name: string): string[] | null {
  const parts = name.split(/[\\/]/);
  const plain = (p: string) => p !== '' && p !== '.' && p !== '..' && !/[\x00-\x1f:]/.test(p) && Buffer.byteLength(p) <= 255;
  return parts.length <= 32 && parts.every(plain) ? parts : null;
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end(text);
}

export async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL, files: ServerFiles): Promise<void> {
  const batch = url.searchParams.get('batch') ?? '';
  const parts = safeParts(url.searchParams.get('name') ?? '');
  // A custom header cannot be sent cross-origin without a preflight we never answer.
  if (req.headers['x-pinsight-upload'] !== '1' || !/^[a-z0-9]{4,40}$/.test(batch)) return reply(res, 400, 'Bad upload');
  if (!parts) return reply(res, 400, 'Bad file name');
  const declared = Number(req.headers['content-length']);
  if (!Number.isSafeInteger(declared) || declared < 0) return reply(res, 411, 'An upload must state its length');
  const free = files.freeBytes();
  if (declared > free) {
    return reply(res, 413, `${parts.at(-1)} (${mib(declared)}) does not fit: ${mib(free)} of disk space is free for uploads`);
  }
  const folder = join(files.uploads, batch, ...parts.slice(0, -1));
  const target = join(folder, parts.at(-1) ?? 'upload');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  let seen = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      done(seen > declared ? new Error('the upload is longer than it said') : null, chunk);
    },
  });
  try {
    await pipeline(req, limit, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
  } catch (e) {
    files.remove(target);
    const exists = (e as NodeJS.ErrnoException).code === 'EEXIST';
    return reply(
      res,
      exists ? 409 : 400,
      exists ? `${parts.join('/')} was uploaded twice in one batch` : `Upload failed: ${(e as Error).message}`,
    );
  }
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ path: target }));
}

const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
