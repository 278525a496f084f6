/**
 * Which files an import covers: named files, and the supported files inside named folders. Paths are taken
 * literally: links are resolved, then only regular files are read (never a FIFO, a device or a socket, which
 * would block or never end), and a name that DuckDB would read as a glob pattern (`ev*.csv`, `[p]1.csv`) is
 * read through a link with a plain name in a private staging folder.
 */
import { copyFileSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve, sep } from 'node:path';
import { PinsightError } from '../../../shared/api';

export type FileFormat = 'csv' | 'json' | 'parquet';

const FORMATS: [RegExp, FileFormat][] = [
  [/\.(csv|tsv|txt)(\.gz)?$/i, 'csv'],
  [/\.(json|jsonl|ndjson)(\.gz)?$/i, 'json'],
  [/\.parquet$/i, 'parquet'],
];

export function formatOf(path: string): FileFormat | null {
  return FORMATS.find(([re]) => re.test(path))?.[1] ?? null;
}

export interface InputFile {
  /** The file as the user named it (absolute): what messages, rejects and the import log say. */
  path: string;
  /** What DuckDB reads: the real path, or a plain-named link or copy of it in the staging folder. */
  readPath: string;
  format: FileFormat;
}

/** Characters DuckDB's file readers expand as a glob. */
const GLOB = /[*?[\]{}]/;

/** A private folder for the links and copies of one import, removed when the import ends. */
export class ImportStaging {
  private dir: string | null = null;
  private count = 0;

  private folder(): string {
    this.dir ??= mkdtempSync(join(tmpdir(), 'pinsight-import-'));
    return this.dir;
  }

  /** A new plain name in the staging folder for a file like `real` (the same extensions). */
  newPath(real: string): string {
    const ext = /\.gz$/i.test(real) ? `${extname(real.slice(0, -3))}.gz` : extname(real);
    return join(this.folder(), `f${this.count++}${ext.replace(GLOB, '_')}`);
  }

  /** A link with a plain name to `real` (a copy where links cannot be made). */
  link(real: string): string {
    const target = this.newPath(real);
    try {
      symlinkSync(real, target);
    } catch {
      copyFileSync(real, target);
    }
    return target;
  }

  close(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

function regularFile(abs: string, shown: string): string {
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    throw new PinsightError('not-found', `No such file or folder: ${shown}`);
  }
  if (!statSync(real).isFile()) {
    throw new PinsightError('bad-input', `${shown}: not a regular file (a device, a pipe or a socket): Pinsight imports files only`);
  }
  return real;
}

/**
 * `uploadsRoot`: the folder where `pinsight serve` keeps uploads (`<root>/<batch>/<name as dropped>`); a file
 * under it is shown by the name the user dropped, never by its staging path.
 */
export function listInputFiles(paths: string[], staging: ImportStaging, uploadsRoot?: string): InputFile[] {
  const out: InputFile[] = [];
  const shown = (abs: string) => {
    if (!uploadsRoot || !abs.startsWith(uploadsRoot + sep)) return abs;
    const inBatch = abs
      .slice(uploadsRoot.length + 1)
      .split(sep)
      .slice(1);
    return inBatch.length ? inBatch.join('/') : abs;
  };
  const add = (abs: string, real: string, format: FileFormat) =>
    out.push({ path: shown(abs), readPath: GLOB.test(real) ? staging.link(real) : real, format });
  for (const p of paths) {
    const abs = resolve(p);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      throw new PinsightError('not-found', `No such file or folder: ${p}`);
    }
    if (stat.isDirectory()) {
      for (const f of walk(abs, new Set())) {
        const format = formatOf(f);
        if (format) add(f, regularFile(f, f), format);
      }
    } else {
      const format = formatOf(abs);
      if (!format) {
        throw new PinsightError('bad-input', `${basename(abs)}: not a supported file (CSV, CSV.gz, JSON Lines, NDJSON, .gz, Parquet)`);
      }
      add(abs, regularFile(abs, p), format);
    }
  }
  if (!out.length) throw new PinsightError('bad-input', `No importable files in ${paths.join(', ')}`);
  return out;
}

/** Files below `dir` (links followed, each folder once), hidden ones left out. */
function walk(dir: string, seen: Set<string>): string[] {
  const real = realpathSync(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const path = join(dir, e.name);
      const isDir = e.isDirectory() || (e.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory());
      return isDir ? walk(path, seen) : [path];
    });
}
