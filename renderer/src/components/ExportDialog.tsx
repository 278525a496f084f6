/** Export the view on screen with its filters: CSV or Parquet, headers as ids or in the UI language, progress and cancel. */
import { useState } from 'react';
import type { ExportJobStatus } from '../../../shared/results';
import { followJob } from '../api/follow-job';
import { api } from '../api/transport';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';
import { screenSpec } from '../store/views-slice';
import { StatusMessage } from './StatusMessage';

export function ExportButton() {
  const { t } = useStrings();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="secondary" data-testid="export-open" onClick={() => setOpen(true)}>
        {t('exportCsv')}
      </button>
      {open && <ExportDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function ExportDialog({ onClose }: { onClose: () => void }) {
  const { t, locale } = useStrings();
  const state = useAppStore.getState();
  const workspace = useAppStore((s) => s.workspace);
  const folder = workspace?.path.replace(/[\\/][^\\/]*$/, '') ?? '.';
  const [out, setOut] = useState(`${folder}/pinsight-${state.view}-${state.filters.from ?? ''}-${state.filters.to ?? ''}.csv`);
  const [headers, setHeaders] = useState<'ids' | 'locale'>('ids');
  const [preamble, setPreamble] = useState(false);
  const [rawEvents, setRawEvents] = useState(false);
  const [job, setJob] = useState<ExportJobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setError(null);
    const format = /\.parquet$/i.test(out) ? 'parquet' : 'csv';
    const started = await api.startExport({ spec: screenSpec(useAppStore.getState()), out, format, headers: headers === 'ids' ? 'ids' : locale, preamble, rawEvents });
    const ended = await followJob(started, (id) => api.exportStatus({ id }), setJob);
    if (!ended.ok) setError(ended.error.message);
  };

  return (
    <div className="modal-backdrop" role="presentation" onClick={onClose}>
      <div className="modal" role="dialog" aria-label={t('exportTitle')} data-testid="export-dialog" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2>{t('exportTitle')}</h2>
        <label>
          {t('exportPath')}
          <span className="row">
            <input data-testid="export-path" value={out} onChange={(e) => setOut(e.target.value)} autoFocus />
            {window.pinsight?.chooseSavePath && (
              <button type="button" className="secondary" onClick={() => void window.pinsight!.chooseSavePath!(out).then((p) => p && setOut(p))}>
                {t('browse')}
              </button>
            )}
          </span>
        </label>
        <label>
          {t('exportHeaders')}
          <select data-testid="export-headers" value={headers} onChange={(e) => setHeaders(e.target.value as 'ids' | 'locale')}>
            <option value="ids">{t('headersIds')}</option>
            <option value="locale">{t('headersLocale')}</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" data-testid="export-preamble" checked={preamble} onChange={(e) => setPreamble(e.target.checked)} />
          {t('exportPreamble')}
        </label>
        {state.view === 'overview' && (
          <label className="check">
            <input type="checkbox" data-testid="export-raw" checked={rawEvents} onChange={(e) => setRawEvents(e.target.checked)} />
            {t('exportRawEvents')}
          </label>
        )}
        <div className="row">
          <button type="button" data-testid="export-start" disabled={job?.state === 'running'} onClick={() => void start()}>
            {t('exportStart')}
          </button>
          {job?.state === 'running' && (
            <button type="button" data-testid="export-cancel" onClick={() => void api.cancelExport({ id: job.id })}>
              {t('cancel')}
            </button>
          )}
          <button type="button" className="secondary" onClick={onClose}>
            {t('close')}
          </button>
        </div>
        {job?.state === 'running' && <progress data-testid="export-progress" />}
        {job?.state === 'done' && job.result && (
          <p data-testid="export-done">
            {t('exportDone')} {job.result.rows.toLocaleString()} → {job.result.path}
          </p>
        )}
        {(job?.error || error) && <StatusMessage kind="error" message={job?.error?.message ?? error!} />}
      </div>
    </div>
  );
}
