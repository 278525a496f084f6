/** Recognises and imports an Analytics export file (within the caller's transaction). */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { PinsightError } from '../../../../shared/api';
import { DIMENSION_IDS } from '../../../../shared/dimensions';
import type { ImportFileSummary } from '../../../../shared/results';
import { decodeText, readHead } from '../text/text-decoding';
import { checkOwnExport, looksLikeExportText } from './export-header';
import type { ExportFileJob } from './export-types';
import { parseExportText } from './parse-export-file';
import { completeContext, logExportImport, storeExport } from './store-export';

const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

/** True when the file starts like an export (export-header.ts): a preamble, a section, or a header row. */
export function looksLikeExport(path: string): boolean {
  return looksLikeExportText(decodeText(readHead(path)));
}

export async function importExportFile({
  ws,
  path,
  importId,
  contentHash,
  quickSig,
  overrides,
  shown,
}: ExportFileJob): Promise<ImportFileSummary> {
  const name = basename(shown);
  if (statSync(path).size > MAX_EXPORT_BYTES) throw new PinsightError('bad-input', `${name}: too large for an Analytics export`);
  const text = decodeText(readFileSync(path));
  checkOwnExport(text, name);
  const parsed = parseExportText(text, shown);
  if (!parsed) throw new PinsightError('bad-input', `${name}: starts like an Analytics export but has no sections Pinsight can read`);
  const context = completeContext(parsed, overrides, name);
  // A current export that states no selection and got none at import: the whole account's, and said so.
  const unstated = !parsed.legacy && !parsed.context.contentType && DIMENSION_IDS.every((id) => !parsed.context[id] && !overrides[id]);
  const note = unstated
    ? 'no filter selection in the file: imported as all content types, devices, sources, formats and accounts; if it is another selection, remove it and import it again with that selection'
    : undefined;
  await storeExport(ws, importId, shown, parsed, context);
  const rows = parsed.sections.reduce((n, s) => n + s.rows.length, 0);
  const kind = parsed.legacy ? 'legacy-export' : 'export';
  await logExportImport(ws, { importId, file: shown, kind, hash: contentHash, rows, quick: quickSig });
  return { file: shown, kind, rows, rejected: 0, status: 'imported', ...(note ? { note, notes: [{ code: 'noSelection' }] } : {}) };
}
