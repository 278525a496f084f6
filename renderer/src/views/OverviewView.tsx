/** Overview: KPI tiles and a time series of a chosen metric, optionally split. */
import { DIMENSIONS } from '../../../shared/dimensions';
import { splitDimension, SPLITS, type SplitBy } from '../../../shared/filters';
import { METRIC_IDS, type MetricId } from '../../../shared/metrics';
import { GRANULARITIES, type Granularity } from '../../../shared/query';
import { CompareNotice } from '../components/CompareNotice';
import { ExportButton } from '../components/ExportDialog';
import { KpiTiles } from '../components/KpiTiles';
import { Provenance, provenanceSentence } from '../components/Provenance';
import { StatusMessage } from '../components/StatusMessage';
import { TimeSeriesChart } from '../components/TimeSeriesChart';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';
import { ChartDataTable } from '../components/ChartDataTable';
import { bucketSpan } from '../components/buckets';
import { useState } from 'react';

const UNIT = { day: 'dayUnit', week: 'weekUnit', month: 'monthUnit' } as const;

export function OverviewView() {
  const strings = useStrings();
  const { t, metricLabel, locale, formatDay, formatTime } = strings;
  const splitLabel = (s: SplitBy) => {
    const id = splitDimension(s);
    return id ? DIMENSIONS[id].label[locale] : t('none');
  };
  const overview = useAppStore((s) => s.overview);
  const audiencePending = useAppStore((s) => s.audiencePending);
  const comparison = useAppStore((s) => (s.compare.enabled && s.comparison.status === 'ready' ? s.comparison.data : null));
  const theme = useAppStore((s) => s.theme);
  const splitBy = useAppStore((s) => s.splitBy);
  const granularity = useAppStore((s) => s.granularity);
  const chartMetric = useAppStore((s) => s.chartMetric);
  const { setSplitBy, setGranularity, setChartMetric, refresh } = useAppStore.getState();
  const [asTable, setAsTable] = useState(false);

  const data = overview.status === 'ready' ? overview.data : overview.status === 'loading' ? overview.previous : undefined;
  if (overview.status === 'error') return <StatusMessage kind="error" error={overview.error} onRetry={refresh} />;
  if (!data) return <StatusMessage kind="loading" message={t('loading')} />;
  if (data.provenance.kind === 'none') {
    if (data.provenance.reason === 'noEventData') return <StatusMessage kind="empty" message={t('noWorkspaceData')} />;
    return <StatusMessage kind="empty" message={provenanceSentence(data.provenance, strings)} detail={data.provenance.detail} />;
  }

  return (
    <section className="view overview" aria-busy={overview.status === 'loading'}>
      <div className="view-toolbar">
        <ExportButton />
      </div>
      {comparison && <CompareNotice coverage={comparison.coverage} />}
      {data?.provisionalDays && (
        <p className="status status-warning" role="status" data-testid="provisional-days">
          {t('provisionalDays')
            .replace('{count}', String(data.provisionalDays.length))
            .replace('{days}', data.provisionalDays.map(formatDay).join(', '))}
        </p>
      )}
      {data.lastDayEndsAt && (
        <p className="status status-warning" role="status" data-testid="last-day-partial">
          {t('lastDayPartial').replace('{time}', formatTime(data.lastDayEndsAt.at))}
          {comparison && comparison.coverage.b.covered > 0 && ` ${t('lastDayPartialCompare')}`}
        </p>
      )}
      <KpiTiles totals={data.totals} loading={overview.status === 'loading'} audiencePending={audiencePending} comparison={comparison} />
      <div className="chart-card">
        <div className="chart-controls">
          <label>
            {t('metric')}
            <select data-testid="chart-metric" value={chartMetric} onChange={(e) => setChartMetric(e.target.value as MetricId)}>
              {METRIC_IDS.map((id) => (
                <option key={id} value={id}>
                  {metricLabel(id)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('splitBy')}
            <select data-testid="split-by" value={splitBy} onChange={(e) => setSplitBy(e.target.value as SplitBy)}>
              {SPLITS.map((s) => (
                <option key={s} value={s}>
                  {splitLabel(s)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="chart-toggle"
            data-testid="chart-as-table"
            aria-pressed={asTable}
            onClick={() => setAsTable(!asTable)}
          >
            {asTable ? t('chartShowChart') : t('chartTable')}
          </button>
          <label>
            {t('granularity')}
            <select data-testid="granularity" value={granularity} onChange={(e) => setGranularity(e.target.value as Granularity)}>
              {GRANULARITIES.map((g) => (
                <option key={g} value={g}>
                  {t(g)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {asTable ? (
          <ChartDataTable
            series={data.series}
            metric={chartMetric}
            granularity={data.granularity}
            range={data.range}
            compareSeries={comparison?.b.series}
            compareCoverage={comparison?.coverage.b}
            compareRange={comparison?.b.range}
          />
        ) : (
          <TimeSeriesChart
            series={data.series}
            metric={chartMetric}
            theme={theme}
            compareSeries={comparison?.b.series}
            compareCoverage={comparison?.coverage.b}
            granularity={data.granularity}
            range={data.range}
          />
        )}
        {data.series.some((p) => bucketSpan(p.date, data.granularity, data.range).partial) && (
          <p className="muted chart-note" data-testid="partial-note">
            {t('partialNote').replace('{interval}', t(UNIT[data.granularity]))}
          </p>
        )}
      </div>
      <Provenance provenance={data.provenance} coverage={data.coverage} />
    </section>
  );
}
