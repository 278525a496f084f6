/** Stores one parsed export as a snapshot (inside the caller's import transaction). */
import { dateValue } from '@duckdb/node-api';
import { PinsightError } from '../../../../shared/api';
import { allChoices, DIMENSION_IDS, type DimensionChoice, type DimensionId } from '../../../../shared/dimensions';
import { DIMENSION_COLUMNS } from '../../db/dimension-columns';
import type { Workspace } from '../../db/workspace';
import type { ExportContext, ParsedExport } from './export-types';

export function completeContext(parsed: ParsedExport, overrides: Partial<ExportContext>, file: string): ExportContext {
  const days = parsed.sections.flatMap((s) => s.rows.map((r) => r.date).filter((d): d is string => Boolean(d))).sort();
  const merged: Partial<ExportContext> = { ...parsed.context, ...definedOnly(overrides) };
  const from = merged.from ?? days[0];
  const to = merged.to ?? days.at(-1);
  if (!from || !to) {
    throw new PinsightError(
      'bad-input',
      `${file}: the export states no date range and has no daily rows; set one at import (--export-from, --export-to)`,
    );
  }
  return {
    from,
    to,
    ...allChoices(),
    ...definedOnly(pickDimensions(merged)),
    accounts: [...(merged.accounts ?? [])].sort(),
  };
}

type Choices = { [D in DimensionId]: DimensionChoice<D> };

function pickDimensions(context: Partial<ExportContext>): Partial<Choices> {
  // Each entry is the context's own value for that dimension: the mapped type Object.fromEntries cannot express.
  return Object.fromEntries(DIMENSION_IDS.map((id) => [id, context[id]]));
}

const SNAPSHOT_COLUMNS = DIMENSION_IDS.map((id) => DIMENSION_COLUMNS[id].snapshot).join(', ');

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The import log's line of an export file (snapshots of Analytics exports or API responses). */
export async function logExportImport(
  ws: Workspace,
  entry: { importId: number; file: string; kind: 'export' | 'legacy-export'; hash: string; rows: number; quick: string },
): Promise<void> {
  await ws.run(`INSERT INTO import_log VALUES ($importId, $file, $kind, $hash, $rows, 0, now()::TIMESTAMP, $quick)`, entry);
}

export async function storeExport(
  ws: Workspace,
  importId: number,
  file: string,
  parsed: ParsedExport,
  context: ExportContext,
): Promise<number> {
  const snapshotId = ((await ws.value<number>('SELECT max(snapshot_id) FROM export_snapshots')) ?? 0) + 1;
  await ws.run(
    `INSERT INTO export_snapshots (snapshot_id, import_id, file, language, report, legacy, date_from, date_to, accounts, ${SNAPSHOT_COLUMNS})
     VALUES ($id, $importId, $file, $language, $report, $legacy, CAST($from AS DATE), CAST($to AS DATE), $accounts, ${DIMENSION_IDS.map((id) => `$${id}`).join(', ')})`,
    {
      id: snapshotId,
      importId,
      file,
      language: parsed.language,
      report: parsed.report ?? '',
      legacy: parsed.legacy,
      from: context.from,
      to: context.to,
      ...Object.fromEntries(DIMENSION_IDS.map((id) => [id, context[id]])),
      accounts: context.accounts.join('\n'),
    },
  );
  const daily = await ws.conn.createAppender('export_daily');
  const totals = await ws.conn.createAppender('export_totals');
  const top = await ws.conn.createAppender('export_top');
  const value = (a: typeof daily, v: number | null | undefined) => (v === null || v === undefined ? a.appendNull() : a.appendDouble(v));
  for (const section of parsed.sections) {
    if (section.total) {
      for (const [metric, v] of Object.entries(section.total.values)) {
        totals.appendInteger(snapshotId);
        totals.appendVarchar(section.kind);
        totals.appendVarchar(metric);
        value(totals, v);
        totals.endRow();
      }
    }
    section.rows.forEach((row, rank) => {
      for (const [metric, v] of Object.entries(row.values)) {
        if (section.kind === 'daily') {
          daily.appendInteger(snapshotId);
          daily.appendDate(dateValue(Date.parse(`${row.date ?? ''}T00:00:00Z`) / 86_400_000));
          daily.appendVarchar(metric);
          value(daily, v);
          daily.endRow();
        } else {
          top.appendInteger(snapshotId);
          top.appendVarchar(section.kind);
          top.appendInteger(rank + 1);
          for (const text of [row.pin_id, row.title, row.board]) {
            if (text) top.appendVarchar(text);
            else top.appendNull();
          }
          top.appendVarchar(metric);
          value(top, v);
          top.endRow();
        }
      }
    });
  }
  for (const a of [daily, totals, top]) a.closeSync();
  return snapshotId;
}
