/** Event dumps: every case of the Event dumps issue imports, and the numbers equal an independent computation. */
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRIC_IDS } from '../../shared/metrics';
import { querySpecSchema, type QuerySpecInput } from '../../shared/query';
import type { ImportSummary, OverviewResult, TopResult } from '../../shared/results';
import { IN_MEMORY, Workspace } from '../../electron/engine/db/workspace';
import { demoStatements } from '../../electron/engine/demo/demo-recipe';
import { writeDemoDump, type DumpFiles } from '../../electron/engine/demo/write-demo-dump';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { clean, closeTo, matches, metrics, readWorld, topBy, type CleanEvent } from '../helpers/reference-metrics';
import { tempDir } from '../helpers/temp-dir';

const EVENTS = 9000;
const SEED = 11;
const dir = tempDir();
const dumpDir = join(dir, 'dump');
let dump: DumpFiles;
let engine: PinsightEngine;
let summary: ImportSummary;
let reference: CleanEvent[];

beforeAll(async () => {
  dump = await writeDemoDump(dumpDir, EVENTS, SEED);
  // The reference sees the generated world directly, never the imported tables.
  const world = await Workspace.open(IN_MEMORY);
  for (const sql of demoStatements({ events: EVENTS, seed: SEED })) await world.run(sql);
  reference = clean(await readWorld(world));
  world.close();

  engine = await PinsightEngine.open(join(dir, 'imported.duckdb'));
  summary = await engine.importFiles([dumpDir]);
});

const query = (spec: QuerySpecInput) => engine.query(querySpecSchema.parse(spec));
const YEAR = { from: '2025-11-01', to: '2026-10-31' };

