/** The engine behind the API contract: every call returns data or an error as data, never throws. */
import { toApiError, type ApiArgs, type ApiHandlers, type ApiResult } from '../../shared/api';
import type { ExportProgressFields, ExportSummary, ImportProgressFields, ImportSummary } from '../../shared/results';
import { BackgroundJobs } from './background-jobs';
import type { PinsightEngine } from './pinsight-engine';
import { AppPreferences } from './workbench/app-preferences';

async function wrap<T>(work: () => Promise<T>): Promise<ApiResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    return { ok: false, error: toApiError(e) };
  }
}

/**
 * Arguments arrive here already validated by dispatchCall, with schema defaults filled in. `preferences`: the
 * app-data store of theme, language and recent workspaces (in memory when the host has no app-data folder);
 * `host.uploadsRoot`: where `pinsight serve` keeps uploads (their files are named as the user dropped them).
 */
export function engineApi(
  engine: PinsightEngine,
  preferences = new AppPreferences(null),
  host: { uploadsRoot?: string } = {},
): ApiHandlers {
  preferences.opened(engine.workspace.path);
  const imports = new BackgroundJobs<ImportProgressFields, ImportSummary>('import');
  const exports = new BackgroundJobs<ExportProgressFields, ExportSummary>('export');
  const exportNow = (a: ApiArgs<'exportView'>) =>
    engine.exportView(a.spec, a.out, {
      format: a.format,
      headers: a.headers,
      preamble: a.preamble,
      rawEvents: a.rawEvents,
      overwrite: a.overwrite,
    });
  return {
    startImport: (a) =>
      wrap(async () => {
        // A cancel stops the statement running now, but only once this import runs (not while it waits its turn).
        let running = false;
        return imports.start(
          {
            files: a.paths,
            fileIndex: 0,
            fileCount: a.paths.length,
            currentFile: null,
            phase: 'queued',
            bytesDone: 0,
            bytesTotal: 0,
            rowsDone: 0,
            etaSeconds: null,
          },
          (signal, progress) =>
            engine.importFiles(a.paths, {
              signal,
              exportContext: a.exportContext,
              uploadsRoot: host.uploadsRoot,
              onProgress: ({ file, ...p }) => {
                running = p.phase !== 'done';
                progress({ ...p, currentFile: file || null });
              },
            }),
          () => running && engine.interrupt(),
        );
      }),
    importStatus: (a) => wrap(async () => imports.status(a.id)),
    cancelImport: (a) => wrap(async () => imports.cancel(a.id)),
    startExport: (a) =>
      wrap(async () =>
        exports.start(
          { out: a.out, percent: null },
          () => exportNow(a),
          () => engine.interrupt(),
        ),
      ),
    exportStatus: (a) => wrap(async () => exports.status(a.id)),
    cancelExport: (a) => wrap(async () => exports.cancel(a.id)),
    getWorkspace: () => wrap(() => engine.workspaceInfo()),
    openWorkspace: (a) =>
      wrap(async () => {
        const info = await engine.switchWorkspace(a.path, a.create);
        preferences.opened(info.path);
        return info;
      }),
    getPreferences: () => wrap(async () => preferences.read()),
    setPreferences: (a) => wrap(async () => preferences.update(a)),
    savedViews: () => wrap(() => engine.savedViews()),
    saveView: (a) => wrap(() => engine.saveView(a.name, a.state)),
    renameSavedView: (a) => wrap(() => engine.renameSavedView(a.id, a.name)),
    deleteSavedView: (a) => wrap(() => engine.deleteSavedView(a.id)),
    filterOptions: () => wrap(() => engine.filterOptions()),
    query: (spec) => wrap(() => engine.query(spec)),
    importFiles: (a) => wrap(() => engine.importFiles(a.paths, { exportContext: a.exportContext, uploadsRoot: host.uploadsRoot })),
    importHistory: () => wrap(() => engine.importHistory()),
    removeImport: (a) => wrap(() => engine.removeImport(a.id)),
    exportView: (a) => wrap(() => exportNow(a)),
  };
}
