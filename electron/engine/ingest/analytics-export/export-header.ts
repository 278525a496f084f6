/**
 * Recognising an Analytics export by its first line: a preamble key or a section title, or (an export saved
 * without its preamble, or an older profile export) a header row of a date, Pin or board column and metric
 * columns, current or legacy, in any export language. Also recognises Pinsight's own view exports written
 * without the analytics layout, which re-import only when they are a plain daily overview.
 */
import { PinsightError } from '../../../../shared/api';
import { EXPORT_LANGUAGES, EXPORT_VOCABULARY, lookupLabel, normaliseLabel } from '../../../../shared/export-vocabulary';
import { isMetricId } from '../../../../shared/metrics';
import { splitRows } from '../text/text-decoding';

const DELIMITERS = [',', ';', '\t'];

/** The first non-empty row of the text, split by each delimiter in turn. */
function firstRows(head: string): string[][] {
  return DELIMITERS.flatMap((d) => {
    const row = splitRows(head.slice(0, 8192), d).find((r) => r.cells.some((c) => c.trim()));
    return row ? [row.cells.map((c) => c.trim())] : [];
  });
}

/** A header row of an export: a date, Pin or board column and at least one metric column. */
function isExportHeader(cells: string[]): boolean {
  return EXPORT_LANGUAGES.some((lang) => {
    const v = EXPORT_VOCABULARY[lang];
    const mapped = cells.map((c) => lookupLabel(v.columns, c) ?? (isMetricId(c) ? c : undefined) ?? v.legacyColumns[c]);
    const label = mapped.some((m) => m === 'date' || m === 'pin_id' || m === 'board');
    const metrics = mapped.filter((m) => m !== undefined && m !== 'date' && m !== 'pin_id' && m !== 'board' && m !== 'title').length;
    return label && metrics >= 1;
  });
}

export function looksLikeExportText(head: string): boolean {
  return firstRows(head).some((cells) => {
    const first = (cells[0] ?? '').replace(/:$/, '');
    const keyed = EXPORT_LANGUAGES.some((lang) => {
      const v = EXPORT_VOCABULARY[lang];
      return Boolean(lookupLabel(v.preamble, first) || lookupLabel(v.sections, first));
    });
    return keyed || isExportHeader(cells) || ownExportView(cells) !== null;
  });
}

/** Pinsight's own column names (ids, English, Swedish) for the columns that mark a view export. */
const OWN = {
  split: ['split', 'Split', 'Uppdelning'],
  rank: ['rank', 'Rank', 'Plats'],
  metric: ['metric', 'Metric', 'Mått'],
  block: ['block'],
};
const is = (cell: string | undefined, names: string[]) =>
  cell !== undefined && names.some((n) => normaliseLabel(n) === normaliseLabel(cell));

/** Which of Pinsight's own views a header row is the export of, or null. */
export function ownExportView(cells: string[]): 'an overview' | 'a top list' | 'a comparison' | 'Pin stats' | null {
  if (is(cells[1], OWN.split) && isExportHeader(cells)) return 'an overview';
  if (is(cells[0], OWN.rank)) return 'a top list';
  if (is(cells[0], OWN.metric) && cells.length >= 3) return 'a comparison';
  if (cells.includes('block') && cells.includes('phase')) return 'Pin stats';
  return null;
}

/**
 * Refuses a Pinsight view export that would not re-import as what it shows: a top list, a comparison, Pin
 * stats, or an overview split by a dimension (its days hold one row per split value). A plain overview passes.
 */
export function checkOwnExport(text: string, name: string): void {
  for (const d of DELIMITERS) {
    const rows = splitRows(text, d).filter((r) => r.cells.some((c) => c.trim()));
    const header = rows[0]?.cells.map((c) => c.trim()) ?? [];
    const view = ownExportView(header);
    if (!view) continue;
    const split = view === 'an overview' && rows.slice(1).some((r) => (r.cells[1] ?? '').trim() !== '');
    if (view !== 'an overview' || split) {
      throw new PinsightError(
        'bad-input',
        `${name}: this is Pinsight's own export of ${view}${split ? ' split by a dimension' : ''}, written without its filter and date-range lines, so it cannot be imported as the numbers it shows. Export it again with those lines (\`pinsight export VIEW --preamble\`, or "Start with filter and date range lines" in the export dialog${split ? ', and without a split' : ''}): that file imports with its filters and dates.`,
      );
    }
    return;
  }
}
