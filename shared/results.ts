/** Result shapes: plain JSON-safe data (numbers, strings, ISO dates, null for "the data cannot say"). */
import type { DimensionId } from './dimensions';
import { METRIC_IDS, type MetricId } from './metrics';
import type { Granularity, ViewId } from './query';

export type MetricValues = Record<MetricId, number | null>;

export interface SeriesPoint extends Partial<MetricValues> {
  /** First day of the bucket (YYYY-MM-DD). */
  date: string;
  /** Filter word of the split value, or null without a split. */
  split: string | null;
}

export type ProvenanceReason =
  'eventData' | 'noEventData' | 'noEventsInRange' | 'exportSnapshots' | 'noExportMatch' | 'legacyData' | 'noLegacyData';

/** Where a view's numbers come from, shown next to them: a reason the UI words in its language, and the detail. */
export interface DataProvenance {
  kind: 'events' | 'export' | 'legacy' | 'none';
  reason: ProvenanceReason;
  /** The days the reason speaks of. */
  from?: string;
  to?: string;
  /** English detail (files, selections): the CLI prints it; the app shows it on hover. */
  detail: string;
}

export interface ResolvedRange {
  from: string;
  to: string;
  /** Latest day that has data in the workspace, or null for an empty workspace. */
  dataLatestDay: string | null;
}

/** Which days of a range the data covers (events, or export snapshots of the same selection). */
export interface Coverage {
  /** Days in the range. */
  days: number;
  /** Days of the range that have data. */
  covered: number;
  /** First and last covered day, or null when none is. */
  from: string | null;
  to: string | null;
}

export interface OverviewResult {
  view: 'overview';
  range: ResolvedRange;
  granularity: Granularity;
  totals: MetricValues;
  series: SeriesPoint[];
  provenance: DataProvenance;
  coverage: Coverage;
  /** Days whose numbers Pinterest had not finished when they were saved (API responses not READY): provisional. */
  provisionalDays?: string[];
  /** The data's last day is in the range and ends early (events dumped mid-day): when its latest event was. */
  lastDayEndsAt?: LastDayEnd;
}

/** The latest event on the data's last day: the instant, and its local time (HH:MM) in the workspace's time zone. */
export interface LastDayEnd {
  day: string;
  at: string;
  time: string;
  timeZone: string;
}

/** Every column a top list row may have, in order (the Arrow transfer's schema). */
export const TOP_ROW_COLUMNS = [
  'pin_id',
  'title',
  'board_id',
  'name',
  'board_name',
  'format',
  'source',
  'group_size',
  ...METRIC_IDS,
] as const;

export interface TopRow extends Partial<MetricValues> {
  pin_id?: string;
  title?: string | null;
  board_id?: string | null;
  name?: string | null;
  board_name?: string | null;
  format?: string | null;
  source?: string | null;
  group_size?: number;
}

export interface TopResult {
  view: 'top-pins' | 'top-boards' | 'top-video-pins';
  range: ResolvedRange;
  sortBy: MetricId;
  rows: TopRow[];
  provenance: DataProvenance;
  /** In compare mode: the same rows' values in range B. */
  comparison?: TopComparison;
  /** With transfer "arrow": the rows as an Arrow IPC stream (and `rows` empty). */
  rowsArrow?: Uint8Array;
}

export type PinStatsResult = PinStatsBase &
  (
    | { phase: 'real-time'; real_time: MetricValues }
    | {
        phase: 'final';
        last_24h: MetricValues;
        final: MetricValues;
        windows: { last_24h: { from: string; to: string }; final: { from: string; to: string } };
      }
  );

export interface PinStatsBase {
  view: 'pin';
  pin_id: string;
  title: string | null;
  created_at: string | null;
  /** Ids of every Pin of the group (the Pin, the Pins sharing its image and URL, and re-saves). */
  group: string[];
  groupPins: {
    pin_id: string;
    parent_pin_id: string | null;
    creator_id: string | null;
    created_at: string | null;
    source: string;
    title: string | null;
  }[];
  as_of: string;
}

/**
 * The steps from the raw event records to the figures on screen, in this order (an event removed by an earlier
 * step is not counted again by a later one): duplicates, spam users' events, events on Pins of no claimed account.
 */
export const RECONCILE_STEPS = ['duplicates', 'spam', 'out_of_scope'] as const;
export type ReconcileStep = (typeof RECONCILE_STEPS)[number];

export type ReconcileCounts = { raw: number; final: number } & Record<ReconcileStep, number>;

/** How the figures of the filters' range come about; the final counts equal the overview's for the same filters. */
export interface ReconcileResult extends ReconcileCounts {
  view: 'reconcile';
  range: ResolvedRange;
  /** Where the view's figures come from: events (the steps apply), Analytics export snapshots, or nothing. */
  source: 'events' | 'export' | 'none';
  /** Rows of event files refused at import, in the whole workspace (a refused row has no day to filter by). */
  rejected: number;
  /** The files those rows came from, with their counts. */
  rejectedFiles: { file: string; rows: number }[];
  /** The first refused rows (file, line, reason), for saving as CSV. */
  rejectedRows: RejectedRow[];
  /** The same steps for each count metric. */
  metrics: Partial<Record<MetricId, ReconcileCounts>>;
  /** With a source or format filter, events on Pins the workspace has no record of cannot be attributed and are left out of every step. */
  pinAttributeFilter: boolean;
  /** The Pin whose group the steps are limited to, when asked for one. */
  pinId?: string;
  provenance: DataProvenance;
}

