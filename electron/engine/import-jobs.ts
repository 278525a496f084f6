/** Imports as jobs the UI can follow (per-file progress) and cancel. */
import { PinsightError, toApiError } from '../../shared/api';
import type { ImportJobStatus } from '../../shared/results';
import type { ExportContext } from './exports/export-types';
import type { ImportOptions } from './ingest/import-files';
import type { ImportSummary } from '../../shared/results';

type Runner = (paths: string[], options: ImportOptions) => Promise<ImportSummary>;

interface Job {
  status: ImportJobStatus;
  controller: AbortController;
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private next = 1;

  constructor(private readonly run: Runner) {}

  start(paths: string[], exportContext?: Partial<ExportContext>): ImportJobStatus {
    const id = `import-${this.next++}`;
    const controller = new AbortController();
    const status: ImportJobStatus = { id, state: 'running', files: paths, fileIndex: 0, fileCount: paths.length, currentFile: null, phase: 'queued' };
    this.jobs.set(id, { status, controller });
    void this.run(paths, {
      signal: controller.signal,
      exportContext,
      onProgress: (p) => Object.assign(status, { fileIndex: p.fileIndex, fileCount: p.fileCount, currentFile: p.file || null, phase: p.phase }),
    }).then(
      (summary) => Object.assign(status, { state: 'done', phase: 'done', summary }),
      (e: unknown) => Object.assign(status, { state: controller.signal.aborted ? 'cancelled' : 'failed', error: toApiError(e) }),
    );
    return { ...status };
  }

  status(id: string): ImportJobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new PinsightError('not-found', `No import job ${id}`);
    return { ...job.status };
  }

  cancel(id: string): ImportJobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new PinsightError('not-found', `No import job ${id}`);
    job.controller.abort();
    return { ...job.status };
  }
}
