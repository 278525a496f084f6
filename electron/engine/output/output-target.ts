/**
 * Where an export may write. An export never replaces the open workspace, its WAL or spill folder, any other
 * Pinsight workspace (any DuckDB file), a folder or a special file; an existing file is replaced only when the
 * caller says so (`--force` in the CLI, the save dialog's confirmation in the app).
 */
import { closeSync, existsSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { PinsightError } from '../../../shared/api';

/** DuckDB files carry "DUCK" at byte 8. */
export function isDuckDbFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(12);
    return readSync(fd, head, 0, 12, 0) === 12 && head.subarray(8, 12).toString('latin1') === 'DUCK';
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The real path of `p`, following links, for a file that may not exist yet (its folder must). */
function realTarget(p: string): string {
  const abs = resolve(p);
  if (existsSync(abs)) return realpathSync(abs);
  const folder = dirname(abs);
  if (!existsSync(folder)) throw new PinsightError('bad-input', `Cannot write ${abs}: the folder ${folder} does not exist`);
  return join(realpathSync(folder), basename(abs));
}

const FORMAT_EXTENSIONS = { csv: ['.csv', '.txt'], parquet: ['.parquet'] } as const;

/** Checks an export's target; returns its absolute path. */
export function checkExportTarget(out: string, workspacePath: string, options: { overwrite: boolean; format: 'csv' | 'parquet' }): string {
  const abs = resolve(out);
  const ext = extname(abs).toLowerCase();
  if (!(FORMAT_EXTENSIONS[options.format] as readonly string[]).includes(ext)) {
    const wanted = FORMAT_EXTENSIONS[options.format][0];
    throw new PinsightError(
      'bad-input',
      `${basename(abs)}: a ${options.format === 'csv' ? 'CSV' : 'Parquet'} export needs a name ending in ${wanted}`,
    );
  }
  const target = realTarget(abs);
  const ws = existsSync(workspacePath) ? realpathSync(workspacePath) : resolve(workspacePath);
  if ([ws, `${ws}.wal`].includes(target) || target.startsWith(`${ws}.tmp`)) {
    throw new PinsightError('bad-input', `${abs} is the open workspace (or its log): an export never replaces it. Choose another file.`);
  }
  if (!existsSync(target)) return abs;
  const stat = statSync(target);
  if (!stat.isFile()) throw new PinsightError('bad-input', `${abs} is not a regular file: an export writes only to files`);
  if (isDuckDbFile(target)) {
    throw new PinsightError(
      'bad-input',
      `${abs} is a Pinsight workspace (a DuckDB file): an export never replaces one. Choose another file.`,
    );
  }
  if (!options.overwrite) {
    throw new PinsightError('bad-input', `${abs} exists: choose another name, or confirm that it may be replaced (--force in the CLI)`);
  }
  return abs;
}
