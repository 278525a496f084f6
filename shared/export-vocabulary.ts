/**
 * The vocabulary of Pinterest Analytics CSV exports, one entry per language: preamble keys, section titles,
 * column headers, filter values and the Total row. Adding a language is adding one entry here.
 * Swedish follows the words of Pinterest's Swedish help text (Visningar, Händelser, Närbilder, ...).
 */
import { ALL_LABEL, DIMENSION_IDS, DIMENSIONS, type DimensionDef, type DimensionId } from './dimensions';
import type { MetricId } from './metrics';

export type ExportLanguage = 'en' | 'sv';

/** A marker row of a snapshot's day: its numbers were not final when saved (an API response not READY). */
export const PROVISIONAL_METRIC = '_provisional' as const;

export type PreambleKey = 'report' | 'dateRange' | 'accounts' | DimensionId;
export type SectionKind = 'daily' | 'topBoards' | 'topPins' | 'topVideoPins';
export type LabelColumn = 'date' | 'pin_id' | 'title' | 'board';
/** Metrics of the legacy (pre-2019) analytics that have no counterpart today; kept as they are. */
export const LEGACY_ONLY_METRICS = ['daily_viewers', 'monthly_viewers', 'daily_engaged', 'monthly_engaged'] as const;
export type LegacyOnlyMetric = (typeof LEGACY_ONLY_METRICS)[number];
export type ExportColumn = LabelColumn | MetricId;

export interface LanguageVocabulary {
  /** Decimal mark in numbers (the grouping mark is the other one, or a space). */
  decimal: '.' | ',';
  preamble: Record<PreambleKey, readonly string[]>;
  sections: Record<SectionKind, readonly string[]>;
  columns: Partial<Record<ExportColumn, readonly string[]>>;
  /** Legacy headers: mapped to today's metric where the meaning matches, or kept under a legacy id. */
  legacyColumns: Record<string, MetricId | LegacyOnlyMetric>;
  values: Record<string, readonly string[]>;
  total: readonly string[];
  /** Report names that mark a legacy (pre-2019) export. */
  legacyReports: readonly string[];
}

/** The preamble names of the registry's dimensions, in one export language. */
function dimensionPreamble(language: ExportLanguage): Record<DimensionId, readonly string[]> {
  return Object.fromEntries(DIMENSION_IDS.map((id) => [id, DIMENSIONS[id].exportKey[language]])) as Record<DimensionId, readonly string[]>;
}

/** The words for 'all' and every dimension value: the interface label first, then the exports' other spellings. */
function dimensionValues(language: ExportLanguage): Record<string, readonly string[]> {
  const values: Record<string, readonly string[]> = { all: [ALL_LABEL[language]] };
  for (const id of DIMENSION_IDS) {
    const dimension: DimensionDef = DIMENSIONS[id];
    for (const v of dimension.values)
      values[v] = [dimension.valueLabels[v]?.[language] ?? v, ...(dimension.exportValues?.[v]?.[language] ?? [])];
  }
  return values;
}

