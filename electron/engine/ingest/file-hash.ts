/** Content hash of a file: the same bytes under any name are the same import. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export async function fileHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
