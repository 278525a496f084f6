/** Import: drop files or folders, or type paths; progress per file with cancel; the result and its rejected rows. */
import { CHOOSE_FILES_EVENT } from '../store/menu-commands';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { ExportContextInput } from '../../../shared/filters';
import type { RejectedRow } from '../../../shared/results';
import { stageFiles } from '../api/stage-files';
import { ExportContextFields } from '../components/ExportContextFields';
import { StatusMessage } from '../components/StatusMessage';
import { VirtualTable } from '../components/VirtualTable';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';
import { downloadText, rejectedCsv } from '../components/rejected-csv';
import { ImportHistory } from './ImportHistory';
import { ImportProgress } from './ImportProgress';
import { ImportSummaryTable } from './ImportSummaryTable';

export function ImportView() {
  const { t } = useStrings();
  const job = useAppStore((s) => s.job);
  const error = useAppStore((s) => s.importError);
  const { startImport, cancelImport, loadHistory } = useAppStore.getState();
  const [paths, setPaths] = useState('');
  const [dragging, setDragging] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);
  const [dropError, setDropError] = useState<string | null>(null);
  const [context, setContext] = useState<ExportContextInput>({});
  const picker = useRef<HTMLInputElement>(null);
  const contextOrUndefined = Object.values(context).some(Boolean) ? context : undefined;
  const importStaged = async (files: DataTransfer | FileList) => {
    setDropError(null);
    try {
      const staged = await stageFiles(files, setUploading);
      setUploading(null);
      if (staged.length) await startImport(staged, contextOrUndefined);
    } catch (err) {
      setUploading(null);
      setDropError(String(err));
    }
  };
  const choose = async () => {
    const bridge = window.pinsight;
    if (bridge?.chooseFiles) {
      const chosen = await bridge.chooseFiles();
      if (chosen.length) await startImport(chosen, contextOrUndefined);
    } else picker.current?.click();
  };

  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  // File > Import Files… in the desktop app's menu.
  useEffect(() => {
    const onChoose = () => void choose();
    window.addEventListener(CHOOSE_FILES_EVENT, onChoose);
    return () => window.removeEventListener(CHOOSE_FILES_EVENT, onChoose);
  });

  const onDrop = async (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    await importStaged(e.dataTransfer);
  };
  const running = job?.state === 'running';
  const summary = job?.result;

  return (
    <section className="view import">
      <h2>{t('importTitle')}</h2>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => void onDrop(e)}
      >
        <p>{t('importHint')}</p>
        <textarea
          data-testid="import-paths"
          rows={3}
          value={paths}
          onChange={(e) => setPaths(e.target.value)}
          aria-label={t('importTitle')}
        />
        <div className="row">
          <button
            type="button"
            data-testid="import-start"
            disabled={running || !paths.trim()}
            onClick={() =>
              void startImport(
                paths
                  .split(/\r?\n/)
                  .map((p) => p.trim())
                  .filter(Boolean),
                contextOrUndefined,
              )
            }
          >
            {t('importButton')}
          </button>
          <button type="button" className="secondary" data-testid="import-choose" disabled={running} onClick={() => void choose()}>
            {t('chooseFiles')}
          </button>
          <input
            ref={picker}
            type="file"
            multiple
            hidden
            data-testid="import-file-input"
            onChange={(e) => e.target.files && void importStaged(e.target.files)}
          />
        </div>
        <ExportContextFields value={context} onChange={setContext} />
      </div>
      {uploading && <StatusMessage kind="loading" message={`${t('uploading')} ${uploading}`} />}
      {dropError && <StatusMessage kind="error" message={dropError} />}
      {error && <StatusMessage kind="error" error={error} />}
      {job && (
        <div className="import-job" data-testid="import-job" data-state={job.state}>
          {running && <ImportProgress job={job} onCancel={() => void cancelImport()} />}
          {job.error?.code === 'cancelled' ? (
            <p className="status" role="status" data-testid="import-cancelled">
              {t('importCancelled')}
            </p>
          ) : (
            job.error && <StatusMessage kind="error" message={t('importFailed')} error={job.error} />
          )}
          {summary && (
            <>
              <ImportSummaryTable summary={summary} />
              {summary.rejected.length > 0 && (
                <>
                  <div className="view-toolbar">
                    <h3>
                      {t('rejectedRows')} ({summary.rejected.length})
                    </h3>
                    <button
                      type="button"
                      data-testid="save-rejected"
                      onClick={() => downloadText('pinsight-rejected-rows.csv', rejectedCsv(summary.rejected))}
                    >
                      {t('saveRejected')}
                    </button>
                  </div>
                  <VirtualTable
                    label={t('rejectedRows')}
                    height={240}
                    columns={[
                      { key: 'file', label: t('file'), render: (r: RejectedRow) => r.file.split(/[\\/]/).pop() },
                      { key: 'line', label: t('line'), numeric: true, width: 80, grow: 0, render: (r: RejectedRow) => r.line },
                      {
                        key: 'reason',
                        label: t('reason'),
                        width: 240,
                        grow: 3,
                        render: (r: RejectedRow) => (
                          // The reason is the engine's sentence, in English in either language.
                          <span title={r.reason} lang="en">
                            {r.reason}
                          </span>
                        ),
                      },
                    ]}
                    rows={summary.rejected}
                    rowTestId={(_r, i) => `rejected-${i}`}
                  />
                </>
              )}
            </>
          )}
        </div>
      )}
      <ImportHistory />
    </section>
  );
}
