/**
 * Content hashes of a file: the same bytes under any name are the same import.
 *
 * The full hash reads the whole file, which at 10M events takes as long as a tenth of the import. The quick
 * signature (size, first and last 64 KiB) tells at once whether a file can be one imported before: files with
 * the same bytes have the same signature. Only when one matches must the full hash be known before the import;
 * otherwise it is computed while DuckDB reads the file.
 */
import { createHash } from 'node:crypto';
import { createReadStream, openSync, readSync, closeSync, fstatSync } from 'node:fs';

export async function fileHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const EDGE_BYTES = 64 * 1024;

export function quickSignature(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const hash = createHash('sha256');
    const head = Buffer.alloc(Math.min(size, EDGE_BYTES));
    readSync(fd, head, 0, head.length, 0);
    hash.update(head);
    const tailStart = Math.max(head.length, size - EDGE_BYTES);
    const tail = Buffer.alloc(size - tailStart);
    readSync(fd, tail, 0, tail.length, tailStart);
    hash.update(tail);
    return `${size}:${hash.digest('hex')}`;
  } finally {
    closeSync(fd);
  }
}
