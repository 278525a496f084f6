/** `pinsight import` and `pinsight query pin` as a user runs them, and what a kill -9 mid-import leaves. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../shared/results';
import { writeDemoDump, writeDemoEventsFile } from '../../electron/engine/demo/write-demo-dump';
import { Workspace } from '../../electron/engine/db/workspace';
import { BIN, cliJson, runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir();
const ws = join(dir, 'imported.duckdb');
const dump = join(dir, 'dump');

beforeAll(async () => {
  await writeDemoDump(dump, 6000, 3);
});

describe('pinsight import', () => {
  it('imports a folder and reports rows, rejects and out-of-scope events as JSON', () => {
    const s = cliJson<ImportSummary>(['import', dump, '--workspace', ws]);
    expect(s.files).toHaveLength(8);
    expect(s.imported).toBeGreaterThan(6000);
    expect(s.rejected).toHaveLength(7);
    expect(s.rejected[0]).toMatchObject({ line: 2, reason: expect.stringContaining('event_time') });
    expect(s.rejected[0]!.file).toMatch(/events-late\.csv$/);
    expect(s.outOfScopeEvents).toBeGreaterThan(0);
  });

  it('prints a readable summary, and says when files were imported before', () => {
    const r = runCli(['import', dump, '--workspace', ws]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('events-a.csv: already imported, nothing changed');
  });

  it('query pin prints Pin stats', () => {
    const top = cliJson<{ rows: { pin_id: string }[] }>(['query', 'top-pins', '--workspace', ws, '--limit', '1']);
    const pin = cliJson<{ pin_id: string; phase: string; group: string[]; final: Record<string, number> }>([
      'query',
      'pin',
      '--workspace',
      ws,
      '--pin',
      top.rows[0]!.pin_id,
    ]);
    expect(pin.phase).toBe('final');
    expect(pin.group).toContain(top.rows[0]!.pin_id);
    expect(pin.final.impressions).toBeGreaterThan(0);
    expect(runCli(['query', 'pin', '--workspace', ws]).stderr).toContain('needs a Pin id');
  });

  it('a time zone setting moves events to local days', () => {
    const utc = cliJson<{ series: { date: string; impressions: number }[] }>([
      'query',
      'overview',
      '--workspace',
      ws,
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-10',
    ]);
    expect(runCli(['config', '--workspace', ws, '--time-zone', 'Mars/Olympus']).stderr).toContain('Unknown time zone');
    expect(runCli(['config', '--workspace', ws, '--time-zone', 'Pacific/Kiritimati']).stdout).toContain('time zone: Pacific/Kiritimati');
    const local = cliJson<{ series: { date: string; impressions: number }[] }>([
      'query',
      'overview',
      '--workspace',
      ws,
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-10',
    ]);
    expect(local.series.map((p) => p.impressions)).not.toEqual(utc.series.map((p) => p.impressions));
    runCli(['config', '--workspace', ws, '--time-zone', 'UTC']);
    const back = cliJson<{ series: { impressions: number }[] }>([
      'query',
      'overview',
      '--workspace',
      ws,
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-10',
    ]);
    expect(back.series.map((p) => p.impressions)).toEqual(utc.series.map((p) => p.impressions));
  });

  it('kill -9 while the rows are read leaves the workspace as it was', async () => {
    await killDuring('big-a', 'reading', 150);
  });

  it('kill -9 while the import cleans and aggregates leaves the workspace as it was, once reopened', async () => {
    await killDuring('big-b', 'cleaning', 0);
  });
});

/** Starts an import of a large file, kills it when its progress reaches `phase`, and compares the workspace. */
async function killDuring(name: string, phase: string, delayMs: number): Promise<void> {
  const big = join(dir, name);
  await writeDemoEventsFile(big, 1_500_000, 'csv', name === 'big-a' ? 8 : 9);
  const before = await counts(ws);
  const child = spawn(process.execPath, [BIN, 'import', big, '--workspace', ws], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PINSIGHT_PROGRESS: 'lines' },
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  await new Promise<void>((ok) => {
    child.stderr.on('data', (d: Buffer) => d.toString().includes(phase) && ok());
    child.on('exit', () => ok());
  });
  if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
  expect(exited, `the import finished before it could be killed while ${phase}: make the file larger`).toBe(false);
  child.kill('SIGKILL');
  await new Promise((r) => child.on('exit', r));
  expect(await counts(ws)).toEqual(before);
}

async function counts(path: string) {
  const w = await Workspace.open(path, { create: false });
  try {
    return await w.all(
      `SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM import_log) AS imports, (SELECT count(*) FROM pins) AS pins,
              (SELECT count(*) FROM events_clean) AS clean, (SELECT sum(impressions) FROM rollup_daily) AS impressions,
              (SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '%_next' OR table_name LIKE 'undo_%') AS leftovers`,
    );
  } finally {
    w.close();
  }
}
