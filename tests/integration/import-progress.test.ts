/**
 * Issue 15, the Import view's facts: progress in bytes and rows with an estimate, an upload named as the user
 * dropped it (summary, refused rows, history), and each import's refused count in the history.
 */
import { mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cpSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeDemoDump } from '../../electron/engine/demo/write-demo-dump';
import type { ImportProgress } from '../../electron/engine/ingest/import-progress';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir();

describe('import progress and names', () => {
  it('reports bytes of all files, rows of finished ones, never going backwards', async () => {
    const dump = await writeDemoDump(join(dir, 'dump'), 6000, 3);
    const engine = await PinsightEngine.open(join(dir, 'progress.duckdb'));
    const seen: ImportProgress[] = [];
    const files = [...dump.files].sort();
    const summary = await engine.importFiles(files, { onProgress: (p) => seen.push(p) });
    const total = files.reduce((n, f) => n + statSync(f).size, 0);
    expect(new Set(seen.map((p) => p.bytesTotal))).toEqual(new Set([total]));
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.bytesDone).toBeGreaterThanOrEqual(seen[i - 1]!.bytesDone);
    const deriving = seen.find((p) => p.phase === 'deriving');
    expect(deriving).toMatchObject({ bytesDone: total, rowsDone: summary.files.reduce((n, f) => n + f.rows, 0), etaSeconds: null });
    // When the second file starts, the first file's bytes and rows are done.
    const second = seen.find((p) => p.phase === 'reading' && p.fileIndex === 1);
    expect(second).toMatchObject({ bytesDone: statSync(files[0]!).size, rowsDone: summary.files[0]!.rows });
    engine.close();
  });

  it('an upload is named as the user dropped it, never by its staging path; the history counts refused rows', async () => {
    const dump = await writeDemoDump(join(dir, 'messy'), 4000, 5);
    const uploads = join(dir, 'uploads');
    const batch = join(uploads, 'k3j2h1abc', 'my dump');
    mkdirSync(batch, { recursive: true });
    for (const f of dump.files) cpSync(f, join(batch, basename(f)));
    const engine = await PinsightEngine.open(join(dir, 'uploads.duckdb'));
    const summary = await engine.importFiles([join(uploads, 'k3j2h1abc')], { uploadsRoot: uploads });
    expect(summary.files.map((f) => f.file).sort()).toEqual(dump.files.map((f) => `my dump/${basename(f)}`).sort());
    expect(summary.rejected.length).toBe(dump.malformed.length);
    for (const r of summary.rejected) expect(r.file).toMatch(/^my dump\/[^/]+$/);
    const history = await engine.importHistory();
    expect(history.every((h) => h.file.startsWith('my dump/'))).toBe(true);
    expect(history.reduce((n, h) => n + h.rejected, 0)).toBe(dump.malformed.length);
    expect(history[0]?.importedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    engine.close();
  });
});
