import { AUDIENCE_METRICS, METRICS, OVERVIEW_KPIS, type MetricId } from '../../../shared/metrics';
import type { CompareResult } from '../../../shared/results';
import type { MetricValues } from '../../../shared/results';
import { localeNumberFormat, useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';
import { HowCountedButton } from './HowCountedButton';

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
            <div className="kpi-head">
              <div className="kpi-label">{metricLabel(id)}</div>
              <HowCountedButton figure={id} compact testId={`kpi-how-${id}`} />
            </div>
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
  const perDay = useAppStore((s) => s.compare.perDay);
  const rate = METRICS[id].unit === 'ratio';
  const b = perDay ? comparison.perDay.b[id] : comparison.b.totals[id];
  const d = perDay ? comparison.perDay.delta[id] : comparison.delta[id];
  if (comparison.bHasNoData || comparison.b.totals[id] === null) {
    return (
      <div className="kpi-compare nodata" data-testid={`kpi-b-${id}`} data-value="">
        B: {t('noDataB')}
      </div>
    );
  }
  if (perDay && b === null) {
    // Distinct audiences cannot be averaged per day.
    return (
      <div className="kpi-compare nodata" data-testid={`kpi-b-${id}`} data-value="" data-per-day="true">
        B: {formatMetric(id, comparison.b.totals[id])} · {t('notComparableShort')}
      </div>
    );
  }
  const number = (v: number, digits: number) =>
    localeNumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v);
  const suffix = perDay && !rate && METRICS[id].formula.kind !== 'ratio' ? t('perDaySuffix') : '';
  // Averages per day keep a decimal (2.4/day, not 2/day); A's own average is said beside B's, in the same unit.
  const shown = (v: number | null) => (suffix && v !== null && METRICS[id].unit === 'count' ? number(v, 1) : formatMetric(id, v));
  // A change with its sign: one minus sign in both languages (English's percent format would write a hyphen).
  const signed = (v: number, format: (abs: number) => string) => `${v >= 0 ? '+' : '−'}${format(Math.abs(v))}`;
  // Rates change in percentage points (a change that rounds to 0.0 is none); the rest by amount and in percent.
  const ppNone = rate && d.pp !== null && d.pp !== undefined && Math.abs(d.pp) < 0.05;
  const change = rate
    ? d.pp === null || d.pp === undefined
      ? ''
      : ppNone
        ? `= ${number(0, 1)} ${t('pp')}`
        : `${signed(d.pp, (v) => number(v, 1))} ${t('pp')}`
    : `${d.abs !== null && d.abs > 0 ? '▲' : d.abs !== null && d.abs < 0 ? '▼' : '='} ${shown(d.abs === null ? null : Math.abs(d.abs))}${suffix}${
        d.pct === null
          ? ''
          : ` (${signed(d.pct, (v) => localeNumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v))})`
      }`;
  // Totals of ranges that are not fully covered, or of unequal length, do not compare as they are.
  const comparable = perDay || (comparison.comparable && comparison.equalLengths);
  const sign = !comparable || ppNone ? 'flat' : d.abs !== null && d.abs > 0 ? 'up' : d.abs !== null && d.abs < 0 ? 'down' : 'flat';
  return (
    <div
      className={`kpi-compare ${sign}${comparable ? '' : ' not-comparable'}`}
      data-testid={`kpi-b-${id}`}
      data-value={b ?? ''}
      data-change={d.abs ?? ''}
      data-pct={rate ? '' : (d.pct ?? '')}
      data-pp={rate ? (d.pp ?? '') : ''}
      data-comparable={comparable}
      data-per-day={perDay}
    >
      {/* A line breaks between its parts, never inside "B: 757.7/day" or "▲ 186.9/day (+24.7%)". */}
      {suffix && (
        <>
          <span className="nowrap" data-testid={`kpi-a-per-day-${id}`}>
            A: {shown(comparison.perDay.a[id])}
            {suffix} ·
          </span>{' '}
        </>
      )}
      <span className="nowrap">
        B: {shown(b)}
        {suffix} ·
      </span>{' '}
      <span className="nowrap">{change}</span>
      {!comparable && <span className="badge"> {t('notComparableShort')}</span>}
    </div>
  );
}
