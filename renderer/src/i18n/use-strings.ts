/** The current locale's strings and number/date formatting. */
import { DIMENSIONS, valueLabel, type DimensionId } from '../../../shared/dimensions';
import { METRICS, type MetricId, type MetricUnit } from '../../../shared/metrics';
import { isStringKey, UI_STRINGS, type Locale, type StringKey } from '../../../shared/ui-strings';
import { useAppStore } from '../store/app-store';

const INTL: Record<Locale, string> = { en: 'en-US', sv: 'sv-SE' };

/** The value kept under `key`, made on first use. */
function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const made = make();
  cache.set(key, made);
  return made;
}
/**
 * Intl formatters, made once per locale and options: making one costs far more than formatting with it, and a
 * chart's axis and tooltips format every day of the range on each change.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormat = (tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat =>
  memo(numberFormats, `${tag}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(tag, options));
const dateFormat = (tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  memo(dateFormats, `${tag}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, options));
/** A number formatter of the UI language (made once for these options). */
export function localeNumberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return numberFormat(INTL[locale], options);
}

export function formatMetricValue(value: number | null | undefined, unit: MetricUnit, locale: Locale): string {
  if (value === null || value === undefined) return '–';
  const tag = INTL[locale];
  switch (unit) {
    case 'ratio':
      return numberFormat(tag, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
    case 'seconds':
      return `${numberFormat(tag, { maximumFractionDigits: 1 }).format(value)} s`;
    case 'minutes':
      return `${numberFormat(tag, { maximumFractionDigits: 1 }).format(value)} min`;
    default:
      return numberFormat(tag, { maximumFractionDigits: 0 }).format(value);
  }
}

export function formatDay(day: string, locale: Locale): string {
  return dateFormat(INTL[locale], { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A moment (ISO time) in the workspace's time zone, with the zone's name: "5 apr. 2024 17:42 CEST". */
export function formatTime(iso: string, locale: Locale, timeZone = 'UTC'): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  const zoned = (tz: string) =>
    `${dateFormat(INTL[locale], { ...options, timeZone: tz }).format(new Date(iso))} ${zoneName(iso, locale, tz)}`;
  try {
    return zoned(timeZone);
  } catch {
    return zoned('UTC');
  }
}

function zoneName(iso: string, locale: Locale, timeZone: string): string {
  const parts = dateFormat(INTL[locale], { timeZone, timeZoneName: 'short' }).formatToParts(new Date(iso));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

export function formatBytes(n: number, locale: Locale): string {
  const [value, unit] = n >= 1e9 ? [n / 1e9, 'gigabyte'] : n >= 1e6 ? [n / 1e6, 'megabyte'] : [n / 1e3, 'kilobyte'];
  return numberFormat(INTL[locale], { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

export function formatDuration(seconds: number, locale: Locale): string {
  const [value, unit] = seconds >= 90 ? [Math.round(seconds / 60), 'minute'] : [Math.max(1, Math.round(seconds)), 'second'];
  return numberFormat(INTL[locale], { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/**
 * The strings and formatters of a language (and a workspace's time zone), made once per pair: their identity
 * stays the same across renders, so an effect that depends on them (the chart's options) runs only when the
 * data or the language changes.
 */
const stringSets = new Map<string, ReturnType<typeof makeStrings>>();

function makeStrings(locale: Locale, timeZone: string | undefined) {
  const strings = UI_STRINGS[locale];
  /** The string `<prefix><code>` for a code the engine gives (an import's kind, an account type), or `fallback`. */
  const coded = (prefix: string, code: string, fallback = code) => {
    const key = `${prefix}${code}`;
    return isStringKey(key) ? strings[key] : fallback;
  };
  return {
    locale,
    t: (key: StringKey) => strings[key],
    metricLabel: (id: MetricId) => METRICS[id].label[locale],
    formatMetric: (id: MetricId, value: number | null | undefined) => formatMetricValue(value, METRICS[id].unit, locale),
    formatDay: (day: string) => formatDay(day, locale),
    coded,
    /** The headline of an engine error, by its code, in the interface's language. */
    errorHeadline: (code: string) => coded('error_', code, strings.errorPrefix),
    formatBytes: (n: number) => formatBytes(n, locale),
    formatDuration: (seconds: number) => formatDuration(seconds, locale),
    /** A moment in the workspace's time zone, named. */
    formatTime: (iso: string) => formatTime(iso, locale, timeZone),
    /** A count as the language writes it (1 491 750 in Swedish). */
    formatCount: (n: number) => numberFormat(INTL[locale], { maximumFractionDigits: 0 }).format(n),
    dimensionLabel: (id: DimensionId) => DIMENSIONS[id].label[locale],
    /** A dimension value's label (organic, mobile, yours, all, unknown, ...); other words as they are. */
    word: (value: string | null | undefined) => (value ? (valueLabel(value, locale) ?? value) : ''),
  };
}

export function useStrings() {
  const locale = useAppStore((s) => s.locale);
  const timeZone = useAppStore((s) => s.workspace?.timeZone);
  return memo(stringSets, `${locale}|${timeZone ?? ''}`, () => makeStrings(locale, timeZone));
}
