/** The current locale's strings and number/date formatting. */
import { DIMENSIONS, valueLabel, type DimensionId } from '../../../shared/dimensions';
import { METRICS, type MetricId, type MetricUnit } from '../../../shared/metrics';
import { UI_STRINGS, type Locale, type StringKey } from '../../../shared/ui-strings';
import { useAppStore } from '../store/app-store';

const INTL: Record<Locale, string> = { en: 'en-US', sv: 'sv-SE' };

export function formatMetricValue(value: number | null | undefined, unit: MetricUnit, locale: Locale): string {
  if (value === null || value === undefined) return '–';
  const tag = INTL[locale];
  switch (unit) {
    case 'ratio':
      return new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
    case 'seconds':
      return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(value)} s`;
    case 'minutes':
      return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(value)} min`;
    default:
      return new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(value);
  }
}

export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL[locale], { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

export function useStrings() {
  const locale = useAppStore((s) => s.locale);
  const strings = UI_STRINGS[locale];
  return {
    locale,
    t: (key: StringKey) => strings[key],
    metricLabel: (id: MetricId) => METRICS[id].label[locale],
    formatMetric: (id: MetricId, value: number | null | undefined) => formatMetricValue(value, METRICS[id].unit, locale),
    formatDay: (day: string) => formatDay(day, locale),
    dimensionLabel: (id: DimensionId) => DIMENSIONS[id].label[locale],
    /** A dimension value's label (organic, mobile, yours, all, unknown, ...); other words as they are. */
    word: (value: string | null | undefined) => (value ? (valueLabel(value, locale) ?? value) : ''),
  };
}
