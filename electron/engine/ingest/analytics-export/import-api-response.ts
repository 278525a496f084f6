/** Imports a saved Pinterest API analytics response (api-response.ts) as export snapshots, within the caller's transaction. */
import { openSync, readSync, closeSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { PinsightError } from '../../../../shared/api';
import { DIMENSION_IDS } from '../../../../shared/dimensions';
import type { ImportFileSummary, ImportNote } from '../../../../shared/results';
import { decodeText } from '../text/text-decoding';
import { readApiResponse, splitContext } from './api-response';
import type { ExportFileJob } from './export-types';
import { completeContext, logExportImport, storeExport } from './store-export';

const MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

/** A JSON file that is one object (not JSON Lines): worth reading whole to see whether it is an API response. */
export function mayBeApiResponse(path: string): boolean {
  if (statSync(path).size > MAX_RESPONSE_BYTES) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    const text = decodeText(head.subarray(0, n)).trimStart();
    // JSON Lines start with an object too, but close it on the first line; a response spans lines or is one line.
    return text.startsWith('{') && /"(daily_metrics|pins|all|summary_metrics)"/.test(text);
  } finally {
    closeSync(fd);
  }
}

export async function importApiResponse({
  ws,
  path,
  importId,
  contentHash,
  quickSig,
  overrides,
  shown,
}: ExportFileJob): Promise<ImportFileSummary | null> {
  const name = basename(shown);
  let json: unknown;
  try {
    json = JSON.parse(decodeText(readFileSync(path)));
  } catch {
    return null; // not one JSON document: JSON Lines, read as a dump
  }
  const response = readApiResponse(json, name);
  if (!response) return null;
  let rows = 0;
  const stated = DIMENSION_IDS.some((id) => overrides[id]);
  for (const snapshot of response.snapshots) {
    const context = completeContext(snapshot.parsed, splitContext(overrides, snapshot.split), name);
    await storeExport(ws, importId, shown, snapshot.parsed, context);
    rows += snapshot.parsed.sections.reduce((n, s) => n + s.rows.length, 0);
  }
  if (!rows) throw new PinsightError('bad-input', `${name}: a Pinterest API ${response.shape} response without any days or Pins`);
  await logExportImport(ws, { importId, file: shown, kind: 'export', hash: contentHash, rows, quick: quickSig });
  const notes = [
    `Pinterest API ${response.shape}${response.snapshots.length > 1 ? `, ${response.snapshots.length} split values` : ''}`,
    ...(stated || response.snapshots.some((s) => s.split)
      ? []
      : ['no selection given: imported as all content types, devices, sources, formats and accounts']),
    ...(response.provisionalDays
      ? [
          `${response.provisionalDays} ${response.provisionalDays === 1 ? 'day' : 'days'} not final yet (data_status not READY), shown as provisional`,
        ]
      : []),
    ...(response.unknownMetrics.length
      ? [`metrics Pinsight has no meaning for, kept as they are: ${response.unknownMetrics.join(', ')}`]
      : []),
  ];
  const codes: ImportNote[] = [
    { code: 'apiShape', detail: `${response.shape}${response.snapshots.length > 1 ? `, ${response.snapshots.length} splits` : ''}` },
    ...(stated || response.snapshots.some((s) => s.split) ? [] : [{ code: 'noSelection' as const }]),
    ...(response.provisionalDays ? [{ code: 'provisional' as const, count: response.provisionalDays }] : []),
    ...(response.unknownMetrics.length ? [{ code: 'unknownMetrics' as const, detail: response.unknownMetrics.join(', ') }] : []),
  ];
  return { file: shown, kind: 'export', rows, rejected: 0, status: 'imported', note: notes.join('; '), notes: codes };
}
