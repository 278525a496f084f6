/** Which files an import covers: named files, and the supported files inside named folders. */
import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
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
  path: string;
  format: FileFormat;
}

export function listInputFiles(paths: string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      throw new PinsightError('not-found', `No such file or folder: ${p}`);
    }
    if (stat.isDirectory()) {
      for (const f of walk(abs)) {
        const format = formatOf(f);
        if (format) out.push({ path: f, format });
      }
    } else {
      const format = formatOf(abs);
      if (!format) {
        throw new PinsightError('bad-input', `${basename(abs)}: not a supported file (CSV, CSV.gz, JSON Lines, NDJSON, .gz, Parquet)`);
      }
      out.push({ path: abs, format });
    }
  }
  if (!out.length) throw new PinsightError('bad-input', `No importable files in ${paths.join(', ')}`);
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
