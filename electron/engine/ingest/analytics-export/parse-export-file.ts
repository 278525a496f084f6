/**
 * Reads a Pinterest Analytics CSV export: a preamble of key/value lines (report, date range, filters), then
 * stacked sections, each with a title line and its own header row, separated by blank lines; a section may end
 * with a Total row. Returns null when the text is no export; throws with file, line, column and value when a
 * value cannot be read.
 */
import { DIMENSION_IDS } from '../../../../shared/dimensions';
import { basename } from 'node:path';
import {
  EXPORT_LANGUAGES,
  EXPORT_VOCABULARY,
  lookupLabel,
  normaliseLabel,
  type ExportColumn,
  type ExportLanguage,
  type PreambleKey,
  type SectionKind,
} from '../../../../shared/export-vocabulary';
import { PinsightError } from '../../../../shared/api';
import { METRICS, isMetricId } from '../../../../shared/metrics';
import { decodeText, splitRows } from '../text/text-decoding';
import type { ExportContext, ExportRow, ExportSection, ExportValueColumn, ParsedExport } from './export-types';
import { excerpt } from '../../../../shared/excerpt';
import { restoreCell } from '../../../../shared/formula-guard';
import { parseDay, parseDayRange, parseDurationSeconds, parseNumber } from './parse-values';

const DELIMITERS = [',', ';', '\t'];
/** Days before this belong to the legacy (pre-2019) analytics. */
const LEGACY_BEFORE = '2019-01-01';
type Row = { line: number; cells: string[] };

const isBlank = (r: Row) => r.cells.every((c) => c.trim() === '');
const cellsOf = (r: Row) => {
  const cells = r.cells.map((c) => c.trim());
  while (cells.length && cells.at(-1) === '') cells.pop();
  return cells;
};

/** How many cells of the first rows are words this language's exports use. */
function score(rows: Row[], language: ExportLanguage): number {
  const v = EXPORT_VOCABULARY[language];
  let n = 0;
  for (const r of rows.slice(0, 200)) {
    for (const c of cellsOf(r)) {
      if (
        lookupLabel(v.preamble, c) ||
        lookupLabel(v.sections, c) ||
        lookupLabel(v.columns, c) ||
        isMetricId(c) ||
        v.legacyColumns[c] !== undefined
      )
        n++;
    }
  }
  return n;
}

export function parseExportText(text: string, file: string): ParsedExport | null {
  let best: { rows: Row[]; language: ExportLanguage; score: number } | null = null;
  for (const d of DELIMITERS) {
    const rows = splitRows(text, d);
    for (const language of EXPORT_LANGUAGES) {
      const s = score(rows, language);
      if (!best || s > best.score) best = { rows, language, score: s };
    }
  }
  if (!best || best.score < 3) return null;
  return readStructure(best.rows, best.language, file);
}

export function parseExportBytes(bytes: Buffer, file: string): ParsedExport | null {
  return parseExportText(decodeText(bytes), file);
}

function readStructure(rows: Row[], language: ExportLanguage, file: string): ParsedExport | null {
  const v = EXPORT_VOCABULARY[language];
  const name = basename(file);
  const preamble: Partial<Record<PreambleKey, { value: string; line: number }>> = {};
  const sections: ExportSection[] = [];
  const ignored = new Set<string>();
  let i = 0;
  // Preamble: key/value lines before the first section.
  for (; i < rows.length; i++) {
    const r = rows[i];
    if (!r || isBlank(r)) continue;
    const cells = cellsOf(r);
    const key = lookupLabel(v.preamble, (cells[0] ?? '').replace(/:$/, ''));
    if (!key || cells.length > 2 || sectionTitle(cells, language) || headerColumns(cells, language).known >= 2) break;
    preamble[key] = { value: cells.slice(1).join(', '), line: r.line };
  }
  const legacyReport = preamble.report && v.legacyReports.some((l) => normaliseLabel(l) === normaliseLabel(preamble.report?.value ?? ''));
  let legacy = Boolean(legacyReport);
  while (i < rows.length) {
    const r = rows[i];
    if (!r) break;
    if (isBlank(r)) {
      i++;
      continue;
    }
    const cells = cellsOf(r);
    let kind = sectionTitle(cells, language);
    let headerIndex = i;
    if (kind) {
      headerIndex = i + 1;
      while (headerIndex < rows.length && isBlank(rows[headerIndex] ?? { line: 0, cells: [] })) headerIndex++;
    }
    const header = rows[headerIndex];
    if (!header) break;
    const mapped = headerColumns(cellsOf(header), language);
    if (mapped.legacy) legacy = true;
    kind ??= inferKind(mapped.columns);
    if (!kind || mapped.known === 0) {
      i++;
      continue;
    }
    mapped.unknown.forEach((u) => ignored.add(u));
    const section: ExportSection = {
      kind,
      line: r.line,
      columns: mapped.columns.filter((c): c is ExportValueColumn => c !== null && !isLabel(c)),
      rows: [],
    };
    let j = headerIndex + 1;
    for (; j < rows.length; j++) {
      const row = rows[j];
      if (!row || isBlank(row)) break;
      const rc = cellsOf(row);
      if (sectionTitle(rc, language)) break;
      const isTotal = v.total.some((t) => normaliseLabel(t) === normaliseLabel(rc[0] ?? ''));
      const parsed = readRow(row, mapped.columns, mapped.headers, language, name, isTotal, kind);
      if (isTotal) section.total = parsed;
      else section.rows.push(parsed);
    }
    sections.push(section);
    i = j;
  }
  if (!sections.length && !Object.keys(preamble).length) return null;
  if (!sections.length)
    throw new PinsightError(
      'bad-input',
      `${name}: an Analytics export preamble, but no section with a header row (Date, Impressions, ...)`,
    );
  // An export of days before 2019 (Pinterest's older analytics) is legacy history, whatever its columns.
  const days = sections.flatMap((s) => s.rows.map((r) => r.date).filter((d): d is string => Boolean(d)));
  if (days.length && days.every((d) => d < LEGACY_BEFORE)) legacy = true;
  return {
    language,
    legacy,
    report: preamble.report?.value ?? null,
    context: readContext(preamble, language, name),
    sections,
    ignoredColumns: [...ignored],
  };
}

