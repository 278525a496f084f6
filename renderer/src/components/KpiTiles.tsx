import { OVERVIEW_KPIS, type MetricId } from '../../../shared/metrics';
import type { MetricValues } from '../../../shared/results';
import { useStrings } from '../i18n/use-strings';

export function KpiTiles({ totals, metrics = OVERVIEW_KPIS, loading }: { totals: MetricValues | null; metrics?: readonly MetricId[]; loading?: boolean }) {
  const { metricLabel, formatMetric } = useStrings();
  return (
    <div className="kpi-tiles" aria-busy={loading}>
      {metrics.map((id) => {
        const value = totals?.[id] ?? null;
        return (
          <div key={id} className="kpi-tile" data-testid={`kpi-${id}`} data-value={value === null ? '' : String(value)}>
            <div className="kpi-label">{metricLabel(id)}</div>
            <div className="kpi-value">{totals ? formatMetric(id, value) : '…'}</div>
          </div>
        );
      })}
    </div>
  );
}
