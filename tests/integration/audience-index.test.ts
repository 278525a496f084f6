/** Issue 16: a range's audience index answers every filter combination exactly as the scan of the events does. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { DIMENSION_IDS, DIMENSIONS } from '../../shared/dimensions';
import { DEFAULT_FILTERS, type Filters } from '../../shared/filters';
import { presetRange } from '../../shared/date-presets';
import { querySpecSchema } from '../../shared/query';
import { generateDemo } from '../../electron/engine/demo/generate-demo';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { Workspace } from '../../electron/engine/db/workspace';
import { AudienceCounter, audienceIndexSql, audiencesFromIndex, INDEXABLE } from '../../electron/engine/query/audience-index';
import { runQuery } from '../../electron/engine/query/run-query';

const dir = tempDir();

/** Every combination of the dimension choices ('all' included): 3 x 4 x 3 x 4 = 144. */
function everyChoice(): Filters[] {
  let out: Filters[] = [{ ...DEFAULT_FILTERS }];
  for (const id of DIMENSION_IDS) {
    out = out.flatMap((f) => ['all', ...DIMENSIONS[id].values].map((v) => ({ ...f, [id]: v })));
  }
  return out;
}

const overview = (filters: Partial<Filters>, extra: Record<string, unknown> = {}) =>
  querySpecSchema.parse({ view: 'overview', filters, splitBy: 'none', ...extra });

