/**
 * A guard against rows with thousands of fields. DuckDB's CSV reader records one rejected-row entry per surplus
 * field, each with the whole line, so a 600 KB file of such rows takes minutes and gigabytes. This scan runs
 * beside the read (decompressing .gz files) and finds the first line with far more fields than the header; the
 * import then stops the read and refuses the file, naming the line.
 *
 * Cheap on real dumps: lines up to LONG_LINE bytes are passed over (they cannot hold that many fields); only in
 * longer ones are delimiters counted (outside quotes, from where counting starts).
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

const LONG_LINE = 256;
const QUOTE = 0x22;
const NEWLINE = 0x0a;

export interface WideLine {
  line: number;
  /** Fields seen in the line (at least; counting starts past its first bytes). */
  fields: number;
}

/** The most fields a data row may have: the header's, and some room for quoted delimiters gone wrong. */
export const maxFieldsFor = (columns: number): number => Math.max(64, columns + 32);

export async function findWideLine(path: string, delimiter: string, maxFields: number, signal?: AbortSignal): Promise<WideLine | null> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream: Readable = /\.gz$/i.test(path) ? raw.pipe(createGunzip()) : raw;
  const delim = delimiter.charCodeAt(0);
  let line = 1;
  let length = 0;
  let fields = 1;
  let quoted = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal?.aborted) return null;
      let pos = 0;
      while (pos < chunk.length) {
        const nl = chunk.indexOf(NEWLINE, pos);
        const end = nl < 0 ? chunk.length : nl;
        if (length + (end - pos) > LONG_LINE) {
          // A long line: count its delimiters outside quotes from here on.
          for (let i = Math.max(pos, pos + LONG_LINE - length); i < end; i++) {
            const b = chunk[i];
            if (b === QUOTE) quoted = !quoted;
            else if (b === delim && !quoted && ++fields > maxFields) return { line, fields };
          }
        }
        length += end - pos;
        if (nl < 0) break;
        line++;
        length = 0;
        fields = 1;
        quoted = false;
        pos = nl + 1;
      }
    }
    return null;
  } finally {
    raw.destroy();
    stream.destroy();
  }
}
