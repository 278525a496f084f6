/** Opens "How this is counted" for a figure: on every KPI tile, top list and the Pin panel. */
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';
import type { ReconcileFigure } from '../store/reconcile-slice';

export function HowCountedButton({
  figure,
  pinId,
  compact,
  testId,
}: {
  figure: ReconcileFigure;
  pinId?: string;
  compact?: boolean;
  testId: string;
}) {
  const { t, metricLabel } = useStrings();
  const openReconcile = useAppStore((s) => s.openReconcile);
  const name = t('howCountedFor').replace('{metric}', figure === 'events' ? t('allEvents') : metricLabel(figure));
  return (
    <button
      type="button"
      className={compact ? 'how-counted compact' : 'how-counted'}
      data-testid={testId}
      aria-label={compact ? name : undefined}
      title={name}
      onClick={() => openReconcile(figure, pinId ?? null)}
    >
      {compact ? '?' : t('howCounted')}
    </button>
  );
}
