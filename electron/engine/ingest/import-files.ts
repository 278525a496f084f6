/**
 * Imports files into the workspace as one transaction: every file lands, or none does. Bad rows are
 * rejected with file, line and reason and the import goes on; a file imported before (same bytes) is skipped.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { matchDumpColumns, nearestDumpKind, type DumpKind } from '../../../shared/dump-columns';
import { PinsightError } from '../../../shared/api';
import { excerpt } from '../../../shared/excerpt';
import type { ImportFileSummary, ImportSummary, RejectedRow } from '../../../shared/results';
import { isWriteFailure, writeFailureReason, type Workspace } from '../db/workspace';
import { beginPendingImport, endPendingImport, rollbackPendingImport } from '../db/pending-import';
import { appendDerived, buildDerived, finishDerived, hasDerived, swapDerived, type DeriveSummary } from '../derive/rebuild-derived';
import { fastEventsInsert } from './fast-events';
import { fileHash, quickSignature } from './file-hash';
import { ImportStaging, listInputFiles, type InputFile } from './input-files';
import { checkTextFile, normaliseLineEndings, readErrorSentence } from './text-checks';
import { csvHeader } from './text/text-decoding';
import { findWideLine, maxFieldsFor } from './wide-lines';
import { countRows, lineMapper, readColumns, readerRejects, sourceSelect } from './read-source';
import { goodRowsSelect, KIND_RULES, reasonSelect } from './validate-rows';
import type { ExportContext } from './analytics-export/export-types';
import { importExportFile, looksLikeExport } from './analytics-export/import-export-file';
import { importApiResponse, mayBeApiResponse } from './analytics-export/import-api-response';
import { lastImportId } from '../db/import-ids';
import { ImportProgressReporter, type ImportProgress } from './import-progress';
import { DIMENSION_TABLES, isDimensionKind, keepBaseline, recordRows } from '../db/dimension-history';

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Sets or corrects the filter context of Analytics exports that lack it. */
  exportContext?: Partial<ExportContext>;
  /** Where `pinsight serve` keeps uploads: their files are named as the user dropped them (input-files.ts). */
  uploadsRoot?: string;
}

/** Rejected rows listed in a summary; all of them are kept in the workspace's import_rejects table. */
export const MAX_LISTED_REJECTS = 1000;

export async function importFiles(ws: Workspace, paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  if (ws.readOnlyReason) {
    throw new PinsightError(
      'bad-input',
      `Nothing was imported: the workspace is open read-only (${ws.readOnlyReason}). Free some disk space, or fix its folder's permissions, and open it again.`,
    );
  }
  const staging = new ImportStaging();
  try {
    return await ws.withProgress(() => importListed(ws, listInputFiles(paths, staging, options.uploadsRoot), staging, options));
  } finally {
    staging.close();
  }
}

async function importListed(ws: Workspace, files: InputFile[], staging: ImportStaging, options: ImportOptions): Promise<ImportSummary> {
  const summaries: ImportFileSummary[] = [];
  const rejected: RejectedRow[] = [];
  let rejectedTotal = 0;
  const cancelled = () => new PinsightError('cancelled', 'Import cancelled; the workspace is unchanged');
  const checkCancel = () => {
    if (options.signal?.aborted) throw cancelled();
  };

  const firstNew = (await lastImportId(ws)) + 1;
  const progress = new ImportProgressReporter(files, () => summaries.reduce((n, s) => n + s.rows, 0), options.onProgress);
  // A cancel may interrupt the statement running at the time: whatever it throws then, the import was cancelled.
  const cancelledOr = (e: unknown) => (options.signal?.aborted ? cancelled() : e);
  // Step 1 of db/pending-import.ts: the raw rows, in one transaction.
  await ws
    .transaction(async () => {
      await beginPendingImport(ws, firstNew);
      for (const [i, file] of files.entries()) {
        checkCancel();
        const result = await progress.reading(ws, i, () =>
          importOne(ws, file, summaries.length, options.exportContext ?? {}, staging).catch((e: unknown) => {
            // Whatever went wrong reading this file is said in the user's terms, with the file's name.
            if (e instanceof PinsightError || options.signal?.aborted || isWriteFailure(e)) throw e;
            throw new PinsightError('bad-input', `${basename(file.path)}: ${readErrorSentence(e)}`);
          }),
        );
        summaries.push(result.summary);
        rejectedTotal += result.rejected.length;
        for (const r of result.rejected) if (rejected.length < MAX_LISTED_REJECTS) rejected.push(r);
      }
    })
    .catch((e: unknown) => {
      throw notLanded(cancelledOr(e));
    });
  let derived: DeriveSummary | null;
  try {
    checkCancel();
    progress.report('deriving', files.length);
    derived = await deriveImport(ws, summaries, firstNew, checkCancel);
  } catch (e) {
    // On a full disk the rollback may fail too: the mark stays, and the next open of the workspace rolls back.
    await rollbackPendingImport(ws).catch(() => undefined);
    throw notLanded(cancelledOr(e));
  }
  // The import has landed: from here on a cancel changes nothing.
  progress.report('done', files.length);
  let warning: string | undefined;
  try {
    await ws.checkpoint();
  } catch (e) {
    if (!isWriteFailure(e)) throw e;
    // Committed means landed: the rows are in the workspace's log (.wal) and are written in place at a later open.
    warning = `The import landed, but the workspace could not be compacted (${writeFailureReason(e)}); its log keeps the new rows until there is space`;
  }

  const imported = summaries.filter((s) => s.status === 'imported').reduce((n, s) => n + s.rows, 0);
  const outOfScopeEvents = derived?.outOfScopeEvents ?? Number((await ws.getMeta('out_of_scope_events')) ?? 0);
  const message = describe(summaries, rejectedTotal, outOfScopeEvents) + (warning ? `\n${warning}` : '');
  return { files: summaries, imported, rejected, outOfScopeEvents, message, ...(warning ? { warning } : {}) };
}

