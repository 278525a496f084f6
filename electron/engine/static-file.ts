/** The built renderer's file that a request path names, for both hosts that serve it (HTTP and app://). */
import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';

/** The regular file inside `root` for `pathname` ("/" is index.html), or null for anything else. */
export function staticFileFor(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return null;
  }
  const file = join(root, normalize(decoded).replace(/^([\\/])+/, ''));
  return file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile() ? file : null;
}
