/** Long operations (imports, exports) as jobs the UI can follow and cancel. */
import { PinsightError, toApiError } from '../../shared/api';
import type { JobStatus } from '../../shared/results';

export type JobWork<P, R> = (signal: AbortSignal, progress: (p: Partial<P>) => void) => Promise<R>;

export class BackgroundJobs<P extends object, R> {
  private readonly jobs = new Map<string, { status: JobStatus<P, R>; controller: AbortController; onCancel?: () => void }>();
  private next = 1;

  constructor(private readonly prefix: string) {}

  start(initial: P, work: JobWork<P, R>, onCancel?: () => void): JobStatus<P, R> {
    const id = `${this.prefix}-${this.next++}`;
    const controller = new AbortController();
    const status = { id, state: 'running', ...initial } as JobStatus<P, R>;
    this.jobs.set(id, { status, controller, onCancel });
    void work(controller.signal, (p) => Object.assign(status, p)).then(
      (result) => Object.assign(status, { state: 'done', result }),
      (e: unknown) => Object.assign(status, { state: controller.signal.aborted ? 'cancelled' : 'failed', error: toApiError(e) }),
    );
    return { ...status };
  }

  status(id: string): JobStatus<P, R> {
    return { ...this.get(id).status };
  }

  cancel(id: string): JobStatus<P, R> {
    const job = this.get(id);
    if (job.status.state === 'running' && !job.controller.signal.aborted) {
      job.controller.abort();
      job.onCancel?.();
    }
    return { ...job.status };
  }

  private get(id: string) {
    const job = this.jobs.get(id);
    if (!job) throw new PinsightError('not-found', `No job ${id}`);
    return job;
  }
}
