/**
 * Issue 12, cases 9 and 10: on a full disk an import lands or not and says which; a workspace that cannot be
 * written opens read-only; damaged bookkeeping is a clear error that changes nothing.
 *
 * The full disk is a small tmpfs, which needs root (as CI and this project's machines run). Elsewhere the same
 * scenarios run on a folder without write permission, which reaches the same code paths.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { querySpecSchema } from '../../../shared/query';
import { Workspace } from '../../../electron/engine/db/workspace';
import { generateDemo } from '../../../electron/engine/demo/generate-demo';
import { PinsightEngine } from '../../../electron/engine/pinsight-engine';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir();
const root = process.getuid?.() === 0;
const mounted: string[] = [];
afterAll(() => {
  for (const m of mounted) spawnSync('umount', ['-l', m]);
});

function smallDisk(name: string, mib: number): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  if (root) {
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${mib}m`, 'tmpfs', folder]);
    if (r.status !== 0) throw new Error(`mount failed: ${r.stderr.toString()}`);
    mounted.push(folder);
  }
  return folder;
}

function fillDisk(folder: string, leaveKib: number): void {
  const df = spawnSync('df', ['-k', '--output=avail', folder]).stdout.toString().trim().split('\n').pop()!;
  const count = Math.max(0, Number(df) - leaveKib);
  spawnSync('dd', ['if=/dev/zero', `of=${join(folder, `filler-${leaveKib}`)}`, 'bs=1k', `count=${count}`]);
}

function eventsFile(rows: number): string {
  const path = join(dir, `events-${rows}.csv`);
  const lines = ['event_time,event_type,pin_id,user_id'];
  for (let i = 0; i < rows; i++) lines.push(`2026-10-0${1 + (i % 9)}T10:00:00Z,impression,p${i % 500},u${i}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function demoAt(path: string): Promise<void> {
  const ws = await Workspace.open(path);
  await generateDemo(ws, 20_000);
  ws.close();
}

const overview = async (engine: PinsightEngine) => {
  const r = await engine.query(querySpecSchema.parse({ view: 'overview' }));
  return r.view === 'overview' ? r.totals.impressions : null;
};

describe('a disk that cannot be written', () => {
  it('an import on a full disk lands or not, says which, and the history agrees', async () => {
    const folder = smallDisk('full', 24);
    const path = join(folder, 'w.duckdb');
    await demoAt(path);
    const file = eventsFile(200_000);
    if (root) fillDisk(folder, 8000);
    else chmodSync(folder, 0o555);
    const engine = await PinsightEngine.open(path);
    const before = (await engine.importHistory()).length;
    const outcome = await engine.importFiles([file]).then(
      (s) => ({ landed: true, text: s.message }),
      (e: Error) => ({ landed: false, text: e.message }),
    );
    if (outcome.landed) expect(outcome.text).toMatch(/\d|landed/);
    else expect(outcome.text).toMatch(/^Nothing was imported: the (workspace could not be written|workspace is open read-only)/);
    expect(outcome.text).not.toMatch(/FATAL|TransactionContext|Error:/);
    expect((await engine.importHistory()).length).toBe(before + (outcome.landed ? 1 : 0));
    expect(await overview(engine)).toBeGreaterThan(0);
    engine.close();
    const again = await PinsightEngine.open(path);
    expect((await again.importHistory()).length).toBe(before + (outcome.landed ? 1 : 0));
    again.close();
    if (!root) chmodSync(folder, 0o755);
  });

  it('a workspace that cannot be written opens read-only: views work, imports say why', async () => {
    const folder = smallDisk('ro', 16);
    const path = join(folder, 'w.duckdb');
    await demoAt(path);
    const writable = await PinsightEngine.open(path);
    const impressions = await overview(writable);
    writable.close();
    if (root) expect(spawnSync('mount', ['-o', 'remount,ro', folder]).status).toBe(0);
    else {
      chmodSync(path, 0o444);
      chmodSync(folder, 0o555);
    }
    const engine = await PinsightEngine.open(path);
    expect((await engine.workspaceInfo()).readOnly).toMatch(/Read-only file system|Permission denied/);
    expect(await overview(engine)).toBe(impressions);
    await expect(engine.importFiles([eventsFile(10)])).rejects.toThrow(/^Nothing was imported: the workspace is open read-only/);
    engine.close();
    if (!root) chmodSync(folder, 0o755);
  });
});

describe('damaged bookkeeping changes nothing', () => {
  async function damaged(key: string, value: string): Promise<{ path: string; events: number }> {
    const path = join(dir, `${key}-${value.replace(/\W/g, '')}.duckdb`);
    await demoAt(path);
    const ws = await Workspace.open(path);
    const events = (await ws.value<number>('SELECT count(*) FROM events')) ?? 0;
    await ws.setMeta(key, value);
    ws.close();
    return { path, events };
  }

  for (const value of ['abc', '1', '-3', '999']) {
    it(`a pending import "${value}" that cannot be identified is an error, and no event is deleted`, async () => {
      const { path, events } = await damaged('pending_import', value);
      await expect(PinsightEngine.open(path)).rejects.toThrow(
        /records an unfinished import, marked .*, that cannot be identified .* nothing was changed/,
      );
      const ws = await Workspace.open(path).catch(() => null);
      expect(ws).toBeNull();
      // Read the file directly: every event is still there.
      const { DuckDBInstance } = await import('@duckdb/node-api');
      const db = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
      const conn = await db.connect();
      const rows = (await conn.runAndReadAll('SELECT count(*)::INTEGER FROM events')).getRows();
      conn.closeSync();
      db.closeSync();
      expect(rows[0]![0]).toBe(events);
    });
  }

  it('a schema version that is not a number is a clear message', async () => {
    const { path } = await damaged('schema_version', 'v7');
    await expect(PinsightEngine.open(path)).rejects.toThrow(/format version "v7" is not a number; the file is damaged/);
  });
});
