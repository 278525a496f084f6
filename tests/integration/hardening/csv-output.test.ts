/**
 * Issue 12, cases 4 and 6: CSV cells a spreadsheet would run as formulas are guarded (and the guard undone when
 * Pinsight re-imports its own export); every field that needs quotes gets them (a lone CR too); and an export
 * never replaces the open workspace, another workspace, or an existing file without --force.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { querySpecSchema } from '../../../shared/query';
import { Workspace } from '../../../electron/engine/db/workspace';
import { PinsightEngine } from '../../../electron/engine/pinsight-engine';
import { tempDir } from '../../helpers/temp-dir';
import { runCli } from '../../helpers/run-cli';

const dir = tempDir();
const TITLES = ['=HYPERLINK("http://evil.example","x")', '@SUM(A1)', '+1+1', 'a\rb', '\tTabbed', 'x;=1+1;y'];
const PIN_IDS = ['-p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
let engine: PinsightEngine;
const wsPath = join(dir, 'w.duckdb');
const spec = (view: string, extra: object = {}) =>
  querySpecSchema.parse({ view, filters: { from: '2026-10-01', to: '2026-10-07' }, ...extra });

function writeWorld(): string[] {
  const files = [join(dir, 'accounts.csv'), join(dir, 'pins.csv'), join(dir, 'events.csv')];
  writeFileSync(files[0]!, 'account_id,type,value\nacc1,profile,creator1\n');
  writeFileSync(
    files[1]!,
    [
      'pin_id,image_signature,destination_url,board_id,creator_id,created_at,pin_format,parent_pin_id,title',
      ...PIN_IDS.map((id, i) => `${id},img${i},https://x.example/${i},b1,creator1,2026-09-01T00:00:00Z,standard,,${q(TITLES[i]!)}`),
    ].join('\n') + '\n',
  );
  const events = ['event_id,event_time,event_type,pin_id,user_id'];
  PIN_IDS.forEach((id, i) => {
    for (let k = 0; k <= i; k++) events.push(`e${i}-${k},2026-10-0${1 + (k % 5)}T10:00:00Z,impression,${id},${k % 2 ? '@u' : '=u'}${k}`);
  });
  writeFileSync(files[2]!, `${events.join('\n')}\n`);
  return files;
}

beforeAll(async () => {
  engine = await PinsightEngine.open(wsPath);
  await engine.importFiles(writeWorld());
});
afterAll(() => engine?.close());

const options = { format: 'csv' as const, headers: 'ids' as const, preamble: false };

describe('formula injection', () => {
  it('a view export guards every formula-like text cell and no number', async () => {
    const out = join(dir, 'top.csv');
    await engine.exportView(spec('top-pins'), out, options);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(`'=HYPERLINK(""http://evil.example"",""x"")`);
    expect(text).toContain(`,'@SUM(A1),`);
    expect(text).toContain(`,'+1+1,`);
    expect(text).toContain(`'-p1,`);
    expect(text).toContain(`,"'\tTabbed",`);
    // A reader that splits on ';' (Excel in Swedish) finds no cell starting with '=': the cell is quoted.
    expect(text).toContain(`,"x;=1+1;y",`);
    // No line of the file starts a cell with a bare formula character.
    for (const line of text.split('\r\n')) expect(line.split(',').some((c) => /^[=+@]/.test(c))).toBe(false);
  });

  it('an events export guards ids, and re-imports with the original ids', async () => {
    const out = join(dir, 'events-out.csv');
    await engine.exportView(spec('overview'), out, { ...options, rawEvents: true });
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(`,"'-p1","'=u0",`);
    const copy = await PinsightEngine.open(join(dir, 'copy.duckdb'));
    try {
      await copy.importFiles([join(dir, 'accounts.csv'), join(dir, 'pins.csv'), out]);
      const ids = `SELECT string_agg(pin_id || '/' || user_id, ' ' ORDER BY pin_id, user_id) FROM events`;
      expect(await copy.workspace.value(ids)).toBe(await engine.workspace.value(ids));
    } finally {
      copy.close();
    }
  });

  it('a preamble export re-imports every Pin with its exact title (formula guards off, a lone CR quoted)', async () => {
    const out = join(dir, 'top-preamble.csv');
    await engine.exportView(spec('top-pins'), out, { ...options, preamble: true });
    expect(readFileSync(out, 'utf8')).toContain('"a\rb"');
    const copy = await PinsightEngine.open(join(dir, 'copy2.duckdb'));
    try {
      await copy.importFiles([out]);
      const titles = await copy.workspace.all<{ pin_id: string; title: string }>(
        `SELECT DISTINCT pin_id, title FROM export_top ORDER BY pin_id`,
      );
      expect(titles).toEqual(PIN_IDS.map((pin_id, i) => ({ pin_id, title: TITLES[i] })).sort((a, b) => a.pin_id.localeCompare(b.pin_id)));
    } finally {
      copy.close();
    }
  });
});

describe('export targets', () => {
  it('never replace the open workspace, its WAL, or another workspace', async () => {
    await expect(engine.exportView(spec('top-pins'), wsPath, { ...options, overwrite: true })).rejects.toThrow(
      /needs a name ending in \.csv/,
    );
    const disguised = join(dir, 'disguised.csv');
    const other = await Workspace.open(disguised);
    other.close();
    await expect(engine.exportView(spec('top-pins'), disguised, { ...options, overwrite: true })).rejects.toThrow(
      /is a Pinsight workspace/,
    );
    await expect(engine.exportView(spec('top-pins'), `${wsPath}.wal`, { ...options, format: 'csv', overwrite: true })).rejects.toThrow(
      /needs a name ending|open workspace/,
    );
    expect(readFileSync(wsPath).subarray(8, 12).toString('latin1')).toBe('DUCK');
  });

  it('replace an existing file only when told to', async () => {
    const out = join(dir, 'existing.csv');
    writeFileSync(out, 'keep\n');
    await expect(engine.exportView(spec('top-pins'), out, options)).rejects.toThrow(/exists: choose another name, or confirm/);
    expect(readFileSync(out, 'utf8')).toBe('keep\n');
    await engine.exportView(spec('top-pins'), out, { ...options, overwrite: true });
    expect(readFileSync(out, 'utf8')).toContain('pin_id');
  });

  it('the CLI refuses the workspace itself and an existing file without --force', () => {
    engine.close();
    try {
      const overWs = runCli(['export', 'top-pins', '--workspace', wsPath, '--out', wsPath]);
      expect(overWs.code).not.toBe(0);
      expect(overWs.stderr).toMatch(/--out: name the file FILE\.csv/);
      const named = join(dir, 'ws.csv');
      writeFileSync(named, readFileSync(wsPath));
      const overCopy = runCli(['export', 'top-pins', '--workspace', wsPath, '--out', named, '--force']);
      expect(overCopy.stderr).toMatch(/is a Pinsight workspace/);
      expect(overCopy.stderr).not.toMatch(/at .*\.js:\d+/);
      const plain = join(dir, 'plain.csv');
      writeFileSync(plain, 'x\n');
      expect(runCli(['export', 'top-pins', '--workspace', wsPath, '--out', plain]).stderr).toMatch(/exists/);
      expect(runCli(['export', 'top-pins', '--workspace', wsPath, '--out', plain, '--force']).code).toBe(0);
      expect(existsSync(plain)).toBe(true);
    } finally {
      engine = undefined as unknown as PinsightEngine;
    }
  });
});
