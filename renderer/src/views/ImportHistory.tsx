/** The import history, newest first, with "Remove…" to take an import back out (after an inline confirmation). */
import { useState } from 'react';
import type { ImportRecord } from '../../../shared/results';
import { StatusMessage } from '../components/StatusMessage';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';

export function ImportHistory() {
  const { t, formatCount, formatTime, coded } = useStrings();
  const history = useAppStore((s) => s.history);
  const removal = useAppStore((s) => s.removal);
  const removeImport = useAppStore((s) => s.removeImport);
  const [confirming, setConfirming] = useState<number | null>(null);
  const name = (h: ImportRecord) => h.file.split(/[\\/]/).pop() ?? h.file;
  return (
    <>
      <h3>{t('history')}</h3>
      {removal?.ok === false && <StatusMessage kind="error" error={removal.error} />}
      {removal?.ok && (
        <p className="status" role="status" data-testid="import-removed">
          {t('importRemoved').replace('{file}', name(removal.value.removed))}
        </p>
      )}
      <ul className="history" data-testid="import-history">
        {/* Newest first. */}
        {[...history].reverse().map((h) => (
          <li key={h.id} data-testid={`import-${h.id}`}>
            <span>
              <time dateTime={h.importedAt}>{formatTime(h.importedAt)}</time> · {name(h)} · {coded('kind_', h.kind)} ·{' '}
              {h.rows === 1 ? t('historyRowOne') : t('historyRows').replace('{rows}', formatCount(h.rows))}
              {h.rejected > 0 && (
                <span data-testid={`import-rejected-${h.id}`}> · {t('historyRejected').replace('{count}', formatCount(h.rejected))}</span>
              )}
            </span>
            {confirming === h.id ? (
              <span className="confirm" role="group" aria-label={t('removeImport')}>
                <span>{t('removeConfirm').replace('{file}', name(h)).replace('{rows}', formatCount(h.rows))}</span>
                <button
                  type="button"
                  className="danger"
                  data-testid={`import-remove-yes-${h.id}`}
                  onClick={() => {
                    setConfirming(null);
                    void removeImport(h.id);
                  }}
                >
                  {t('removeYes')}
                </button>
                <button type="button" data-testid={`import-remove-no-${h.id}`} autoFocus onClick={() => setConfirming(null)}>
                  {t('removeNo')}
                </button>
              </span>
            ) : (
              <button type="button" data-testid={`import-remove-${h.id}`} onClick={() => setConfirming(h.id)}>
                {t('removeImport')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
