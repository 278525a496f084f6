/** Looks at the start of a text file (gzip or not): its encoding marks and its field delimiter. */
import { closeSync, openSync, readSync } from 'node:fs';
import { gunzipSync, constants } from 'node:zlib';
import { splitRows } from '../exports/decode-text';

const HEAD_BYTES = 64 * 1024;
const INFLATED_MAX = 4 * 1024 * 1024;

export function readHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    const head = buf.subarray(0, n);
    if (head[0] === 0x1f && head[1] === 0x8b) {
      // A partial gzip stream: inflate what is there, never more than a few MiB (a gzip bomb inflates a
      // thousandfold: then only its first 2 KiB are inflated).
      const inflate = (input: Buffer) => gunzipSync(input, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: INFLATED_MAX });
      try {
        return inflate(head);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw e;
        return inflate(head.subarray(0, 2048));
      }
    }
    return head;
  } finally {
    closeSync(fd);
  }
}

const CANDIDATES = [',', ';', '\t', '|'];

/** The delimiter of a CSV-like file, judged by its first non-empty line (outside quotes). */
export function sniffDelimiter(head: string): string {
  const line = head.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const counts = new Map(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [c, n] of counts) if (n > counts.get(best)!) best = c;
  return best;
}

export interface CsvHeader {
  delimiter: string;
  columns: string[];
}

/** The delimiter and column names of a CSV file, from its first non-empty line (a UTF-8 BOM is ignored). */
export function csvHeader(path: string): CsvHeader {
  const head = readHead(path).toString('utf8').replace(/^\uFEFF/, '');
  const delimiter = sniffDelimiter(head);
  const line = head.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return { delimiter, columns: (splitRows(line, delimiter)[0]?.cells ?? []).map((c) => c.trim()) };
}
