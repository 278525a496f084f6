/**
 * Issue 17: Analytics exports without their preamble, older profile exports that are just a header and daily
 * rows, legacy by columns or by dates, and Pinsight's own exports written without the analytics layout.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { querySpecSchema, type QuerySpecInput } from '../../shared/query';
import type { LegacyResult, OverviewResult } from '../../shared/results';
import { IN_MEMORY } from '../../electron/engine/db/workspace';
import { generateDemo } from '../../electron/engine/demo/generate-demo';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir();
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const q = <T>(e: PinsightEngine, spec: QuerySpecInput) => e.query(querySpecSchema.parse(spec)) as Promise<T>;

describe('exports without a preamble', () => {
  it('an older profile export (header and daily rows) is legacy history: Repins are saves, Clicks link clicks', async () => {
    const e = await PinsightEngine.open(IN_MEMORY);
    const en = file('profile-2018.csv', 'Date,Impressions,Repins,Clicks,Daily viewers\n2018-03-01,120,4,7,90\n2018-03-02,80,2,1,60\n');
    const sv = file('profil-2017.csv', 'Datum;Visningar;Repins;Klick;Dagliga tittare\n2017-05-01;1 200;3;5;900\n');
    const summary = await e.importFiles([en, sv]);
    expect(summary.files.map((f) => f.kind)).toEqual(['legacy-export', 'legacy-export']);
    const legacy = await q<LegacyResult>(e, { view: 'legacy', filters: {} });
    expect(legacy.totals.impressions).toBe(120 + 80 + 1200);
    expect(legacy.totals.saves).toBe(4 + 2 + 3);
    expect(legacy.totals.link_clicks).toBe(7 + 1 + 5);
    expect(legacy.metrics).toContain('daily_viewers');
    expect((await q<OverviewResult>(e, { view: 'overview', filters: {} })).provenance.kind).toBe('none');
  });

  it('legacy columns put recent days in the legacy history too, and current columns before 2019 as well', async () => {
    const e = await PinsightEngine.open(IN_MEMORY);
    const byColumns = file('repins-2020.csv', 'Date,Impressions,Repins\n2020-01-01,10,1\n');
    const byDates = file('old-current-columns.csv', 'Date,Impressions,Saves\n2018-12-30,5,1\n2018-12-31,6,0\n');
    const summary = await e.importFiles([byColumns, byDates]);
    expect(summary.files.map((f) => f.kind)).toEqual(['legacy-export', 'legacy-export']);
    expect((await q<LegacyResult>(e, { view: 'legacy', filters: {} })).totals.impressions).toBe(21);
  });

  it('a current export without a selection takes it from the import, or is "all" and says so', async () => {
    const text = 'Date,Impressions,Saves,Link clicks\n2026-09-01,100,5,2\n2026-09-02,50,1,1\n';
    const e = await PinsightEngine.open(IN_MEMORY);
    const paid = await e.importFiles([file('paid-no-preamble.csv', text)], { exportContext: { contentType: 'paid', device: 'mobile' } });
    expect(paid.files[0]?.note).toBeUndefined();
    const range = { from: '2026-09-01', to: '2026-09-02' };
    const r = await q<OverviewResult>(e, { view: 'overview', filters: { ...range, contentType: 'paid', device: 'mobile' } });
    expect(r.totals.impressions).toBe(150);
    expect(r.provenance.kind).toBe('export');

    const all = await e.importFiles([file('all-no-preamble.csv', text.replace('100', '101'))]);
    expect(all.files[0]).toMatchObject({ kind: 'export', status: 'imported', note: expect.stringContaining('no filter selection') });
    expect(all.message).toContain('imported as all content types');
    expect((await q<OverviewResult>(e, { view: 'overview', filters: range })).totals.impressions).toBe(151);
  });

  it("Pinsight's own overview export without the analytics layout re-imports with the same numbers", async () => {
    const source = await PinsightEngine.open(IN_MEMORY);
    await generateDemo(source.workspace, 8000, 2);
    const range = { from: '2026-09-01', to: '2026-09-30' };
    const out = join(dir, 'own-overview.csv');
    await source.exportView(querySpecSchema.parse({ view: 'overview', filters: range }), out, {
      format: 'csv',
      headers: 'ids',
      preamble: false,
    });
    const original = await q<OverviewResult>(source, { view: 'overview', filters: range });
    const e = await PinsightEngine.open(IN_MEMORY);
    await e.importFiles([out]);
    const again = await q<OverviewResult>(e, { view: 'overview', filters: range });
    expect(again.provenance.kind).toBe('export');
    expect(again.series.map((p) => p.impressions)).toEqual(original.series.map((p) => p.impressions));
    expect(again.totals.impressions).toBe(original.totals.impressions);
    expect(again.totals.engagement_rate).toBeCloseTo(original.totals.engagement_rate ?? NaN, 5);

    // Split, top lists: refused with how to export them so that they re-import; nothing imported.
    const split = join(dir, 'own-split.csv');
    await source.exportView(querySpecSchema.parse({ view: 'overview', filters: range, splitBy: 'device' }), split, {
      format: 'csv',
      headers: 'en',
      preamble: false,
    });
    await expect(e.importFiles([split])).rejects.toThrow(/own export of an overview split by a dimension.*--preamble.*without a split/);
    const top = join(dir, 'own-top.csv');
    await source.exportView(querySpecSchema.parse({ view: 'top-pins', filters: range }), top, {
      format: 'csv',
      headers: 'sv',
      preamble: false,
    });
    await expect(e.importFiles([top])).rejects.toThrow(/own export of a top list/);
    expect((await e.importHistory()).map((h) => h.file)).toEqual([out]);
    source.close();
  });
});