export const EXPORT_VOCABULARY: Record<ExportLanguage, LanguageVocabulary> = {
  en: {
    decimal: '.',
    preamble: {
      report: ['Report', 'Report name'],
      dateRange: ['Date range', 'Dates'],
      accounts: ['Claimed accounts', 'Claimed account', 'Account'],
      ...dimensionPreamble('en'),
    },
    sections: {
      daily: ['Daily metrics', 'Metrics over time', 'Overview'],
      topBoards: ['Top boards'],
      topPins: ['Top Pins'],
      topVideoPins: ['Top video Pins'],
    },
    columns: {
      date: ['Date'],
      pin_id: ['Pin ID', 'Pin id'],
      title: ['Pin title', 'Title', 'Pin description'],
      board: ['Board', 'Board name'],
      impressions: ['Impressions'],
      engagements: ['Engagements'],
      closeups: ['Closeups', 'Close-ups', 'Pin clicks'],
      saves: ['Saves'],
      link_clicks: ['Link clicks', 'Outbound clicks'],
      carousel_swipes: ['Carousel swipes', 'Carousel card swipes'],
      engagement_rate: ['Engagement rate'],
      total_audience: ['Total audience'],
      engaged_audience: ['Engaged audience'],
      video_starts: ['Video starts'],
      video_views: ['Video views'],
      avg_watch_time_s: ['Average watch time', 'Avg. watch time'],
      total_watch_time_min: ['Total watch time', 'Total watch time (minutes)'],
      p95_views: ['95% views', '95 % views'],
      ten_second_views: ['10-second views', '10 second views'],
    },
    legacyColumns: {
      Impressions: 'impressions',
      Repins: 'saves',
      Saves: 'saves',
      Clicks: 'link_clicks',
      Closeups: 'closeups',
      'Daily viewers': 'daily_viewers',
      'Monthly viewers': 'monthly_viewers',
      'Daily engaged': 'daily_engaged',
      'Monthly engaged': 'monthly_engaged',
    },
    values: dimensionValues('en'),
    total: ['Total', 'Totals'],
    legacyReports: ['Profile (legacy)', 'Legacy', 'Older export', 'Older exports'],
  },
  sv: {
    decimal: ',',
    preamble: {
      report: ['Rapport', 'Rapportnamn'],
      dateRange: ['Datumintervall', 'Datum'],
      accounts: ['Bekräftade konton', 'Bekräftat konto', 'Konto'],
      ...dimensionPreamble('sv'),
    },
    sections: {
      daily: ['Dagliga mätvärden', 'Mätvärden över tid', 'Översikt'],
      topBoards: ['Bästa anslagstavlor'],
      topPins: ['Bästa pins'],
      topVideoPins: ['Bästa video-pins', 'Bästa videopins'],
    },
    columns: {
      date: ['Datum'],
      pin_id: ['Pin-ID', 'Pin-id'],
      title: ['Pin-titel', 'Titel'],
      board: ['Anslagstavla'],
      impressions: ['Visningar'],
      engagements: ['Händelser'],
      closeups: ['Närbilder', 'Pinklick'],
      saves: ['Sparningar'],
      link_clicks: ['Länkklick', 'Utgående klick'],
      carousel_swipes: ['Karusellbläddringar', 'Bläddringar av karusellkort'],
      engagement_rate: ['Engagemangsgrad', 'Händelsefrekvens'],
      total_audience: ['Total publik'],
      engaged_audience: ['Engagerad publik'],
      video_starts: ['Videostarter'],
      video_views: ['Videovisningar'],
      avg_watch_time_s: ['Genomsnittlig visningstid'],
      total_watch_time_min: ['Total visningstid', 'Total visningstid (minuter)'],
      p95_views: ['95 % visningar', '95% visningar'],
      ten_second_views: ['10-sekundersvisningar', '10 sekunders visningar'],
    },
    legacyColumns: {
      Visningar: 'impressions',
      Repins: 'saves',
      Sparningar: 'saves',
      Klick: 'link_clicks',
      Närbilder: 'closeups',
      'Dagliga tittare': 'daily_viewers',
      'Månatliga tittare': 'monthly_viewers',
      'Dagligen engagerade': 'daily_engaged',
      'Månatligen engagerade': 'monthly_engaged',
    },
    values: dimensionValues('sv'),
    total: ['Totalt', 'Summa'],
    legacyReports: ['Profil (äldre)', 'Äldre export', 'Äldre exporter'],
  },
};

export const EXPORT_LANGUAGES = Object.keys(EXPORT_VOCABULARY) as ExportLanguage[];

export const normaliseLabel = (s: string): string => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/** Which language and key a label belongs to, in a table of labels per key. */
export function lookupLabel<K extends string>(table: Partial<Record<K, readonly string[]>>, label: string): K | undefined {
  const n = normaliseLabel(label);
  return (Object.keys(table) as K[]).find((k) => (table[k] ?? []).some((l) => normaliseLabel(l) === n));
}