describe('audience index', () => {
  it('gives, for each of the 144 filter combinations of two ranges, the audiences of the scan', async () => {
    expect(INDEXABLE).toBe(true);
    const ws = await Workspace.open(join(dir, 'exact.duckdb'), { create: true });
    await generateDemo(ws, 30_000);
    const choices = everyChoice();
    expect(choices).toHaveLength(144);
    for (const range of [
      { from: '2026-10-02', to: '2026-10-31' },
      { from: '2026-03-01', to: '2026-09-15' },
    ]) {
      const statement = audienceIndexSql(range);
      const counter = new AudienceCounter();
      await ws.eachChunk(statement.sql, statement.params, (columns) => counter.add(columns));
      const index = counter.index();
      expect(index.size).toBe(144);
      let nonZero = 0;
      for (const filters of choices) {
        const scan = await runQuery(ws, overview({ ...filters, ...range }, { audienceOnly: true }));
        if (scan.view !== 'overview') throw new Error('expected an overview');
        const fromIndex = audiencesFromIndex(index, filters);
        expect({ filters, ...fromIndex }).toEqual({
          filters,
          total_audience: scan.totals.total_audience,
          engaged_audience: scan.totals.engaged_audience,
        });
        if ((fromIndex.engaged_audience ?? 0) > 0) nonZero++;
      }
      // Not a trivial agreement on zeros: most combinations have people in them.
      expect(nonZero).toBeGreaterThan(72);
    }
    ws.close();
  }, 120_000);

  it('the engine answers from the index once it is built, and builds a new one after an import', async () => {
    const engine = await PinsightEngine.open(join(dir, 'engine.duckdb'), { create: true });
    await generateDemo(engine.workspace, 20_000);
    engine.enableAudienceIndexes();
    const spec = (device: Filters['device']) =>
      overview({ device }, { audienceOnly: true, audienceSeries: false, channel: 'screen-audience' });
    // Figures that bring the audiences along when the index has them: not yet.
    const figures = (device: Filters['device']) =>
      overview({ device }, { skipAudience: true, audienceIfIndexed: true, audienceSeries: false, channel: 'screen' });
    const early = await engine.query(figures('mobile'));
    if (early.view !== 'overview') throw new Error('expected an overview');
    expect(early.totals.total_audience).toBeNull();
    expect(early.totals.impressions).toBeGreaterThan(0);
    const scanned = await engine.query(spec('mobile'));
    expect(engine.audienceIndexHits).toBe(0);
    await engine.audienceIndexesIdle();
    const late = await engine.query(figures('mobile'));
    if (late.view !== 'overview' || scanned.view !== 'overview') throw new Error('expected overviews');
    expect(late.totals).toEqual({
      ...early.totals,
      total_audience: scanned.totals.total_audience,
      engaged_audience: scanned.totals.engaged_audience,
    });
    expect(engine.audienceIndexHits).toBe(1);
    const indexed = await engine.query(spec('mobile'));
    const web = await engine.query(spec('web'));
    expect(engine.audienceIndexHits).toBe(3);
    if (indexed.view !== 'overview' || web.view !== 'overview') throw new Error('expected overviews');
    expect(indexed.totals).toEqual(scanned.totals);
    expect(web.totals.total_audience).toBeGreaterThan(0);
    expect(web.totals.total_audience).not.toBe(indexed.totals.total_audience);
    // With a claimed-account filter, or per day, the audiences come from the events, not the index.
    await engine.query(overview({ device: 'mobile', accounts: ['acct-1'] }, { audienceOnly: true, audienceSeries: false }));
    await engine.query(overview({ device: 'mobile' }, { audienceOnly: true, audienceSeries: true }));
    expect(engine.audienceIndexHits).toBe(3);

    // New events of the last day: the old index no longer holds, the numbers come from the new data.
    const info = await engine.workspaceInfo();
    const events = join(dir, 'more.csv');
    const pins = (
      await engine.workspace.all<{ pin_id: string }>(
        `SELECT pin_id FROM pin_dim d JOIN group_dim g USING (group_key) WHERE g.in_scope LIMIT 1`,
      )
    )[0];
    writeFileSync(
      events,
      `event_time,event_type,pin_id,user_id,app_type\n${Array.from({ length: 50 }, (_, i) => `${info.lastDay}T10:00:00Z,impression,${pins?.pin_id},newcomer-${i},mobile`).join('\n')}\n`,
    );
    await engine.importFiles([events]);
    const after = await engine.query(spec('mobile'));
    if (after.view !== 'overview') throw new Error('expected an overview');
    expect(after.totals.total_audience).toBe((scanned.totals.total_audience ?? 0) + 50);
    expect(engine.audienceIndexHits).toBe(3);
    await engine.audienceIndexesIdle();
    const afterIndexed = await engine.query(spec('mobile'));
    expect(engine.audienceIndexHits).toBe(4);
    if (afterIndexed.view !== 'overview') throw new Error('expected an overview');
    expect(afterIndexed.totals).toEqual(after.totals);
    await engine.shutdown();
  }, 60_000);

  it('a workspace derived before the summed rollup and the stamp gets both when opened, with the same overview', async () => {
    const path = join(dir, 'older.duckdb');
    const engine = await PinsightEngine.open(path, { create: true });
    await generateDemo(engine.workspace, 10_000);
    const spec = overview({ device: 'web' }, { splitBy: 'content-type', granularity: 'week' });
    const before = await engine.query(spec);
    // As an earlier version left it: no summed rollup, no stamp.
    await engine.workspace.run(`DROP TABLE rollup_combo`);
    await engine.workspace.run(`DELETE FROM pinsight_meta WHERE key IN ('combo_rollup', 'derived_stamp')`);
    expect(await engine.query(spec)).toEqual(before);
    await engine.shutdown();
    const reopened = await PinsightEngine.open(path);
    expect(await reopened.workspace.hasTable('rollup_combo')).toBe(true);
    expect(await reopened.workspace.getMeta('derived_stamp')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await reopened.query(spec)).toEqual(before);
    await reopened.shutdown();
  });

  it('switching workspaces while audiences are on their way: the old file is let go, the new one gets indexes', async () => {
    const big = join(dir, 'switch-big.duckdb');
    const small = join(dir, 'switch-small.duckdb');
    const seed = await Workspace.open(small, { create: true });
    await generateDemo(seed, 5_000);
    seed.close();
    const engine = await PinsightEngine.open(big, { create: true });
    await generateDemo(engine.workspace, 300_000);
    engine.enableAudienceIndexes();
    const audiences = (from: string, channel: string) =>
      engine.query(overview({ from, to: '2026-10-31' }, { audienceOnly: true, audienceSeries: false, channel }));
    const inFlight = ['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01'].map((from, i) => audiences(from, `c${i}`));
    await engine.switchWorkspace(small, false);
    await Promise.allSettled(inFlight);
    await engine.audienceIndexesIdle();
    // Another process can open the old file: nothing here holds it any more.
    const probe = `import('@duckdb/node-api').then(async ({ DuckDBInstance }) => (await DuckDBInstance.create(${JSON.stringify(big)})).closeSync())`;
    expect(spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).stderr).toBe('');
    const spec = overview({}, { audienceOnly: true, audienceSeries: false, channel: 'c' });
    const scanned = await engine.query(spec);
    await engine.audienceIndexesIdle();
    const hits = engine.audienceIndexHits;
    expect(await engine.query(spec)).toEqual(scanned);
    expect(engine.audienceIndexHits).toBe(hits + 1);
    await engine.shutdown();
  }, 60_000);

  it("builds the date presets' indexes when the views are quiet, giving way while they ask", async () => {
    const engine = await PinsightEngine.open(join(dir, 'presets.duckdb'), { create: true });
    await generateDemo(engine.workspace, 20_000);
    engine.enableAudienceIndexes({ quietMs: 30 });
    const lastDay = (await engine.workspaceInfo()).lastDay ?? '';
    const audiences = (range: { from?: string; to?: string }) =>
      overview(range, { audienceOnly: true, audienceSeries: false, channel: 'screen-audience' });
    // The default range: a scan, then its index, and the presets' when it is quiet.
    await engine.query(audiences({}));
    // The views keep asking meanwhile: spare builds give way and come back.
    for (let i = 0; i < 5; i++) await engine.query(overview({ device: i % 2 ? 'web' : 'all' }, { skipAudience: true, channel: 'screen' }));
    await engine.audienceIndexesIdle(true);
    const hits = engine.audienceIndexHits;
    const presets = ['last7', 'last14', 'last90', 'thisMonth', 'lastMonth'] as const;
    for (const preset of presets) {
      const range = presetRange(preset, lastDay);
      const indexed = await engine.query(audiences(range));
      const scanned = await runQuery(engine.workspace, audiences(range));
      if (indexed.view !== 'overview' || scanned.view !== 'overview') throw new Error('expected overviews');
      expect({ preset, ...indexed.totals }).toEqual({ preset, ...scanned.totals });
    }
    expect(engine.audienceIndexHits).toBe(hits + presets.length);
    await engine.shutdown();
  });
});
