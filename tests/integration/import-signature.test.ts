/**
 * A file is skipped as imported before only when its bytes are the same: the quick signature (size, first and
 * last 64 KiB) only decides whether the whole file is hashed before it is read or while it is read.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IN_MEMORY } from '../../electron/engine/db/workspace';
import { quickSignature } from '../../electron/engine/ingest/file-hash';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir();
const HEADER = 'event_id,event_time,event_type,pin_id,user_id';

/** 6,000 events; `middle` changes one id in the middle of the file without changing its size. */
function eventsFile(name: string, middle: string): string {
  const lines = [HEADER];
  for (let i = 0; i < 6000; i++)
    lines.push(`${i === 3000 ? middle : `e${String(i).padStart(5, '0')}`},2026-03-01T10:00:00Z,impression,101,u${i % 50}`);
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('files imported before', () => {
  const a = eventsFile('a.csv', 'e03000');
  const b = eventsFile('b.csv', 'x03000');
  const copy = eventsFile('copy-of-a.csv', 'e03000');

  it('a file that differs only in its middle has the same quick signature and is still imported', async () => {
    expect(quickSignature(b)).toBe(quickSignature(a));
    const engine = await PinsightEngine.open(IN_MEMORY);
    await engine.importFiles([a]);
    const second = await engine.importFiles([b]);
    expect(second.files.map((f) => [f.status, f.rows])).toEqual([['imported', 6000]]);
    const logged = await engine.workspace.all<{ n: number; hashes: number; sigs: number }>(
      'SELECT count(*) AS n, count(DISTINCT content_hash) AS hashes, count(DISTINCT quick_sig) AS sigs FROM import_log',
    );
    expect(logged).toEqual([{ n: 2, hashes: 2, sigs: 1 }]);
  });

  it('the same bytes under another name are skipped, in a later import and within one', async () => {
    const engine = await PinsightEngine.open(IN_MEMORY);
    const first = await engine.importFiles([a, copy]);
    expect(first.files.map((f) => f.status)).toEqual(['imported', 'already-imported']);
    const again = await engine.importFiles([copy]);
    expect(again.files.map((f) => f.status)).toEqual(['already-imported']);
    const events = await engine.workspace.all<{ n: number }>('SELECT count(*) AS n FROM events');
    expect(events[0]!.n).toBe(6000);
  });
});
