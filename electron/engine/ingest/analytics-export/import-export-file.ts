/** Recognises and imports an Analytics export file (within the caller's transaction). */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { PinsightError } from '../../../../shared/api';
import { EXPORT_LANGUAGES, EXPORT_VOCABULARY, lookupLabel } from '../../../../shared/export-vocabulary';
import type { ImportFileSummary } from '../../../../shared/results';
import type { Workspace } from '../../db/workspace';
import { decodeText, readHead, splitRows } from '../text/text-decoding';
import type { ExportContext } from './export-types';
import { parseExportBytes } from './parse-export-file';
import { completeContext, storeExport } from './store-export';

const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

/** True when the file starts like an export: a preamble key or a section title in a known language. */
export function looksLikeExport(path: string): boolean {
  const head = decodeText(readHead(path));
  for (const delimiter of [',', ';', '\t']) {
    const firstRow = splitRows(head.slice(0, 4096), delimiter).find((r) => r.cells.some((c) => c.trim()));
    const cell = firstRow?.cells[0]?.trim().replace(/:$/, '') ?? '';
    for (const lang of EXPORT_LANGUAGES) {
      const v = EXPORT_VOCABULARY[lang];
      if (lookupLabel(v.preamble, cell) || lookupLabel(v.sections, cell)) return true;
    }
  }
  return false;
}

export async function importExportFile(
  ws: Workspace,
  path: string,
  importId: number,
  contentHash: string,
  quickSig: string,
  overrides: Partial<ExportContext>,
  /** The file as the user named it, when `path` is a staged link to it. */
  shown: string = path,
): Promise<ImportFileSummary> {
  const name = basename(shown);
  if (statSync(path).size > MAX_EXPORT_BYTES) throw new PinsightError('bad-input', `${name}: too large for an Analytics export`);
  const parsed = parseExportBytes(readFileSync(path), shown);
  if (!parsed) throw new PinsightError('bad-input', `${name}: starts like an Analytics export but has no sections Pinsight can read`);
  const context = completeContext(parsed, overrides, name);
  await storeExport(ws, importId, shown, parsed, context);
  const rows = parsed.sections.reduce((n, s) => n + s.rows.length, 0);
  const kind = parsed.legacy ? 'legacy-export' : 'export';
  await ws.run(`INSERT INTO import_log VALUES ($importId, $file, $kind, $hash, $rows, 0, now()::TIMESTAMP, $quick)`, {
    importId,
    file: shown,
    kind,
    hash: contentHash,
    rows,
    quick: quickSig,
  });
  return { file: shown, kind, rows, rejected: 0, status: 'imported' };
}
