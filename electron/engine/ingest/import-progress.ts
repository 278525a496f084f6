/**
 * An import's progress as the user follows it: the file being read, bytes of all files (the file being read
 * counted by DuckDB's progress of the statement running, never backwards), rows of the finished files, and an
 * estimate of the time left from the pace so far.
 */
import { statSync } from 'node:fs';
import type { ImportProgressFields } from '../../../shared/results';
import type { Workspace } from '../db/workspace';
import type { InputFile } from './input-files';

export type ImportProgress = Omit<ImportProgressFields, 'files' | 'currentFile' | 'phase'> & {
  file: string;
  phase: 'reading' | 'deriving' | 'done';
};

/** How often the progress of the file being read is sampled from DuckDB. */
const PROGRESS_EVERY_MS = 250;

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export class ImportProgressReporter {
  private readonly sizes: number[];
  private readonly bytesTotal: number;
  private bytesRead = 0;
  private readonly started = Date.now();

  constructor(
    private readonly files: InputFile[],
    private readonly rowsRead: () => number,
    private readonly onProgress?: (p: ImportProgress) => void,
  ) {
    this.sizes = files.map((f) => fileSize(f.readPath));
    this.bytesTotal = this.sizes.reduce((a, b) => a + b, 0);
  }

  report(phase: ImportProgress['phase'], fileIndex: number, file = '', bytesDone = this.bytesRead): void {
    this.onProgress?.({
      file,
      fileIndex,
      fileCount: this.files.length,
      phase,
      bytesDone,
      bytesTotal: this.bytesTotal,
      rowsDone: this.rowsRead(),
      etaSeconds: phase === 'reading' ? this.eta(bytesDone) : null,
    });
  }

  /** Runs the reading of file `i`, reporting how far it is while it runs; its bytes count as read after. */
  async reading<T>(ws: Workspace, i: number, work: () => Promise<T>): Promise<T> {
    const path = this.files[i]?.path ?? '';
    const size = this.sizes[i] ?? 0;
    this.report('reading', i, path);
    let within = 0;
    const ticker = setInterval(() => {
      within = Math.max(within, ws.queryPercent() ?? 0);
      this.report('reading', i, path, this.bytesRead + Math.round((size * within) / 100));
    }, PROGRESS_EVERY_MS);
    try {
      return await work();
    } finally {
      clearInterval(ticker);
      this.bytesRead += size;
    }
  }

  private eta(done: number): number | null {
    const elapsed = (Date.now() - this.started) / 1000;
    return elapsed >= 1.5 && done > 0 ? (elapsed * (this.bytesTotal - done)) / done : null;
  }
}
