/**
 * Checks on the start of a dump file before DuckDB reads it, so that a file that is not what it claims gets a
 * sentence instead of minutes of work: binary bytes, UTF-16 text (dumps must be UTF-8), a header line or a
 * column count past the limits. Also says whether a CSV mixes CRLF and LF line endings (normalised first).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PinsightError } from '../../../shared/api';
import { readHead, utf16Of } from './text/text-decoding';
import type { InputFile } from './input-files';

/** The most columns a dump file may have (the widest Pinsight file has a dozen). */
export const MAX_COLUMNS = 1000;
/** The longest line a dump file may have, in bytes; longer lines are rejected with their line number. */
export const MAX_LINE_BYTES = 2_000_000;

export interface TextShape {
  mixedLineEndings: boolean;
}

export function checkTextFile(file: InputFile, name: string): TextShape {
  if (file.format === 'parquet') return { mixedLineEndings: false };
  let head: Buffer;
  try {
    head = readHead(file.readPath);
  } catch {
    throw new PinsightError('bad-input', `${name}: cannot be read as ${/\.gz$/i.test(file.path) ? 'gzip-compressed ' : ''}text`);
  }
  if (utf16Of(head)) {
    throw new PinsightError(
      'bad-input',
      `${name}: UTF-16 text; event, Pin and account files must be UTF-8. Save it as "CSV UTF-8" (or UTF-8 text) and import it again.`,
    );
  }
  if (head.includes(0)) throw new PinsightError('bad-input', `${name}: binary content, not text (is this the right file?)`);
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const firstEnd = text.search(/\r?\n/);
  if (firstEnd < 0 && head.length >= 64 * 1024) {
    throw new PinsightError(
      'bad-input',
      `${name}, line 1: the first line is longer than 64 KiB; a Pinsight file starts with a header line`,
    );
  }
  if (file.format === 'csv') {
    const header = firstEnd < 0 ? text : text.slice(0, firstEnd);
    const fields = header.split(/[,;\t|]/).length;
    if (fields > MAX_COLUMNS) {
      throw new PinsightError(
        'bad-input',
        `${name}, line 1: ${fields.toLocaleString('en-US')} columns; a Pinsight file has at most ${MAX_COLUMNS}`,
      );
    }
  }
  // Only the head is judged: a file whose first 64 KiB mix line endings is read through a normalised copy.
  const crlf = head.includes('\r\n');
  const lf = /(^|[^\r])\n/.test(text);
  return { mixedLineEndings: file.format === 'csv' && crlf && lf };
}

/**
 * An engine error as a sentence for the user: its first line, without DuckDB's error class, the reader's
 * option dump or the offending line's text, and never long.
 */
export function readErrorSentence(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  if (/^INTERNAL Error/i.test(raw)) return 'the file could not be read (the database engine failed on its contents)';
  if (/state machine reached an invalid state/i.test(raw)) {
    return 'its lines cannot be read as CSV (a quote that never closes, or line breaks of a kind Pinsight does not read, such as a lone CR)';
  }
  const first = raw.split(/\r?\n/)[0] ?? '';
  const plain = first
    .replace(/^(Invalid Input|Conversion|Binder|Parser|IO|Out of Memory|Catalog|Internal|Invalid) Error: /i, '')
    .replace(/Duplicate struct entry name "([^"]{0,60})[^"]*"/, 'the column "$1" appears twice in the header')
    .replace(/[\x00-\x08\x0e-\x1f\x7f]/g, '?');
  return plain.length > 200 ? `${plain.slice(0, 200)}…` : plain;
}

/** Copies `src` to `dst` with every CRLF turned into LF (line numbers stay the same). */
export async function normaliseLineEndings(src: string, dst: string): Promise<void> {
  let carry = false;
  const fix = new Transform({
    transform(chunk: Buffer, _enc, done) {
      let s = chunk.toString('latin1');
      if (carry) s = `\r${s}`;
      carry = s.endsWith('\r');
      if (carry) s = s.slice(0, -1);
      done(null, Buffer.from(s.replaceAll('\r\n', '\n'), 'latin1'));
    },
    flush(done) {
      done(null, carry ? Buffer.from('\r', 'latin1') : null);
    },
  });
  await pipeline(createReadStream(src), fix, createWriteStream(dst, { flags: 'wx', mode: 0o600 }));
}
