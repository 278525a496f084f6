/** Pinterest Analytics exports: every dialect imports, numbers match the export, nothing doubles, legacy stays apart. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { querySpecSchema, type QuerySpecInput } from '../../shared/query';
import type { LegacyResult, OverviewResult, TopResult } from '../../shared/results';
import { IN_MEMORY } from '../../electron/engine/db/workspace';
import { writeDemoExports, type DemoExportFiles } from '../../electron/engine/demo/demo-exports';
import { generateDemo } from '../../electron/engine/demo/generate-demo';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir();
const RANGE = { from: '2026-09-01', to: '2026-09-30' };
let files: DemoExportFiles;

beforeAll(async () => {
  const source = await PinsightEngine.open(IN_MEMORY);
  await generateDemo(source.workspace, 40_000, 4);
  files = await writeDemoExports(source, dir, RANGE);
  source.close();
});

async function workspaceWith(...paths: string[]) {
  const engine = await PinsightEngine.open(IN_MEMORY);
  for (const p of paths) await engine.importFiles([p]);
  return engine;
}
const q = <T>(e: PinsightEngine, spec: QuerySpecInput) => e.query(querySpecSchema.parse(spec)) as Promise<T>;

describe('Analytics exports', () => {
  it('the English export: daily series, totals from its Total row, source stated', async () => {
    const e = await workspaceWith(files.overviewEn);
    const r = await q<OverviewResult>(e, { view: 'overview', filters: RANGE });
    const doc = files.documents.overview.sections[0]!;
    expect(r.provenance.kind).toBe('export');
    expect(r.provenance.detail).toContain('2026-09-01 to 2026-09-30');
    expect(r.series.map((p) => p.impressions)).toEqual(doc.rows.map((row) => row.impressions));
    expect(r.totals.impressions).toBe(doc.total!.impressions);
    expect(r.totals.total_audience).toBe(doc.total!.total_audience);
    expect(r.totals.engagement_rate).toBeCloseTo(doc.total!.engagement_rate!, 6);
    expect(r.totals.impressions).toBeGreaterThan(1000);
  });

  it('the same snapshot in English and Swedish gives identical numbers, never doubled', async () => {
    const en = await workspaceWith(files.overviewEn);
    const both = await workspaceWith(files.overviewEn, files.overviewSv);
    const sv = await workspaceWith(files.overviewSv);
    const a = await q<OverviewResult>(en, { view: 'overview', filters: RANGE });
    const b = await q<OverviewResult>(both, { view: 'overview', filters: RANGE });
    const c = await q<OverviewResult>(sv, { view: 'overview', filters: RANGE });
    expect(b.totals).toEqual(a.totals);
    expect(c.totals).toEqual(a.totals);
    expect(c.series).toEqual(a.series);
    const topEn = await q<TopResult>(en, { view: 'top-pins', filters: RANGE });
    const topSv = await q<TopResult>(sv, { view: 'top-pins', filters: RANGE });
    expect(topSv.rows).toEqual(topEn.rows);
  });

  it('importing the same file twice changes nothing', async () => {
    const e = await workspaceWith(files.overviewEn);
    const again = await e.importFiles([files.overviewEn]);
    expect(again.files[0]!.status).toBe('already-imported');
    expect(await e.workspace.value('SELECT count(*) FROM export_snapshots')).toBe(1);
  });

  it('UTF-16 tab-separated "Unicode text" in Swedish, for Paid on Mobile', async () => {
    expect(readFileSync(files.paidMobileUtf16).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    const e = await workspaceWith(files.paidMobileUtf16);
    const r = await q<OverviewResult>(e, { view: 'overview', filters: { ...RANGE, contentType: 'paid', device: 'mobile' } });
    expect(r.totals.impressions).toBe(files.documents.paidMobile.sections[0]!.total!.impressions);
    expect(r.provenance.kind).toBe('export');
  });

  it('says so when no export matches the filters, instead of showing another selection', async () => {
    const e = await workspaceWith(files.overviewEn);
    const r = await q<OverviewResult>(e, { view: 'overview', filters: { ...RANGE, device: 'tablet' } });
    expect(r.provenance.kind).toBe('none');
    expect(r.provenance.detail).toMatch(/No imported Analytics export matches these filters \(.*device tablet/);
    expect(r.totals.impressions).toBeNull();
  });

  it('splits by content type from the organic and paid snapshots, side by side', async () => {
    const e = await workspaceWith(files.overviewEn, files.organic, files.paid);
    const r = await q<OverviewResult>(e, { view: 'overview', filters: RANGE, splitBy: 'content-type' });
    const organic = r.series.filter((p) => p.split === 'organic').reduce((n, p) => n + (p.impressions ?? 0), 0);
    const paid = r.series.filter((p) => p.split === 'paid').reduce((n, p) => n + (p.impressions ?? 0), 0);
    expect(organic).toBe(files.documents.organic.sections[0]!.total!.impressions);
    expect(paid).toBe(files.documents.paid.sections[0]!.total!.impressions);
    expect(organic + paid).toBe(r.totals.impressions);
  });

  it('top Pins, top boards and top video Pins come from the export sections', async () => {
    const e = await workspaceWith(files.overviewEn, files.video);
    const pins = await q<TopResult>(e, { view: 'top-pins', filters: RANGE });
    const doc = files.documents.overview.sections.find((s) => s.kind === 'topPins')!;
    expect(pins.rows.map((r) => [r.pin_id, r.title, r.impressions])).toEqual(doc.rows.map((r) => [r.pin_id, r.title, r.impressions]));
    const bySaves = await q<TopResult>(e, { view: 'top-pins', filters: RANGE, sortBy: 'saves' });
    expect(bySaves.rows.map((r) => r.saves)).toEqual([...doc.rows.map((r) => r.saves)].sort((a, b) => b! - a!));
    const boards = await q<TopResult>(e, { view: 'top-boards', filters: RANGE });
    expect(boards.rows[0]!.name).toBe(files.documents.overview.sections.find((s) => s.kind === 'topBoards')!.rows[0]!.board);
    const video = await q<TopResult>(e, { view: 'top-video-pins', filters: { ...RANGE, format: 'video' } });
    const vdoc = files.documents.video.sections.find((s) => s.kind === 'topVideoPins')!;
    expect(video.rows.map((r) => r.video_views)).toEqual(vdoc.rows.map((r) => r.video_views));
    expect(video.rows[0]!.avg_watch_time_s).toBeCloseTo(vdoc.rows[0]!.avg_watch_time_s!, 2);
  });

  it('legacy exports are a separate history: Repins are saves, Clicks link clicks, viewers kept', async () => {
    const e = await workspaceWith(files.overviewEn, files.legacy);
    const legacy = await q<LegacyResult>(e, { view: 'legacy' });
    expect(legacy.provenance.kind).toBe('legacy');
    expect(legacy.range).toMatchObject({ from: '2018-01-01', to: '2018-03-31' });
    expect(legacy.metrics).toEqual(['impressions', 'saves', 'link_clicks', 'daily_viewers', 'monthly_viewers']);
    const doc = files.documents.legacy.sections[0]!;
    expect(legacy.series[0]).toMatchObject({
      date: '2018-01-01',
      impressions: doc.rows[0]!.impressions,
      saves: doc.rows[0]!.saves,
      daily_viewers: doc.rows[0]!.daily_viewers,
    });
    expect(readFileSync(files.legacy, 'utf8')).toContain('Repins');
    const overview = await q<OverviewResult>(e, { view: 'overview', filters: { from: '2018-01-01', to: '2018-03-31' } });
    expect(overview.totals.impressions).toBeNull();
  });

  it('a newer import for the same days and selection replaces the older values', async () => {
    const e = await workspaceWith(files.overviewEn);
    const changed = readFileSync(files.overviewEn, 'utf8').replace(/^2026-09-05,\d+,/m, '2026-09-05,9999,');
    const path = join(dir, 'corrected.csv');
    writeFileSync(path, changed);
    await e.importFiles([path]);
    const r = await q<OverviewResult>(e, { view: 'overview', filters: RANGE });
    expect(r.series.find((p) => p.date === '2026-09-05')!.impressions).toBe(9999);
    expect(r.series.find((p) => p.date === '2026-09-06')!.impressions).toBe(files.documents.overview.sections[0]!.rows[5]!.impressions);
  });

  it('an unreadable value is reported with file, line, column and value, and nothing is imported', async () => {
    const e = await workspaceWith(files.overviewEn);
    const broken = readFileSync(files.overviewSv, 'utf8').replace(/^(2026-09-10;)\d+/m, '$1tolv');
    const path = join(dir, 'trasig.csv');
    writeFileSync(path, broken);
    const line = broken.split(/\r?\n/).findIndex((l) => l.startsWith('2026-09-10;')) + 1;
    await expect(e.importFiles([path, files.paid])).rejects.toThrow(
      `trasig.csv, line ${line}, column 2 ("Visningar"): cannot read "tolv" as a number`,
    );
    expect(await e.workspace.value('SELECT count(*) FROM export_snapshots')).toBe(1);
  });

  it('a file without a preamble takes its selection from the user at import', async () => {
    const body = readFileSync(files.paid, 'utf8').split(/\r?\n/).slice(8).join('\r\n');
    const path = join(dir, 'no-preamble.csv');
    writeFileSync(path, body);
    const e = await PinsightEngine.open(IN_MEMORY);
    await e.importFiles([path], { exportContext: { contentType: 'paid' } });
    const r = await q<OverviewResult>(e, { view: 'overview', filters: { ...RANGE, contentType: 'paid' } });
    expect(r.totals.impressions).toBe(files.documents.paid.sections[0]!.total!.impressions);
  });

  it('events and exports together: each view uses one source for its days and says which', async () => {
    const e = await PinsightEngine.open(IN_MEMORY);
    await generateDemo(e.workspace, 5_000, 9);
    await e.importFiles([files.overviewEn]);
    const withEvents = await q<OverviewResult>(e, { view: 'overview', filters: RANGE });
    expect(withEvents.provenance.kind).toBe('events');
    const eventsOnly = await PinsightEngine.open(IN_MEMORY);
    await generateDemo(eventsOnly.workspace, 5_000, 9);
    expect((await q<OverviewResult>(eventsOnly, { view: 'overview', filters: RANGE })).totals).toEqual(withEvents.totals);
  });

  it('filter options show the values the imported selections hold', async () => {
    const e = await workspaceWith(files.overviewEn, files.paidMobileUtf16);
    const o = await e.filterOptions();
    expect(o.held.contentType).toEqual(['paid']);
    expect(o.held.device).toEqual(['mobile']);
    expect(o.held.format).toEqual([]);
    expect(o).toMatchObject({ firstDay: '2026-09-01', lastDay: '2026-09-30' });
    // A selection of "all" in an export is not a value the events lack.
    expect(o.unknown).toEqual([]);
    const events = await PinsightEngine.open(IN_MEMORY);
    await generateDemo(events.workspace, 3_000, 1);
    expect(await events.filterOptions()).toMatchObject({
      held: { device: ['mobile', 'tablet', 'web'], contentType: ['organic', 'paid'], source: ['yours', 'others'] },
      // The demo's events without a device (an unknown app type): under "all" only.
      unknown: ['device'],
    });
  });
});
