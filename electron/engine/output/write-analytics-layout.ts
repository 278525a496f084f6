/**
 * Writes an export the way the analytics site does: a preamble with the filter selection, then stacked
 * sections with their own headers and a Total row. Used for re-export (so a file from Pinsight imports back
 * with the same numbers) and to generate test files in every dialect analysts have.
 */
import { DIMENSION_IDS, DIMENSIONS } from '../../../shared/dimensions';
import { EXPORT_VOCABULARY, type ExportLanguage, type LabelColumn, type SectionKind } from '../../../shared/export-vocabulary';
import { neutraliseCell } from '../../../shared/formula-guard';
import { METRICS, isMetricId } from '../../../shared/metrics';
import type { ExportContext, ExportValueColumn } from '../ingest/analytics-export/export-types';

export type DocumentRow = Partial<Record<LabelColumn, string>> & Partial<Record<ExportValueColumn, number | null>>;

export interface ExportDocument {
  report: string;
  legacy?: boolean;
  context: ExportContext;
  sections: { kind: SectionKind; columns: (LabelColumn | ExportValueColumn)[]; rows: DocumentRow[]; total?: DocumentRow }[];
}

export interface RenderStyle {
  language: ExportLanguage;
  delimiter: ',' | ';' | '\t';
  encoding: 'utf8' | 'utf8-bom' | 'utf16le';
  lineEnding: '\n' | '\r\n';
  /** Write engagement rate as a percentage ("3.5%"), watch times as durations ("0:17"). */
  humanUnits: boolean;
  /** Group thousands ("1,234" / "1 234"). */
  grouping: boolean;
}

const first = (labels: readonly string[] | undefined, fallback: string) => labels?.[0] ?? fallback;

function header(column: LabelColumn | ExportValueColumn, language: ExportLanguage, legacy: boolean): string {
  const v = EXPORT_VOCABULARY[language];
  if (legacy) {
    const legacyName = Object.entries(v.legacyColumns).find(([, id]) => id === column)?.[0];
    if (legacyName) return legacyName;
  }
  return first(v.columns[column as keyof typeof v.columns], column);
}

function formatNumber(n: number, style: RenderStyle, decimals: number): string {
  const v = EXPORT_VOCABULARY[style.language];
  const fixed = Number(n.toFixed(decimals));
  const [whole = '', frac] = Math.abs(fixed).toString().split('.');
  const grouped = style.grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, v.decimal === '.' ? ',' : '\u00a0') : whole;
  return `${fixed < 0 ? '-' : ''}${grouped}${frac ? `${v.decimal}${frac}` : ''}`;
}

function formatValue(column: ExportValueColumn, value: number | null | undefined, style: RenderStyle): string {
  if (value === null || value === undefined) return '';
  const unit = isMetricId(column) ? METRICS[column].unit : 'count';
  if (unit === 'ratio') {
    return style.humanUnits
      ? `${formatNumber(value * 100, style, 4)}${style.language === 'sv' ? '\u00a0%' : '%'}`
      : formatNumber(value, style, 6);
  }
  if (unit === 'seconds' && style.humanUnits) return `${formatNumber(value, style, 3)} s`;
  if (unit === 'count') return formatNumber(value, style, 0);
  return formatNumber(value, style, 6);
}

function cell(s: string, delimiter: string): string {
  // Quoted whenever a reader could split it: the delimiter, a quote, or a line break of any kind (a lone CR too).
  // (and a comma or semicolon whatever the delimiter: a reader set to the other one would split there).
  return s.includes(delimiter) || /[",;\t\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function renderExport(doc: ExportDocument, style: RenderStyle): Buffer {
  const v = EXPORT_VOCABULARY[style.language];
  const word = (w: string) => first(v.values[w], w);
  const lines: string[][] = [
    [first(v.preamble.report, 'Report'), doc.report],
    [first(v.preamble.dateRange, 'Date range'), `${doc.context.from} - ${doc.context.to}`],
    [
      first(v.preamble.accounts, 'Claimed accounts'),
      doc.context.accounts.length ? neutraliseCell(doc.context.accounts.join(', ')) : word('all'),
    ],
    ...DIMENSION_IDS.map((id) => [first(v.preamble[id], DIMENSIONS[id].label.en), word(doc.context[id])]),
  ];
  for (const section of doc.sections) {
    lines.push([], [first(v.sections[section.kind], section.kind)]);
    lines.push(section.columns.map((c) => header(c, style.language, Boolean(doc.legacy))));
    const render = (row: DocumentRow, total: boolean) =>
      section.columns.map((c, i) => {
        if (c === 'date' || c === 'pin_id' || c === 'title' || c === 'board')
          return total && i === 0 ? first(v.total, 'Total') : total ? '' : neutraliseCell(row[c] ?? '');
        return formatValue(c, row[c], style);
      });
    for (const row of section.rows) lines.push(render(row, false));
    if (section.total) lines.push(render(section.total, true));
  }
  const text = lines.map((l) => l.map((c) => cell(c, style.delimiter)).join(style.delimiter)).join(style.lineEnding) + style.lineEnding;
  if (style.encoding === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return Buffer.concat([style.encoding === 'utf8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}
