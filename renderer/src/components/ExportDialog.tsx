/**
 * Export the view on screen with its filters: CSV or Parquet, headers as ids or in the UI language, progress and
 * cancel. In the browser the file arrives as a download (the analyst names it, the server never writes a path of
 * theirs); in the desktop app it goes where the native save dialog says.
 */
import { analyticsLayoutProblem } from '../../../shared/analytics-layout';
import { useCallback, useEffect, useRef, useState } from 'react';
import { OPEN_EXPORT_EVENT } from '../store/menu-commands';
import type { ExportJobStatus, ExportSummary } from '../../../shared/results';
import { followJob } from '../api/follow-job';
import { api } from '../api/transport';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';
import { screenSpec } from '../store/views-slice';
import { StatusMessage } from './StatusMessage';
import { useFocusTrap } from './use-focus-trap';

export function ExportButton() {
  const { t } = useStrings();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  // File > Export View… in the desktop app's menu.
  useEffect(() => {
    const onOpen = () => setOpen(true);
    window.addEventListener(OPEN_EXPORT_EVENT, onOpen);
    return () => window.removeEventListener(OPEN_EXPORT_EVENT, onOpen);
  }, []);
  return (
    <>
      <button type="button" className="secondary" data-testid="export-open" onClick={() => setOpen(true)}>
        {t('exportCsv')}
      </button>
      {open && <ExportDialog onClose={close} />}
    </>
  );
}

type Format = 'csv' | 'parquet';
const withExtension = (name: string, format: Format) => `${name.replace(/\.(csv|txt|parquet)$/i, '')}.${format}`;

/** Hands a finished export to the browser's download manager (streamed from the server, never held here). */
function startDownload(result: ExportSummary): void {
  if (!result.download) return;
  const a = document.createElement('a');
  a.href = result.download;
  a.download = result.path;
  document.body.append(a);
  a.click();
  a.remove();
}

/** Why the analytics lines cannot go with this overview, in the interface's words. */
const PREAMBLE_PROBLEM = { split: 'exportPreambleSplit', interval: 'exportPreambleInterval' } as const;

function ExportDialog({ onClose }: { onClose: () => void }) {
  const { t, locale } = useStrings();
  const state = useAppStore.getState();
  const desktop = Boolean(window.pinsight?.chooseSavePath);
  const suggested = `pinsight-${state.view}-${state.filters.from ?? ''}-${state.filters.to ?? ''}`.replace(/-+$/, '');
  const [format, setFormat] = useState<Format>('csv');
  const [name, setName] = useState(`${suggested}.csv`);
  const [chosenPath, setChosenPath] = useState<string | null>(null);
  const [headers, setHeaders] = useState<'ids' | 'locale'>('ids');
  const [preamble, setPreamble] = useState(false);
  const [rawEvents, setRawEvents] = useState(false);
  const [job, setJob] = useState<ExportJobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useFocusTrap(dialog, onClose);

  const choosePath = async (): Promise<string | null> => {
    const chooseSavePath = window.pinsight?.chooseSavePath;
    if (!chooseSavePath) return null;
    const picked = await chooseSavePath(chosenPath ?? withExtension(name, format));
    if (picked) {
      setChosenPath(picked);
      setFormat(/\.parquet$/i.test(picked) ? 'parquet' : 'csv');
    }
    return picked;
  };

  // What the analytics layout cannot hold (the engine refuses it too): said before Export, not after.
  const problem =
    state.view === 'overview' && !rawEvents
      ? analyticsLayoutProblem({ split: state.splitBy !== 'none', granularity: state.granularity })
      : null;
  const preambleBlocked = problem && PREAMBLE_PROBLEM[problem];
  const withPreamble = preamble && format === 'csv' && !preambleBlocked;

  const start = async () => {
    setError(null);
    const out = desktop ? (chosenPath ?? (await choosePath())) : withExtension(name, format);
    if (!out) return;
    const outFormat: Format = desktop ? (/\.parquet$/i.test(out) ? 'parquet' : 'csv') : format;
    const started = await api.startExport({
      spec: screenSpec(useAppStore.getState()),
      out,
      format: outFormat,
      headers: headers === 'ids' ? 'ids' : locale,
      preamble: preamble && outFormat === 'csv' && !preambleBlocked,
      rawEvents,
    });
    const ended = await followJob(started, (id) => api.exportStatus({ id }), setJob);
    if (!ended.ok) setError(ended.error.message);
    else if (ended.last.state === 'done' && ended.last.result) startDownload(ended.last.result);
  };

  return (
    <div className="modal-backdrop" role="presentation" onClick={onClose}>
      <div
        ref={dialog}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-title"
        data-testid="export-dialog"
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="export-title">{t('exportTitle')}</h2>
        {desktop ? (
          <label>
            {t('exportPath')}
            <span className="row">
              <input data-testid="export-path" value={chosenPath ?? ''} placeholder={t('exportChooseFirst')} readOnly />
              <button type="button" className="secondary" data-testid="export-browse" onClick={() => void choosePath()} autoFocus>
                {t('browse')}
              </button>
            </span>
          </label>
        ) : (
          <>
            <label>
              {t('exportFileName')}
              <input
                data-testid="export-name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                onBlur={() => setName(withExtension(name, format))}
                autoFocus
              />
            </label>
            <label>
              {t('exportFormat')}
              <select
                data-testid="export-format"
                value={format}
                onChange={(e) => {
                  const next = e.target.value as Format;
                  setFormat(next);
                  setName(withExtension(name, next));
                }}
              >
                <option value="csv">CSV</option>
                <option value="parquet">Parquet</option>
              </select>
            </label>
          </>
        )}
        <label>
          {t('exportHeaders')}
          <select data-testid="export-headers" value={headers} onChange={(e) => setHeaders(e.target.value as 'ids' | 'locale')}>
            <option value="ids">{t('headersIds')}</option>
            <option value="locale">{t('headersLocale')}</option>
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            data-testid="export-preamble"
            checked={withPreamble}
            disabled={format !== 'csv' || preambleBlocked !== null}
            aria-describedby={preambleBlocked ? 'export-preamble-blocked' : undefined}
            onChange={(e) => setPreamble(e.target.checked)}
          />
          {t('exportPreamble')}
        </label>
        {preambleBlocked && format === 'csv' && (
          <p className="muted" id="export-preamble-blocked" data-testid="export-preamble-blocked">
            {t(preambleBlocked)}
          </p>
        )}
        {withPreamble && state.compare.enabled && (
          <p className="muted" data-testid="export-preamble-note">
            {t('exportPreambleCompare')}
          </p>
        )}
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
            {job.result.download ? t('exportDownloaded') : t('exportDone')}:{' '}
            {job.result.rows.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-US')} {t('exportRows')} → {job.result.path}
          </p>
        )}
        {job?.state === 'cancelled' && (
          <p role="status" data-testid="export-cancelled">
            {t('exportCancelled')}
          </p>
        )}
        {job?.state !== 'cancelled' && job?.error?.code === 'not-found' ? (
          <p role="status" data-testid="export-nothing">
            <strong>{t('exportNothing')}:</strong> {job.error.message}
          </p>
        ) : (
          job?.state !== 'cancelled' && (job?.error || error) && <StatusMessage kind="error" message={job?.error?.message ?? error ?? ''} />
        )}
      </div>
    </div>
  );
}
