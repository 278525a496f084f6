/** Options of `npm run bench`. */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  sizes: number[];
  formats: ('csv' | 'ndjson' | 'parquet')[];
  dir: string;
  repeats: number;
  /** Exit non-zero when a ratio falls below its guard (CI's small run). */
  check: boolean;
  json?: string;
}

const SIZE = /^(\d+(?:\.\d+)?)([km]?)$/i;

export function parseSize(s: string): number {
  const m = SIZE.exec(s.trim());
  if (!m) throw new Error(`bad size "${s}" (use e.g. 200k, 1m, 10m, 100m)`);
  return Math.round(Number(m[1]) * (m[2]?.toLowerCase() === 'm' ? 1e6 : m[2]?.toLowerCase() === 'k' ? 1e3 : 1));
}

export function benchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '1m,10m,100m' },
      formats: { type: 'string', default: 'csv,ndjson,parquet' },
      dir: { type: 'string', default: 'bench-data' },
      repeats: { type: 'string', default: '15' },
      check: { type: 'boolean', default: false },
      json: { type: 'string' },
    },
    strict: true,
  });
  return {
    sizes: values.sizes.split(',').map(parseSize),
    formats: values.formats.split(',') as BenchOptions['formats'],
    dir: values.dir,
    repeats: Number(values.repeats),
    check: values.check,
    json: values.json,
  };
}
