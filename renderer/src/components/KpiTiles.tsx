import { AUDIENCE_METRICS, OVERVIEW_KPIS, type MetricId } from '../../../shared/metrics';
import type { MetricValues } from '../../../shared/results';
import { useStrings } from '../i18n/use-strings';

export function KpiTiles({
  totals,
  metrics = OVERVIEW_KPIS,
  loading,
  audiencePending,
}: {
  totals: MetricValues | null;
  metrics?: readonly MetricId[];
  loading?: boolean;
  audiencePending?: boolean;
}) {
  const { t, metricLabel, formatMetric } = useStrings();
  return (
    <div className="kpi-tiles" aria-busy={loading}>
      {metrics.map((id) => {
        const pending = audiencePending && AUDIENCE_METRICS.includes(id);
        const value = pending ? null : (totals?.[id] ?? null);
        return (
          <div key={id} className="kpi-tile" data-testid={`kpi-${id}`} data-value={value === null ? '' : String(value)} aria-busy={pending}>
            <div className="kpi-label">{metricLabel(id)}</div>
            <div className="kpi-value">{totals && !pending ? formatMetric(id, value) : '…'}</div>
            {pending && <div className="kpi-note">{t('audiencePending')}</div>}
          </div>
        );
      })}
    </div>
  );
}
