/**
 * Issue 17: saved Pinterest API v5 analytics responses import as export snapshots: account analytics (whole and
 * split), Pin analytics, top Pins and top video Pins; milliseconds converted; days not READY provisional;
 * unknown metrics kept and listed; consecutive windows stitch, the newest response winning per day.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { querySpecSchema, type QuerySpecInput } from '../../shared/query';
import type { OverviewResult, TopResult } from '../../shared/results';
import { IN_MEMORY } from '../../electron/engine/db/workspace';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir();
const file = (name: string, json: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(json, null, 2));
  return path;
};
const q = <T>(e: PinsightEngine, spec: QuerySpecInput) => e.query(querySpecSchema.parse(spec)) as Promise<T>;
const day = (date: string, metrics: Record<string, number>, status = 'READY') => ({ date, data_status: status, metrics });

describe('Pinterest API analytics responses', () => {
  it('account analytics: metrics mapped, watch times converted, provisional days marked, unknown metrics listed', async () => {
    const e = await PinsightEngine.open(IN_MEMORY);
    const path = file('user-analytics.json', {
      all: {
        daily_metrics: [
          day('2026-09-01', {
            IMPRESSION: 100,
            SAVE: 4,
            PIN_CLICK: 6,
            OUTBOUND_CLICK: 3,
            ENGAGEMENT: 13,
            VIDEO_V50_WATCH_TIME: 120_000,
            VIDEO_START: 4,
            VIDEO_AVG_WATCH_TIME: 2500,
            OUTBOUND_CLICK_RATE: 0.03,
          }),
          day('2026-09-02', { IMPRESSION: 50, SAVE: 1, PIN_CLICK: 2, OUTBOUND_CLICK: 1, ENGAGEMENT: 4 }, 'PROCESSING'),
        ],
        summary_metrics: { IMPRESSION: 150, TOTAL_AUDIENCE: 120, ENGAGED_AUDIENCE: 15 },
      },
    });
    const summary = await e.importFiles([path]);
    expect(summary.files[0]).toMatchObject({ kind: 'export', status: 'imported', rows: 2 });
    expect(summary.files[0]?.note).toContain('1 day not final yet');
    expect(summary.files[0]?.note).toContain('OUTBOUND_CLICK_RATE');
    expect(summary.files[0]?.note).toContain('imported as all');
    const r = await q<OverviewResult>(e, { view: 'overview', filters: { from: '2026-09-01', to: '2026-09-02' } });
    expect(r.provenance.kind).toBe('export');
    expect(r.totals).toMatchObject({ impressions: 150, saves: 5, closeups: 8, link_clicks: 4, engagements: 17, total_audience: 120 });
    expect(r.totals.total_watch_time_min).toBe(2);
    expect(r.series[0]?.avg_watch_time_s).toBe(2.5);
    expect(r.provisionalDays).toEqual(['2026-09-02']);
  });

  it('the split form: one snapshot per split value, on top of the import’s selection', async () => {
    const e = await PinsightEngine.open(IN_MEMORY);
    const path = file('split.json', {
      ORGANIC: { daily_metrics: [day('2026-09-01', { IMPRESSION: 70 })] },
      PAID: { daily_metrics: [day('2026-09-01', { IMPRESSION: 30 })] },
    });
    await e.importFiles([path], { exportContext: { device: 'mobile' } });
    const range = { from: '2026-09-01', to: '2026-09-01' };
    const paid = await q<OverviewResult>(e, { view: 'overview', filters: { ...range, contentType: 'paid', device: 'mobile' } });
    expect(paid.totals.impressions).toBe(30);
    const split = await q<OverviewResult>(e, { view: 'overview', filters: { ...range, device: 'mobile' }, splitBy: 'content-type' });
    expect(split.series.filter((p) => p.split !== null).map((p) => [p.split, p.impressions])).toEqual([
      ['organic', 70],
      ['paid', 30],
    ]);
  });

  it('consecutive windows stitch into one history, the newest response winning per day', async () => {
    const e = await PinsightEngine.open(IN_MEMORY);
    const first = file('window-1.json', {
      all: { daily_metrics: [day('2026-06-01', { IMPRESSION: 10 }), day('2026-06-02', { IMPRESSION: 20 }, 'PROCESSING')] },
    });
    const second = file('window-2.json', {
      all: { daily_metrics: [day('2026-06-02', { IMPRESSION: 25 }), day('2026-06-03', { IMPRESSION: 30 })] },
    });
    await e.importFiles([first]);
    await e.importFiles([second]);
    const r = await q<OverviewResult>(e, { view: 'overview', filters: { from: '2026-06-01', to: '2026-06-03' } });
    expect(r.series.map((p) => p.impressions)).toEqual([10, 25, 30]);
    expect(r.provisionalDays).toBeUndefined();
  });

  it('top Pins and top video Pins, with the range from the import; Pin analytics as the Pins’ summaries', async () => {
    const e = await PinsightEngine.open(IN_MEMORY);
    const top = file('top-pins.json', {
      pins: [
        { pin_id: '111', metrics: { IMPRESSION: 500, SAVE: 9 } },
        { pin_id: '222', metrics: { IMPRESSION: 300, SAVE: 20 } },
      ],
      sort_by: 'IMPRESSION',
      date_availability: { latest_available_timestamp: 1788220800000, is_realtime: false },
    });
    const video = file('top-video-pins.json', {
      pins: [{ pin_id: '333', metrics: { VIDEO_MRC_VIEW: 80, VIDEO_AVG_WATCH_TIME: 4000 } }],
      sort_by: 'VIDEO_MRC_VIEW',
    });
    const range = { from: '2026-09-01', to: '2026-09-30' };
    await expect(e.importFiles([top])).rejects.toThrow(/date range/);
    await e.importFiles([top, video], { exportContext: range });
    const pins = await q<TopResult>(e, { view: 'top-pins', filters: range });
    expect(pins.rows.map((r) => [r.pin_id, r.impressions])).toEqual([
      ['111', 500],
      ['222', 300],
    ]);
    const bySaves = await q<TopResult>(e, { view: 'top-pins', filters: range, sortBy: 'saves' });
    expect(bySaves.rows[0]?.pin_id).toBe('222');
    const videos = await q<TopResult>(e, { view: 'top-video-pins', filters: range });
    expect(videos.rows[0]).toMatchObject({ pin_id: '333', video_views: 80, avg_watch_time_s: 4 });

    const e2 = await PinsightEngine.open(IN_MEMORY);
    const pinAnalytics = file('pin-analytics.json', {
      '444': { all: { daily_metrics: [day('2026-09-01', { IMPRESSION: 5 })], summary_metrics: { IMPRESSION: 5, SAVE: 1 } } },
      '555': { all: { daily_metrics: [day('2026-09-01', { IMPRESSION: 9 })], summary_metrics: { IMPRESSION: 9, SAVE: 0 } } },
    });
    await e2.importFiles([pinAnalytics], { exportContext: range });
    const pinsOf = await q<TopResult>(e2, { view: 'top-pins', filters: range });
    expect(pinsOf.rows.map((r) => r.pin_id)).toEqual(['555', '444']);
  });

  it('a bad value names the file and where; JSON Lines dumps still read as dumps', async () => {
    const e = await PinsightEngine.open(IN_MEMORY);
    const bad = file('bad.json', { all: { daily_metrics: [day('2026-09-01', { IMPRESSION: 1 }), { date: '2026-13-01', metrics: {} }] } });
    await expect(e.importFiles([bad])).rejects.toThrow(/bad\.json: all\.daily_metrics\[1\]: no "date"/);
    const text = file('text-metric.json', { all: { daily_metrics: [{ date: '2026-09-01', metrics: { IMPRESSION: 'many' } }] } });
    await expect(e.importFiles([text])).rejects.toThrow(/metric IMPRESSION is "many", not a number/);
    const negative = file('negative.json', { all: { daily_metrics: [day('2026-09-01', { IMPRESSION: -5 })] } });
    await expect(e.importFiles([negative])).rejects.toThrow(
      /negative\.json: all\.daily_metrics\[0\]: metric IMPRESSION is -5; a count, rate or time is never negative/,
    );
    const fraction = file('fraction.json', { all: { daily_metrics: [day('2026-09-01', { SAVE: 1.7 })] } });
    await expect(e.importFiles([fraction])).rejects.toThrow(/metric SAVE is 1\.7; saves are counted in whole numbers/);
    const rate = file('rate.json', { all: { daily_metrics: [day('2026-09-01', { IMPRESSION: 10, ENGAGEMENT_RATE: 0.25 })] } });
    expect((await e.importFiles([rate])).files[0]?.status).toBe('imported');
    expect((await e.importHistory()).map((h) => h.file)).toEqual([rate]);
  });
});