const LABELS = new Set(['date', 'pin_id', 'title', 'board']);
const isLabel = (c: string): boolean => LABELS.has(c);
type AnyColumn = ExportColumn | ExportValueColumn | null;

function sectionTitle(cells: string[], language: ExportLanguage): SectionKind | undefined {
  return cells.length === 1 ? lookupLabel(EXPORT_VOCABULARY[language].sections, cells[0] ?? '') : undefined;
}

function headerColumns(cells: string[], language: ExportLanguage) {
  const v = EXPORT_VOCABULARY[language];
  const columns: AnyColumn[] = [];
  const unknown: string[] = [];
  let legacy = false;
  for (const c of cells) {
    // Pinsight's own exports may name metrics by their ids (impressions, link_clicks, ...).
    const current = lookupLabel(v.columns, c) ?? (isMetricId(c) ? c : undefined);
    const legacyHit = Object.entries(v.legacyColumns).find(([k]) => normaliseLabel(k) === normaliseLabel(c))?.[1];
    if (current) columns.push(current);
    else if (legacyHit) {
      columns.push(legacyHit);
      legacy = true;
    } else {
      columns.push(null);
      if (c) unknown.push(c);
    }
  }
  return { columns, headers: cells, known: columns.filter(Boolean).length, unknown, legacy };
}

function inferKind(columns: AnyColumn[]): SectionKind | undefined {
  if (columns.includes('date')) return 'daily';
  if (columns.includes('pin_id')) return columns.includes('impressions') ? 'topPins' : 'topVideoPins';
  if (columns.includes('board')) return 'topBoards';
  return undefined;
}

function readRow(
  row: Row,
  columns: AnyColumn[],
  headers: string[],
  language: ExportLanguage,
  file: string,
  isTotal: boolean,
  kind: SectionKind,
): ExportRow {
  const { decimal } = EXPORT_VOCABULARY[language];
  const out: ExportRow = { line: row.line, values: {} };
  const fail = (col: number, what: string): never => {
    throw new PinsightError(
      'bad-input',
      `${file}, line ${row.line}, column ${col + 1} ("${excerpt(headers[col] ?? '')}"): cannot read "${excerpt(row.cells[col]?.trim() ?? '')}" as ${what}`,
    );
  };
  columns.forEach((c, idx) => {
    if (!c) return;
    const raw = (row.cells[idx] ?? '').trim();
    if (c === 'date') {
      if (isTotal) return;
      const day = parseDay(raw, language);
      if (!day) fail(idx, 'a date');
      out.date = day;
    } else if (c === 'pin_id' || c === 'title' || c === 'board') {
      // Pinsight's own export guards formula-like text with an apostrophe (shared/formula-guard.ts): undone here.
      if (!isTotal) out[c] = restoreCell(raw);
    } else {
      const unit = isMetricId(c) ? METRICS[c].unit : 'count';
      let value: number | null | undefined;
      if (unit === 'seconds') value = parseDurationSeconds(raw, decimal);
      else if (unit === 'minutes') {
        value = /[:a-z]/i.test(raw) ? parseDurationSeconds(raw, decimal) : parseNumber(raw, decimal, unit);
        if (value && /[:a-z]/i.test(raw)) value /= 60;
      } else value = parseNumber(raw, decimal, unit);
      if (value === undefined) fail(idx, unit === 'ratio' ? 'a number or percentage' : unit === 'count' ? 'a number' : 'a duration');
      out.values[c] = value;
    }
  });
  if (!isTotal && kind === 'daily' && !out.date)
    throw new PinsightError('bad-input', `${file}, line ${row.line}: a daily row without a date`);
  return out;
}

function readContext(
  preamble: Partial<Record<PreambleKey, { value: string; line: number }>>,
  language: ExportLanguage,
  file: string,
): Partial<ExportContext> {
  const v = EXPORT_VOCABULARY[language];
  const context: Partial<ExportContext> = {};
  if (preamble.dateRange) {
    const range = parseDayRange(preamble.dateRange.value, language);
    if (!range)
      throw new PinsightError(
        'bad-input',
        `${file}, line ${preamble.dateRange.line}: cannot read the date range "${excerpt(preamble.dateRange.value)}"`,
      );
    Object.assign(context, range);
  }
  for (const key of DIMENSION_IDS) {
    const entry = preamble[key];
    if (!entry) continue;
    const word = lookupLabel(v.values, entry.value);
    if (!word) throw new PinsightError('bad-input', `${file}, line ${entry.line}: unknown ${key} "${excerpt(entry.value)}"`);
    (context as Record<string, string>)[key] = word;
  }
  if (preamble.accounts) {
    const all = lookupLabel(v.values, preamble.accounts.value) === 'all';
    context.accounts = all
      ? []
      : restoreCell(preamble.accounts.value)
          .split(/\s*[,;|]\s*/)
          .filter(Boolean)
          .sort();
  }
  return context;
}
