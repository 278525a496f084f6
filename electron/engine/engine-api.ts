/** The engine behind the API contract: every call returns data or an error as data, never throws. */
import { toApiError, type ApiResult, type PinsightApi } from '../../shared/api';
import type { QuerySpec } from '../../shared/query';
import { ImportJobs } from './import-jobs';
import type { PinsightEngine } from './pinsight-engine';

async function wrap<T>(work: () => Promise<T>): Promise<ApiResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    return { ok: false, error: toApiError(e) };
  }
}

/** Arguments arrive here already validated by dispatchCall, with schema defaults filled in. */
export function engineApi(engine: PinsightEngine): PinsightApi {
  const jobs = new ImportJobs((paths, options) => engine.importFiles(paths, options));
  return {
    startImport: (a) => wrap(async () => jobs.start(a.paths, a.exportContext)),
    importStatus: (a) => wrap(async () => jobs.status(a.id)),
    cancelImport: (a) => wrap(async () => jobs.cancel(a.id)),
    getWorkspace: () => wrap(() => engine.workspaceInfo()),
    openWorkspace: (a) => wrap(() => engine.switchWorkspace(a.path, a.create ?? false)),
    filterOptions: () => wrap(() => engine.filterOptions()),
    query: (spec) => wrap(() => engine.query(spec as QuerySpec)),
    importFiles: (a) => wrap(() => engine.importFiles(a.paths, { exportContext: a.exportContext })),
    importHistory: () => wrap(() => engine.importHistory()),
    exportView: (a) => wrap(() => engine.exportView(a.spec as QuerySpec, a.out, a.format ?? 'csv')),
  };
}
