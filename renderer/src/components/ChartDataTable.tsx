/** The chart's numbers as a table: the same series, one row per day/week/month, one column per split value. */
import type { MetricId } from '../../../shared/metrics';
import type { Granularity } from '../../../shared/query';
import type { SeriesPoint } from '../../../shared/results';
import { useStrings } from '../i18n/use-strings';
import { bucketSpan, spanDays } from './buckets';

const capitalized = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
const UNIT = { day: 'dayUnit', week: 'weekUnit', month: 'monthUnit' } as const;

export function ChartDataTable({
  series,
  metric,
  granularity,
  range,
}: {
  series: SeriesPoint[];
  metric: MetricId;
  granularity: Granularity;
  range: { from: string; to: string };
}) {
  const { t, metricLabel, formatMetric, formatDay, word } = useStrings();
  const dates = [...new Set(series.map((p) => p.date))];
  const splits = [...new Set(series.map((p) => p.split))];
  const byKey = new Map(series.map((p) => [`${p.date}|${p.split ?? ''}`, p]));
  const caption = t('chartTableCaption').replace('{metric}', metricLabel(metric)).replace('{interval}', t(UNIT[granularity]));
  return (
    <div className="chart-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="chart-table" data-testid="chart-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{capitalized(t(UNIT[granularity]))}</th>
            {splits.map((s) => (
              <th scope="col" className="num" key={s ?? ''}>
                {s === null ? metricLabel(metric) : word(s)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dates.map((d) => {
            const span = bucketSpan(d, granularity, range);
            return (
              <tr key={d}>
                <th scope="row">
                  {formatDay(d)}
                  {span.partial && <span className="muted">* ({t('partialBucket').replace('{days}', spanDays(span, formatDay))})</span>}
                </th>
                {splits.map((s) => (
                  <td className="num" key={s ?? ''}>
                    {formatMetric(metric, byKey.get(`${d}|${s ?? ''}`)?.[metric] ?? null)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
