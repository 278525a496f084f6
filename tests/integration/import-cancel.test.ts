/** Cancelling an import from the app (the engine API's job): the running statement stops, nothing lands. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineApi } from '../../electron/engine/engine-api';
import { writeDemoEventsFile } from '../../electron/engine/demo/write-demo-dump';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir();

describe('cancelling an import job', () => {
  it('interrupts the statement that is reading the file and leaves the workspace as it was', async () => {
    const data = join(dir, 'big');
    const { eventsFile } = await writeDemoEventsFile(data, 1_500_000, 'csv', 31);
    const engine = await PinsightEngine.open(join(dir, 'ws.duckdb'));
    const before = await engine.workspace.all(
      'SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM import_log) AS imports',
    );
    const interrupted: string[] = [];
    const conn = engine.workspace.conn;
    const original = conn.runAndReadAll.bind(conn);
    conn.runAndReadAll = async (...args: Parameters<typeof original>) => {
      try {
        return await original(...args);
      } catch (e) {
        if (String(e).includes('Interrupted')) interrupted.push(String(args[0]).trim().split(/\s+/).slice(0, 3).join(' '));
        throw e;
      }
    };

    const api = engineApi(engine);
    const started = await api.startImport({ paths: [eventsFile] });
    if (!started.ok) throw new Error(started.error.message);
    const id = started.value.id;
    const status = async () => {
      const s = await api.importStatus({ id });
      if (!s.ok) throw new Error(s.error.message);
      return s.value;
    };
    while ((await status()).phase !== 'reading') await new Promise((r) => setTimeout(r, 5));
    // Past the content hash, into the INSERT of 1.5M rows.
    await new Promise((r) => setTimeout(r, 400));
    await api.cancelImport({ id });
    let last = await status();
    while (last.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      last = await status();
    }
    expect(last.state).toBe('cancelled');
    expect(last.error?.message).toContain('Import cancelled');
    expect(interrupted).toEqual(['INSERT INTO events']);
    expect(
      await engine.workspace.all('SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM import_log) AS imports'),
    ).toEqual(before);
    engine.close();
  });
});
