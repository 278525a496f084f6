/** A running import: bytes read of all files, rows of the finished files, the file being read, a time estimate. */
import type { ImportJobStatus } from '../../../shared/results';
import { useStrings } from '../i18n/use-strings';
import type { Locale } from '../../../shared/ui-strings';

const INTL: Record<Locale, string> = { en: 'en-US', sv: 'sv-SE' };

export function formatBytes(n: number, locale: Locale): string {
  const [value, unit] = n >= 1e9 ? [n / 1e9, 'gigabyte'] : n >= 1e6 ? [n / 1e6, 'megabyte'] : [n / 1e3, 'kilobyte'];
  return new Intl.NumberFormat(INTL[locale], { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

export function formatDuration(seconds: number, locale: Locale): string {
  const [value, unit] = seconds >= 90 ? [Math.round(seconds / 60), 'minute'] : [Math.max(1, Math.round(seconds)), 'second'];
  return new Intl.NumberFormat(INTL[locale], { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

export function ImportProgress({ job, onCancel }: { job: ImportJobStatus; onCancel: () => void }) {
  const { t, locale, formatCount } = useStrings();
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
          {t('importProgress')
            .replace('{done}', formatBytes(job.bytesDone, locale))
            .replace('{total}', formatBytes(job.bytesTotal, locale))}
          {' · '}
          {t('importRowsSoFar').replace('{rows}', formatCount(job.rowsDone))}
          {eta !== null && ` · ${t('importEta').replace('{time}', formatDuration(eta, locale))}`}
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