/** An import stopped before its last transaction did not happen: say so, in the user's terms, on a full disk. */
function notLanded(e: unknown): unknown {
  if (e instanceof PinsightError && e.code === 'cancelled') return e;
  if (!isWriteFailure(e)) return e;
  return new PinsightError(
    'bad-input',
    `Nothing was imported: the workspace could not be written (${writeFailureReason(e)}). It holds what it held before; free some disk space and import again.`,
  );
}

/**
 * Steps 2 and 3 of db/pending-import.ts. Only events added: derive just them. Pins, accounts or spam users
 * changed: everything is re-derived into new tables, which the last transaction puts in place.
 */
async function deriveImport(
  ws: Workspace,
  summaries: ImportFileSummary[],
  firstNew: number,
  checkCancel: () => void,
): Promise<DeriveSummary | null> {
  const changed = summaries.some((f) => f.status === 'imported');
  const eventsOnly = summaries.every(
    (f) => f.status !== 'imported' || f.kind === 'events' || f.kind === 'export' || f.kind === 'legacy-export',
  );
  const incremental = eventsOnly && (await hasDerived(ws));
  let outOfScope = 0;
  if (changed) {
    outOfScope = incremental
      ? Number((await ws.getMeta('out_of_scope_events')) ?? 0) + (await appendDerived(ws, firstNew))
      : await buildDerived(ws);
  }
  checkCancel();
  return ws.transaction(async () => {
    let summary: DeriveSummary | null = null;
    if (changed) {
      if (!incremental) await swapDerived(ws);
      summary = await finishDerived(ws, outOfScope);
    }
    await endPendingImport(ws);
    return summary;
  });
}

interface FileResult {
  summary: ImportFileSummary;
  rejected: RejectedRow[];
}

