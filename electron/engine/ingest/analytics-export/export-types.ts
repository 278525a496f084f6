/** What an Analytics export holds once read: its filter context, and its sections of rows. */
import type { ExportColumn, ExportLanguage, LegacyOnlyMetric, SectionKind } from '../../../../shared/export-vocabulary';
import type { DimensionChoice, DimensionId } from '../../../../shared/dimensions';
import type { Workspace } from '../../db/workspace';

/** One export file (an Analytics CSV export or an API response) to import, inside the caller's transaction. */
export interface ExportFileJob {
  ws: Workspace;
  path: string;
  importId: number;
  contentHash: string;
  quickSig: string;
  overrides: Partial<ExportContext>;
  /** The file as the user named it, when `path` is a staged link to it. */
  shown: string;
}

/** The filter selection an export is a snapshot of. */
export type ExportContext = { [D in DimensionId]: DimensionChoice<D> } & {
  from: string;
  to: string;
  /** Claimed accounts as the export names them; empty = all. */
  accounts: string[];
};

export type ExportValueColumn = Exclude<ExportColumn, 'date' | 'pin_id' | 'title' | 'board'> | LegacyOnlyMetric;

export interface ExportRow {
  line: number;
  date?: string;
  pin_id?: string;
  title?: string;
  board?: string;
  /** Metric values; `api:NAME` keeps a metric of an API response that Pinsight has no meaning for, `_provisional` marks a day. */
  values: Partial<Record<ExportValueColumn | `api:${string}` | '_provisional', number | null>>;
}

export interface ExportSection {
  kind: SectionKind;
  line: number;
  columns: ExportValueColumn[];
  rows: ExportRow[];
  total?: ExportRow;
}

export interface ParsedExport {
  language: ExportLanguage;
  legacy: boolean;
  report: string | null;
  /** What the preamble said; missing keys are filled by the user's corrections or defaults. */
  context: Partial<ExportContext>;
  sections: ExportSection[];
  ignoredColumns: string[];
}