describe('importing a folder of event dumps', () => {
  it('reads every file, whatever its format', () => {
    expect(summary.files.map((f) => [basename(f.file), f.kind, f.status])).toEqual([
      ['boards.jsonl', 'boards', 'imported'],
      ['claimed-accounts.csv', 'accounts', 'imported'],
      ['events-a.csv', 'events', 'imported'],
      ['events-b.ndjson.gz', 'events', 'imported'],
      ['events-c.parquet', 'events', 'imported'],
      ['events-late.csv', 'events', 'imported'],
      ['pins.csv', 'pins', 'imported'],
      ['spam-users.csv', 'spam_users', 'imported'],
    ]);
    expect(summary.outOfScopeEvents).toBeGreaterThan(0);
    expect(summary.message).toContain('left out of every view');
  });

  it('rejects each malformed row with file, line, column and reason, and keeps the rest', () => {
    expect(summary.rejected.map((r) => [basename(r.file), r.line, r.column])).toEqual(
      dump.malformed.map((m) => [basename(m.file), m.line, m.column]),
    );
    const reasons = summary.rejected.map((r) => r.reason);
    expect(reasons[0]).toContain('cannot read "yesterday at noon" as a time');
    expect(reasons[1]).toContain('unknown value "repin"');
    expect(reasons[2]).toMatch(/watch_ms: "-5" is out of range/);
    expect(reasons[3]).toBe('pin_id: missing value');
    expect(reasons[4]).toContain('"fridge"');
    expect(reasons[5]).toContain('"sponsored"');
    expect(reasons[6]).toMatch(/progress_pct: "140" is out of range/);
  });

  it.each([
    { filters: YEAR },
    { filters: { ...YEAR, contentType: 'paid' as const } },
    { filters: { from: '2026-09-01', to: '2026-10-31', device: 'tablet' as const, source: 'others' as const } },
    { filters: { ...YEAR, format: 'video' as const } },
    { filters: { ...YEAR, accounts: ['acc-travel'] } },
  ])('overview totals equal the reference for $filters', async ({ filters }) => {
    const r = (await query({ view: 'overview', filters })) as OverviewResult;
    const full = { contentType: 'all', device: 'all', source: 'all', format: 'all', accounts: [], ...filters } as const;
    const expected = metrics(reference.filter((e) => matches(e, { ...full, accounts: [...full.accounts] })));
    expect(expected.impressions).toBeGreaterThan(0);
    for (const id of METRIC_IDS) expect(closeTo(r.totals[id], expected[id]), `${id}: ${r.totals[id]} vs ${expected[id]}`).toBe(true);
  });

  it('top Pins and top boards equal the reference', async () => {
    const pins = (await query({ view: 'top-pins', filters: YEAR, sortBy: 'engagements', limit: 8 })) as TopResult;
    expect(pins.rows.map((r) => r.engagements)).toEqual(
      topBy(reference, (e) => e.group, 'engagements')
        .slice(0, 8)
        .map((x) => x.m.engagements),
    );
    const boards = (await query({ view: 'top-boards', filters: YEAR, limit: 4 })) as TopResult;
    expect(boards.rows.map((r) => [r.board_id, r.impressions])).toEqual(
      topBy(reference, (e) => e.board_id, 'impressions')
        .slice(0, 4)
        .map((x) => [x.key, x.m.impressions]),
    );
  });

  it('re-importing the same files changes nothing and says so', async () => {
    const before = (await query({ view: 'overview', filters: YEAR })) as OverviewResult;
    const again = await engine.importFiles([dumpDir]);
    expect(again.files.every((f) => f.status === 'already-imported')).toBe(true);
    expect(again.message).toContain('already imported, nothing changed');
    const after = (await query({ view: 'overview', filters: YEAR })) as OverviewResult;
    expect(after.totals).toEqual(before.totals);
  });

  it('a failed import leaves the workspace exactly as it was', async () => {
    const before = await engine.workspace.all('SELECT count(*) AS n FROM events UNION ALL SELECT count(*) FROM import_log');
    const bad = join(dir, 'bad');
    await writeDemoDump(bad, 500, 99, false);
    writeFileSync(join(bad, 'zz-notes.csv'), 'colour,size\nred,3\n');
    await expect(engine.importFiles([bad])).rejects.toThrow(/zz-notes\.csv: not a Pinsight import/);
    expect(await engine.workspace.all('SELECT count(*) AS n FROM events UNION ALL SELECT count(*) FROM import_log')).toEqual(before);
  });

  it('a cancelled import leaves the workspace as it was', async () => {
    const before = await engine.workspace.value('SELECT count(*) FROM events');
    const other = join(dir, 'other');
    await writeDemoDump(other, 600, 5, false);
    const controller = new AbortController();
    await expect(
      engine.importFiles([other], { signal: controller.signal, onProgress: (p) => p.fileIndex === 3 && controller.abort() }),
    ).rejects.toThrow(/cancelled/);
    expect(await engine.workspace.value('SELECT count(*) FROM events')).toBe(before);
  });

  it('a cancel while cleaning and aggregating takes the import out again: raw rows, Pins and derived tables', async () => {
    const state = () =>
      engine.workspace.one(
        `SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM import_log) AS imports,
                (SELECT string_agg(pin_id || ':' || coalesce(title, ''), ',' ORDER BY pin_id) FROM pins) AS pins,
                (SELECT count(*) FROM events_clean) AS clean, (SELECT sum(impressions) FROM rollup_daily) AS impressions,
                (SELECT count(*) FROM pin_dim) AS pin_dim, (SELECT value FROM pinsight_meta WHERE key = 'pending_import') AS pending,
                (SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '%_next' OR table_name LIKE 'undo_%') AS leftovers`,
      );
    const before = await state();
    expect(before?.pending).toBeNull();
    // Pins change (a full re-derive into new tables), and events only (rows appended to the derived tables).
    const withPins = join(dir, 'late-pins');
    await writeDemoDump(withPins, 700, 21, false);
    const eventsOnly = join(dir, 'late-events');
    await writeDemoDump(eventsOnly, 700, 22, false);
    for (const files of [[withPins], dump.files.length ? [join(eventsOnly, 'events-a.csv')] : []]) {
      const controller = new AbortController();
      await expect(
        engine.importFiles(files, { signal: controller.signal, onProgress: (p) => p.phase === 'deriving' && controller.abort() }),
      ).rejects.toThrow(/cancelled/);
      expect(await state()).toEqual(before);
    }
  });

  it('names the missing columns of a file that almost fits', async () => {
    const near = join(dir, 'near.csv');
    writeFileSync(near, 'event_type,pin_id,user_id\nsave,1,u1\n');
    await expect(engine.importFiles([near])).rejects.toThrow(/near\.csv: looks like a events file but lacks the column\(s\) event_time/);
  });

  it('importing events file by file (each derived on its own) gives exactly what one import gives', async () => {
    const stepwise = await PinsightEngine.open(IN_MEMORY);
    const dims = dump.files.filter((f) => !basename(f).startsWith('events'));
    const eventFiles = dump.files.filter((f) => basename(f).startsWith('events')).sort();
    await stepwise.importFiles(dims);
    for (const f of eventFiles) await stepwise.importFiles([f]);
    const one = await PinsightEngine.open(IN_MEMORY);
    await one.importFiles([dumpDir]);
    const tables = `SELECT (SELECT count(*) FROM events_clean) AS clean, (SELECT sum(impressions) FROM rollup_daily) AS impressions,
      (SELECT count(DISTINCT user_hash) FROM events_clean) AS users`;
    expect(await stepwise.workspace.all(tables)).toEqual(await one.workspace.all(tables));
    for (const view of ['overview', 'top-pins', 'top-boards'] as const) {
      const a = await stepwise.query(querySpecSchema.parse({ view, filters: YEAR }));
      const b = await one.query(querySpecSchema.parse({ view, filters: YEAR }));
      expect(a).toEqual(b);
    }
    expect(await stepwise.workspace.getMeta('out_of_scope_events')).toBe(await one.workspace.getMeta('out_of_scope_events'));
  });
});