async function importOne(
  ws: Workspace,
  listed: InputFile,
  index: number,
  exportContext: Partial<ExportContext>,
  staging: ImportStaging,
): Promise<FileResult> {
  let file = listed;
  const name = basename(file.path);
  const quick = quickSignature(file.readPath);
  // Rows logged before signatures were kept (the demo aside) could be this file: then it is hashed first, too.
  const maybeSeen =
    ((await ws.value<number>(`SELECT count(*) FROM import_log WHERE quick_sig = $quick OR (quick_sig IS NULL AND kind <> 'demo')`, {
      quick,
    })) ?? 0) > 0;
  const hashing = fileHash(file.readPath);
  hashing.catch(() => undefined); // awaited below; a failed import must not leave it unhandled meanwhile
  if (maybeSeen) {
    const before = await ws.one<{ file: string; kind: string }>(`SELECT file, kind FROM import_log WHERE content_hash = $hash`, {
      hash: await hashing,
    });
    if (before) {
      return { summary: { file: file.path, kind: before.kind, rows: 0, rejected: 0, status: 'already-imported' }, rejected: [] };
    }
  }
  const importId = (await lastImportId(ws)) + 1;
  const log = async (kind: DumpKind, rows: number, rejected: RejectedRow[]) =>
    logImport(ws, file, kind, importId, { hash: await hashing, quick }, rows, rejected);
  // Analytics exports and saved API responses: snapshots, read whole (not through DuckDB's readers).
  const exportJob = async () => ({
    ws,
    path: file.readPath,
    importId,
    contentHash: await hashing,
    quickSig: quick,
    overrides: exportContext,
    shown: file.path,
  });
  if (file.format === 'csv' && !file.path.endsWith('.gz') && looksLikeExport(file.readPath)) {
    const summary = await importExportFile(await exportJob());
    return { summary, rejected: [] };
  }
  if (file.format === 'json' && !file.path.endsWith('.gz') && mayBeApiResponse(file.readPath)) {
    const summary = await importApiResponse(await exportJob());
    if (summary) return { summary, rejected: [] };
  }
  if (checkTextFile(file, name).mixedLineEndings) {
    // DuckDB's reader wants one kind of line ending per file: read a copy with LF only (same line numbers).
    const copy = staging.newPath(file.readPath);
    await normaliseLineEndings(file.readPath, copy);
    file = { ...file, readPath: copy };
  }
  const columns = await readColumns(ws, file.readPath, file.format).catch((e: unknown) => {
    throw new PinsightError('bad-input', `${name}: cannot read the file: ${readErrorSentence(e)}`);
  });
  const match = matchDumpColumns(columns);
  if (!match) throw new PinsightError('bad-input', unrecognised(name, columns));
  // Rows with thousands of fields would take DuckDB's reader minutes: a scan beside the read stops it. A file
  // of up to 64 MiB is scanned first (milliseconds); a larger one is read meanwhile and interrupted if need be.
  const wide =
    file.format === 'csv'
      ? findWideLine(file.readPath, csvHeader(file.readPath).delimiter, maxFieldsFor(columns.length))
      : Promise.resolve(null);
  wide.catch(() => undefined);
  const refuseWide = async (): Promise<void> => {
    const w = await wide.catch(() => null);
    if (w)
      throw new PinsightError(
        'bad-input',
        `${name}, line ${w.line}: more than ${w.fields - 1} fields where the header has ${columns.length}; the file is refused`,
      );
  };
  if (statSync(file.readPath).size <= 64 * 1024 * 1024) await refuseWide();
  /** Runs a read of the file, interrupted (again and again until it stops) once the scan finds a wide line. */
  const guarded = <T>(read: () => Promise<T>): Promise<T> => {
    const reading = read();
    void wide.then(
      (w) => {
        if (!w) return;
        const timer = setInterval(() => ws.conn.interrupt(), 50);
        ws.conn.interrupt();
        void reading.finally(() => clearInterval(timer)).catch(() => undefined);
      },
      () => undefined,
    );
    return reading;
  };
  const failed = async (e: unknown): Promise<never> => {
    await refuseWide();
    throw new PinsightError('bad-input', `${name}: ${readErrorSentence(e)}`);
  };

  const rejectsId = `pinsight_rejects_${importId}_${index}`;
  const rules = KIND_RULES[match.kind];
  // Dimension files are small and "the last row wins", so their rows keep their order; events need no order.
  const numbered = match.kind !== 'events';
  const source = (n: boolean) => sourceSelect(file.readPath, file.format, rules.canonical, match.mapping, rejectsId, columns, n);
  if (match.kind === 'events') {
    const fast = await guarded(() =>
      fastEventsInsert(ws, { ...file, path: file.readPath }, match.mapping, columns, importId, rejectsId),
    ).catch(failed);
    await refuseWide();
    if (fast) {
      if (fast.rows === 0 && !fast.dropped.length) noRowsRead(file, name);
      return log(
        match.kind,
        fast.rows,
        fast.dropped.map((d) => ({ file: file.path, line: d.line, reason: d.reason })),
      );
    }
  }
  let good: number;
  // Pins, boards, accounts and spam users: what the file replaces and brings is kept, so that it can be taken out.
  const staged = `(${goodRowsSelect(rules, source(numbered))})`;
  const history =
    isDimensionKind(match.kind) && rules.rows ? { table: DIMENSION_TABLES[match.kind], rows: `(${rules.rows(staged)})` } : null;
  if (history) await keepBaseline(ws, history.table, history.rows).catch(failed);
  try {
    const insert = rules.insert(staged);
    const run = () => ws.conn.runAndReadAll(insert, insert.includes('$importId') ? { importId } : undefined);
    // Events are kept in no particular order (duplicates are judged by their values); the others in file order.
    const reader = await guarded(() => (match.kind === 'events' ? ws.unordered(run) : run()));
    good = Number(reader.getRows()[0]?.[0] ?? 0);
  } catch (e) {
    return failed(e);
  }
  await refuseWide();
  if (history) await recordRows(ws, history.table, history.rows, importId).catch(failed);
  const dropped = await readerRejects(ws, rejectsId);
  const total = await countRows(ws, file.readPath, file.format, rejectsId);
  if (total === 0 && !dropped.length) noRowsRead(file, name);
  let rejected: RejectedRow[] = dropped.map((d) => ({ file: file.path, line: d.line, reason: d.reason }));
  if (total > good) {
    // Some rows failed validation: a second, numbered pass says which lines and why.
    const lineOf = lineMapper(
      file.format,
      dropped.map((d) => d.line),
    );
    const bad = await ws.all<{ rn: number; reason: string }>(
      `SELECT rn, reason FROM (${reasonSelect(rules, sourceSelect(file.readPath, file.format, rules.canonical, match.mapping, rejectsId, columns, true, true))}) WHERE reason IS NOT NULL ORDER BY rn`,
    );
    rejected = [
      ...rejected,
      ...bad.map((b) => ({ file: file.path, line: lineOf(b.rn), column: b.reason.split(':')[0], reason: b.reason })),
    ].sort((a, b) => a.line - b.line);
  }
  return log(match.kind, good, rejected);
}

