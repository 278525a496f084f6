/** A running import: bytes read of all files, rows of the finished files, the file being read, a time estimate. */
import type { ImportJobStatus } from '../../../shared/results';
import { useStrings } from '../i18n/use-strings';

export function ImportProgress({ job, onCancel }: { job: ImportJobStatus; onCancel: () => void }) {
  const { t, formatCount, formatBytes, formatDuration } = useStrings();
  const fraction = job.bytesTotal > 0 ? job.bytesDone / job.bytesTotal : 0;
  const eta = job.phase === 'reading' ? job.etaSeconds : null;
  const name = job.currentFile?.split(/[\\/]/).pop() ?? '';
  return (
    <div className="import-progress" data-testid="import-progress">
      <progress max={1} value={job.phase === 'deriving' ? 1 : fraction} aria-label={t('importing')} />
      <span data-testid="import-progress-text">
        {job.phase === 'deriving'
          ? t('deriving')
          : `${t('importing')} ${name} (${t('importFileOf')
              .replace('{n}', String(Math.min(job.fileIndex + 1, job.fileCount)))
              .replace('{count}', String(job.fileCount))})`}
      </span>
      {job.bytesTotal > 0 && (
        <span className="muted" data-testid="import-progress-bytes">
          {t('importProgress').replace('{done}', formatBytes(job.bytesDone)).replace('{total}', formatBytes(job.bytesTotal))}
          {' · '}
          {t('importRowsSoFar').replace('{rows}', formatCount(job.rowsDone))}
          {eta !== null && ` · ${t('importEta').replace('{time}', formatDuration(eta))}`}
        </span>
      )}
      <div>
        <button type="button" data-testid="import-cancel" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
