/**
 * Text decoding for every importer: the start of a file (gzip or not), its encoding (UTF-8 with or without BOM,
 * UTF-16 in either byte order), its field delimiter and header, and CSV rows with their line numbers.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { gunzipSync, constants } from 'node:zlib';

/** UTF-16 by its byte-order mark, or without one by its zero bytes: in ASCII text every other byte is zero. */
export function utf16Of(bytes: Buffer): { encoding: 'utf-16le' | 'utf-16be'; bom: boolean } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const sample = bytes.subarray(0, 512);
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) zeroOdd++;
    else zeroEven++;
  }
  // Zeros at one parity only; zeros at both are binary content, not text.
  const many = sample.length / 4;
  const few = sample.length / 16;
  if (sample.length > 8 && zeroOdd > many && zeroEven < few) return { encoding: 'utf-16le', bom: false };
  if (sample.length > 8 && zeroEven > many && zeroOdd < few) return { encoding: 'utf-16be', bom: false };
  return null;
}

export function decodeText(bytes: Buffer): string {
  const utf16 = utf16Of(bytes);
  if (utf16) return new TextDecoder(utf16.encoding).decode(utf16.bom ? bytes.subarray(2) : bytes);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  return new TextDecoder('utf-8').decode(bytes);
}

/** Splits CSV text into rows of cells, keeping each row's line number (quoted fields may span lines). */
export function splitRows(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(field);
      rows.push({ line: rowLine, cells });
      cells = [];
      field = '';
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (field !== '' || cells.length) {
    cells.push(field);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

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
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [c, n] of counts) if (n > (counts.get(best) ?? 0)) best = c;
  return best;
}

export interface CsvHeader {
  delimiter: string;
  columns: string[];
}

/** The delimiter and column names of a CSV file, from its first non-empty line (a UTF-8 BOM is ignored). */
export function csvHeader(path: string): CsvHeader {
  const head = readHead(path)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const delimiter = sniffDelimiter(head);
  const line = head.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return { delimiter, columns: (splitRows(line, delimiter)[0]?.cells ?? []).map((c) => c.trim()) };
}
