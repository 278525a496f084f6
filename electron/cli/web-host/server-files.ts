/**
 * The files `pinsight serve` keeps for the browser: uploads waiting for their import and exports waiting for
 * their download, in one private folder per server (mkdtemp: mode 0700, a fresh name), removed at exit.
 */
import { mkdirSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';

/** Space an upload must leave free on the disk (for the workspace's own growth during its import). */
export const FREE_SPACE_MARGIN = 512 * 1024 * 1024;

export class ServerFiles {
  readonly root: string;
  readonly uploads: string;
  readonly exports: string;

  constructor(parent = tmpdir()) {
    this.root = mkdtempSync(join(parent, 'pinsight-serve-'));
    this.uploads = join(this.root, 'uploads');
    this.exports = join(this.root, 'exports');
    mkdirSync(this.uploads, { mode: 0o700 });
    mkdirSync(this.exports, { mode: 0o700 });
  }

  /** Bytes that may still be written to the staging disk. */
  freeBytes(): number {
    const s = statfsSync(this.root);
    return Math.max(0, Number(s.bavail) * Number(s.bsize) - FREE_SPACE_MARGIN);
  }

  /** Removes a file or folder inside the uploads or exports folder (never those folders or the root). */
  remove(path: string): void {
    const p = resolve(path);
    if ([this.uploads, this.exports].some((dir) => p.startsWith(dir + sep))) rmSync(p, { recursive: true, force: true });
  }

  close(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
