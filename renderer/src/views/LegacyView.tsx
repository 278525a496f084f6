/** The legacy (pre-2019) history, clearly labelled and kept apart from today's views. */
import { METRICS, isMetricId } from '../../../shared/metrics';
import { ExportButton } from '../components/ExportDialog';
import { Provenance, provenanceText } from '../components/Provenance';
import { StatusMessage } from '../components/StatusMessage';
import { TimeSeriesChart } from '../components/TimeSeriesChart';
import { VirtualTable } from '../components/VirtualTable';
import { localeNumberFormat, useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';

const LEGACY_LABELS: Record<string, { en: string; sv: string }> = {
  daily_viewers: { en: 'Daily viewers', sv: 'Dagliga tittare' },
  monthly_viewers: { en: 'Monthly viewers', sv: 'Månatliga tittare' },
  daily_engaged: { en: 'Daily engaged', sv: 'Dagligen engagerade' },
  monthly_engaged: { en: 'Monthly engaged', sv: 'Månatligen engagerade' },
};

export function LegacyView() {
  const strings = useStrings();
  const { t, locale, formatDay } = strings;
  const legacy = useAppStore((s) => s.legacy);
  const theme = useAppStore((s) => s.theme);
  const granularity = useAppStore((s) => s.granularity);
  const { refresh } = useAppStore.getState();
  if (legacy.status === 'error') return <StatusMessage kind="error" error={legacy.error} onRetry={refresh} />;
  const data = legacy.status === 'ready' ? legacy.data : legacy.status === 'loading' ? legacy.previous : undefined;
  const label = (m: string) => (isMetricId(m) ? METRICS[m].label[locale] : (LEGACY_LABELS[m]?.[locale] ?? m));
  const number = (v: unknown) => (typeof v === 'number' ? localeNumberFormat(locale).format(v) : '–');
  return (
    <section className="view legacy">
      <div className="legacy-banner" data-testid="legacy-banner">
        <h2>{t('legacyTitle')}</h2>
        <p>{t('legacyNote')}</p>
        <ExportButton />
      </div>
      {!data ? (
        <StatusMessage kind="loading" message={t('loading')} />
      ) : data.provenance.kind === 'none' ? (
        <StatusMessage kind="empty" message={provenanceText(data.provenance, strings)} />
      ) : (
        <>
          <div className="kpi-tiles">
            {data.metrics.map((m) => (
              <div key={m} className="kpi-tile" data-testid={`legacy-${m}`} data-value={data.totals[m] ?? ''}>
                <div className="kpi-label">{label(m)}</div>
                <div className="kpi-value">{number(data.totals[m])}</div>
              </div>
            ))}
          </div>
          {data.metrics.includes('impressions') && (
            <div className="chart-card">
              <TimeSeriesChart
                series={data.series.map((p) => ({ ...p, split: null }))}
                metric="impressions"
                theme={theme}
                granularity={granularity}
                range={data.range}
              />
            </div>
          )}
          <VirtualTable
            label={t('legacyTitle')}
            columns={[
              { key: 'date', label: t('day'), render: (r) => formatDay(String(r.date)) },
              ...data.metrics.map((m) => ({
                key: m,
                label: label(m),
                numeric: true,
                render: (r: (typeof data.series)[number]) => number(r[m]),
              })),
            ]}
            rows={data.series}
          />
          <Provenance provenance={data.provenance} />
        </>
      )}
    </section>
  );
}
