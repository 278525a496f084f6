/**
 * Empty, loading and error states. An error from the engine gets a headline in the interface's language (by its
 * code); the engine's own sentence (file, line, column) follows as the detail, marked as English text.
 */
import type { ApiError } from '../../../shared/api';
import { useStrings } from '../i18n/use-strings';

export function StatusMessage({
  kind,
  message,
  detail,
  error,
  onRetry,
}: {
  kind: 'loading' | 'empty' | 'error';
  message?: string;
  detail?: string;
  error?: Pick<ApiError, 'message'> & { code: string };
  onRetry?: () => void;
}) {
  const { t, locale, errorHeadline } = useStrings();
  const retry = onRetry && (
    <button type="button" onClick={onRetry}>
      {t('retry')}
    </button>
  );
  if (error) {
    return (
      <div className="status status-error" role="alert" data-testid="status-error" data-code={error.code}>
        <span>
          <strong>{errorHeadline(error.code)}</strong>
          {message && <>: {message}</>}
          <small className="status-detail" lang="en" title={locale === 'en' ? undefined : t('errorDetail')}>
            {error.message}
          </small>
        </span>
        {retry}
      </div>
    );
  }
  return (
    <div className={`status status-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={`status-${kind}`}>
      {kind === 'error' && <strong>{t('errorPrefix')}: </strong>}
      <span>
        {message}
        {detail && <small className="status-detail">{detail}</small>}
      </span>
      {retry}
    </div>
  );
}
