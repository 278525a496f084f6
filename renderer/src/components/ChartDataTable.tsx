/**
 * The chart's numbers as a table: the same series, one row per day/week/month, one column per split value; when
 * comparing, range B beside it as the chart draws it (B's n-th day on A's n-th row, its days without data empty).
 */
import type { MetricId } from '../../../shared/metrics';
import type { Granularity } from '../../../shared/query';
import type { Coverage, SeriesPoint } from '../../../shared/results';
import { useStrings } from '../i18n/use-strings';
import { bucketSpan, spanDays } from './buckets';
import { alignB } from './range-b';

const capitalized = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
const UNIT = { day: 'dayUnit', week: 'weekUnit', month: 'monthUnit' } as const;

export function ChartDataTable({
  series,
  metric,
  granularity,
  range,
  compareSeries,
  compareCoverage,
  compareRange,
}: {
  series: SeriesPoint[];
  metric: MetricId;
  granularity: Granularity;
  range: { from: string; to: string };
  compareSeries?: SeriesPoint[];
  compareCoverage?: Coverage;
  /** Range B, to mark its weeks and months that B cuts (with *, as A's). */
  compareRange?: { from: string; to: string };
}) {
  const { t, metricLabel, formatMetric, formatDay, word } = useStrings();
  const dates = [...new Set(series.map((p) => p.date))];
  const splits = [...new Set(series.map((p) => p.split))];
  const byKey = new Map(series.map((p) => [`${p.date}|${p.split ?? ''}`, p]));
  const aligned = alignB(compareSeries, compareCoverage, granularity);
  const bDates = aligned?.dates ?? null;
  const splitName = (s: string | null) => (s === null ? metricLabel(metric) : word(s));
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
                {splitName(s)}
              </th>
            ))}
            {bDates && <th scope="col">{`${capitalized(t(UNIT[granularity]))} (B)`}</th>}
            {bDates &&
              splits.map((s) => (
                <th scope="col" className="num" key={`b|${s ?? ''}`}>
                  {`${splitName(s)} (B)`}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>
          {dates.map((d, i) => {
            const span = bucketSpan(d, granularity, range);
            const b = bDates?.[i];
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
                {bDates && (
                  <td>{b ? `${formatDay(b)}${compareRange && bucketSpan(b, granularity, compareRange).partial ? '*' : ''}` : '–'}</td>
                )}
                {bDates &&
                  splits.map((s) => (
                    <td className="num" key={`b|${s ?? ''}`} data-testid={s === null ? `chart-table-b-${i}` : undefined}>
                      {formatMetric(metric, aligned?.point(i, s)?.[metric] ?? null)}
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