async function logImport(
  ws: Workspace,
  file: InputFile,
  kind: DumpKind,
  importId: number,
  sig: { hash: string; quick: string },
  rows: number,
  rejected: RejectedRow[],
): Promise<FileResult> {
  await ws.run(`INSERT INTO import_log VALUES ($importId, $file, $kind, $hash, $rows, $rejected, now()::TIMESTAMP, $quick)`, {
    importId,
    file: file.path,
    kind,
    hash: sig.hash,
    quick: sig.quick,
    rows,
    rejected: rejected.length,
  });
  await storeRejects(ws, importId, rejected);
  return { summary: { file: file.path, kind, rows, rejected: rejected.length, status: 'imported' }, rejected };
}

async function storeRejects(ws: Workspace, importId: number, rows: RejectedRow[]): Promise<void> {
  const appender = await ws.conn.createAppender('import_rejects');
  for (const r of rows) {
    appender.appendInteger(importId);
    appender.appendVarchar(r.file);
    appender.appendBigInt(BigInt(r.line));
    appender.appendVarchar(r.reason);
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * A file that holds more than its header line but gave no row and no rejected line: say so instead of
 * "0 rows" (empty lines only, or a line so long that the reader could not take it apart).
 */
function noRowsRead(file: InputFile, name: string): void {
  const size = statSync(file.readPath).size;
  if (size <= 64 * 1024) return;
  throw new PinsightError(
    'bad-input',
    `${name}: no row could be read after the header, though the file holds ${(size / 1048576).toFixed(1)} MiB (only empty lines, or a line too long to read)`,
  );
}

function unrecognised(name: string, columns: string[]): string {
  const near = nearestDumpKind(columns);
  // A short, printable excerpt: an unrecognised file's first line may be anything (a secret in a config file).
  const shown = excerpt(columns.map((c) => excerpt(c, 24)).join(', '), 60) + (columns.length > 1 ? ` (${columns.length} columns)` : '');
  if (near) return `${name}: looks like a ${near.label} file but lacks the column(s) ${near.missing.join(', ')} (found: ${shown})`;
  return `${name}: not a Pinsight import: its columns (${shown}) match no known file (events, Pins, boards, claimed accounts, spam users, Analytics export)`;
}

const KIND_LABEL: Record<DumpKind | 'export' | 'legacy-export', string> = {
  export: 'Analytics export',
  'legacy-export': 'legacy Analytics export',
  events: 'events',
  pins: 'Pins',
  boards: 'boards',
  accounts: 'claimed accounts',
  spam_users: 'spam users',
};

function describe(files: ImportFileSummary[], rejected: number, outOfScope: number): string {
  const parts = files.map((f) =>
    f.status === 'already-imported'
      ? `${basename(f.file)}: already imported, nothing changed`
      : `${basename(f.file)}: ${f.rows} ${KIND_LABEL[f.kind as keyof typeof KIND_LABEL] ?? f.kind} rows${f.rejected ? `, ${f.rejected} rejected` : ''}${f.note ? ` (${f.note})` : ''}`,
  );
  if (rejected) parts.push(`${rejected} rows rejected in all`);
  if (outOfScope) parts.push(`${outOfScope} events are on Pins of no claimed account and are left out of every view`);
  return parts.join('\n');
}
