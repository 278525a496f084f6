/** Empty, loading and error states. */
import { useStrings } from '../i18n/use-strings';

export function StatusMessage({
  kind,
  message,
  detail,
  onRetry,
}: {
  kind: 'loading' | 'empty' | 'error';
  message: string;
  detail?: string;
  onRetry?: () => void;
}) {
  const { t } = useStrings();
  return (
    <div className={`status status-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={`status-${kind}`}>
      {kind === 'error' && <strong>{t('errorPrefix')}: </strong>}
      <span>
        {message}
        {detail && <small className="status-detail">{detail}</small>}
      </span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
