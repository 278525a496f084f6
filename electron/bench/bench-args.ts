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
  /** Import rounds per format (median); default 3 up to 10M events, 1 above. */
  importRounds?: number;
}

const SIZE = /^(\d+(?:\.\d+)?)([km]?)$/i;

export function parseSize(s: string): number {
  const m = SIZE.exec(s.trim());
  if (!m) throw new Error(`bad size "${s}" (use e.g. 200k, 1m, 10m, 100m)`);
  return Math.round(Number(m[1]) * (m[2]?.toLowerCase() === 'm' ? 1e6 : m[2]?.toLowerCase() === 'k' ? 1e3 : 1));
}

const BENCH_HELP = `npm run bench -- [options]

Generates demo dumps (kept in --dir for the next run), imports them and times the views, each figure next to a
baseline from the same run: DuckDB's plain CREATE TABLE AS SELECT * FROM read_*() of the same file, and naive SQL
over the raw events.

  --sizes LIST     event counts, e.g. 200k,1m,10m (default 1m,10m,100m)
  --formats LIST   csv, ndjson, parquet (default all three)
  --dir DIR        where the generated data and workspaces live (default bench-data)
  --repeats N      filter changes timed per view (default 15)
  --import-rounds N  imports per format, alternating with the plain read; medians (default 3 up to 10M, 1 above)
  --check          exit non-zero when a ratio falls below CI's guard
  --json FILE      also write the figures as JSON`;

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
      'import-rounds': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(BENCH_HELP);
    process.exit(0);
  }
  return {
    sizes: values.sizes.split(',').map(parseSize),
    formats: values.formats.split(',') as BenchOptions['formats'],
    dir: values.dir,
    repeats: Number(values.repeats),
    check: values.check,
    json: values.json,
    importRounds: values['import-rounds'] ? Number(values['import-rounds']) : undefined,
  };
}
