import { AUDIENCE_METRICS, OVERVIEW_KPIS, type MetricId } from '../../../shared/metrics';
import type { CompareResult } from '../../../shared/results';
import type { MetricValues } from '../../../shared/results';
import { useStrings } from '../i18n/use-strings';

export function KpiTiles({
  totals,
  metrics = OVERVIEW_KPIS,
  loading,
  audiencePending,
  comparison,
}: {
  totals: MetricValues | null;
  metrics?: readonly MetricId[];
  loading?: boolean;
  audiencePending?: boolean;
  /** Range B and the change, when comparing. */
  comparison?: CompareResult | null;
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
            {comparison && <CompareLine id={id} comparison={comparison} />}
          </div>
        );
      })}
    </div>
  );
}

function CompareLine({ id, comparison }: { id: MetricId; comparison: CompareResult }) {
  const { t, formatMetric, locale } = useStrings();
  const b = comparison.b.totals[id];
  const d = comparison.delta[id];
  if (comparison.bHasNoData || b === null) {
    return (
      <div className="kpi-compare nodata" data-testid={`kpi-b-${id}`} data-value="">
        B: {t('noDataB')}
      </div>
    );
  }
  const pct = d.pct === null ? '' : ` (${d.pct >= 0 ? '+' : ''}${new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-US', { style: 'percent', maximumFractionDigits: 1 }).format(d.pct)})`;
  const sign = d.abs !== null && d.abs > 0 ? 'up' : d.abs !== null && d.abs < 0 ? 'down' : 'flat';
  return (
    <div className={`kpi-compare ${sign}`} data-testid={`kpi-b-${id}`} data-value={b} data-change={d.abs ?? ''} data-pct={d.pct ?? ''}>
      B: {formatMetric(id, b)} · {d.abs !== null && d.abs > 0 ? '▲' : d.abs !== null && d.abs < 0 ? '▼' : '='} {formatMetric(id, d.abs === null ? null : Math.abs(d.abs))}
      {pct}
    </div>
  );
}