/** The pre-2019 history: today's metrics where the meaning matches (Repins as saves, Clicks as link clicks), legacy ones as they were. */
export interface LegacyResult {
  view: 'legacy';
  range: ResolvedRange;
  /** Metric ids present in the legacy exports (today's ids, and daily_viewers, monthly_viewers, ...). */
  metrics: string[];
  totals: Record<string, number | null>;
  series: ({ date: string } & Record<string, number | null | string>)[];
  provenance: DataProvenance;
}

/** Two ranges side by side: A (the filters' range) and B, with the change per metric. */
export interface CompareResult {
  view: 'compare';
  a: OverviewResult;
  b: OverviewResult;
  /** The change from B to A of the totals; for rates (`unit` ratio) also in percentage points (`pp`). */
  delta: Record<MetricId, { abs: number | null; pct: number | null; pp?: number | null }>;
  /** The same on per-day averages over each range's covered days (counts and durations; null for audiences). */
  perDay: { a: MetricValues; b: MetricValues; delta: Record<MetricId, { abs: number | null; pct: number | null; pp?: number | null }> };
  /** True when range B has no data at all (shown as a clear mark, not as zeros). */
  bHasNoData: boolean;
  /** Which days of A and of B have data. */
  coverage: { a: Coverage; b: Coverage };
  /** Both ranges fully covered: their totals can be compared as they are. */
  comparable: boolean;
  /** A and B have the same number of days. */
  equalLengths: boolean;
}

/** A top list row's values in range B, and how its rank moved. */
export interface TopComparisonRow {
  rank: number;
  /** Rank in range B, or null when it was not in B's list ("new"). */
  rank_b: number | null;
  /** Positive: moved up since B. */
  rank_change: number | null;
  status: 'new' | 'both';
  b: Partial<MetricValues>;
}

export interface TopComparison {
  range: ResolvedRange;
  /** Which days of A and of B have data (a list over a partly covered B is not a like-for-like ranking). */
  coverage: { a: Coverage; b: Coverage };
  rows: TopComparisonRow[];
  /** Entries of B's list that are gone from A's. */
  gone: (TopRow & { rank_b: number })[];
}

export type QueryResult = OverviewResult | TopResult | PinStatsResult | LegacyResult | CompareResult | ReconcileResult;

export interface WorkspaceInfo {
  path: string;
  schemaVersion: number;
  eventCount: number;
  pinCount: number;
  firstDay: string | null;
  lastDay: string | null;
  timeZone: string;
  /** Why the workspace is open read-only (it cannot be written now: a full disk, a read-only medium), else null. */
  readOnly?: string | null;
}

export interface FilterOptions {
  accounts: { id: string; type: string; value: string }[];
  /** The values of each filter that the workspace's data holds (the panel marks the others). */
  held: Record<DimensionId, string[]>;
  /** The dimensions for which some events carry no value: counted under "all" only (as unknown in a split). */
  unknown: DimensionId[];
  firstDay: string | null;
  lastDay: string | null;
}

export interface RejectedRow {
  file: string;
  line: number;
  column?: string;
  reason: string;
}

export interface ImportFileSummary {
  file: string;
  kind: string;
  rows: number;
  rejected: number;
  status: 'imported' | 'already-imported' | 'failed';
  /** Something the analyst should know about how the file was read (an export without its selection, say). */
  note?: string;
  /** The same, as codes the app words in its language. */
  notes?: ImportNote[];
}

export interface ImportNote {
  code: 'noSelection' | 'apiShape' | 'provisional' | 'unknownMetrics';
  count?: number;
  detail?: string;
}

export interface ImportSummary {
  files: ImportFileSummary[];
  imported: number;
  rejected: RejectedRow[];
  /** Events whose Pin belongs to no claimed account. */
  outOfScopeEvents: number;
  message: string;
  /** Something the analyst should know although the import landed (the workspace could not be compacted). */
  warning?: string;
}

export interface ImportRecord {
  id: number;
  file: string;
  kind: string;
  rows: number;
  /** Rows of the file that were refused (each with its line and reason). */
  rejected: number;
  /** UTC, ISO 8601 with Z. */
  importedAt: string;
}

/** What taking an import back out did. */
export interface ImportRemoval {
  removed: ImportRecord;
  /** Event rows or export rows that left the workspace. */
  rows: number;
  message: string;
}

export interface ExportSummary {
  /** The written file; over HTTP, only its name (the file reaches the browser as a download). */
  path: string;
  rows: number;
  format: 'csv' | 'parquet';
  /** Over HTTP: the address (on the same server) from which the browser downloads the file, once. */
  download?: string;
}

export type { ViewId };

/** A long operation followed by the UI: its progress fields, then its result or error. */
export type JobStatus<P, R> = {
  id: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  result?: R;
  error?: { code: string; message: string };
} & P;

export interface ImportProgressFields {
  files: string[];
  fileIndex: number;
  fileCount: number;
  currentFile: string | null;
  phase: 'queued' | 'reading' | 'deriving' | 'done';
  /** Bytes read of all the files (the file being read as far as DuckDB reports), and their total size. */
  bytesDone: number;
  bytesTotal: number;
  /** Rows of the files finished so far. */
  rowsDone: number;
  /** Seconds the reading may still take, from its pace so far; null until that pace is known. */
  etaSeconds: number | null;
}

export type ImportJobStatus = JobStatus<ImportProgressFields, ImportSummary>;

export interface ExportProgressFields {
  out: string;
  /** 0-100 where DuckDB reports it, else null. */
  percent: number | null;
}

export type ExportJobStatus = JobStatus<ExportProgressFields, ExportSummary>;
