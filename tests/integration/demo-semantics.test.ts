/** The engine's final numbers on the demo world equal an independent computation of the help texts' rules. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FiltersInput } from '../../shared/filters';
import { mondayOf } from '../../shared/dates';
import { METRIC_IDS } from '../../shared/metrics';
import { querySpecSchema, type QuerySpecInput } from '../../shared/query';
import type { OverviewResult, TopResult } from '../../shared/results';
import { IN_MEMORY } from '../../electron/engine/db/workspace';
import { generateDemo } from '../../electron/engine/demo/generate-demo';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { clean, closeTo, matches, metrics, readWorld, topBy, type CleanEvent } from '../helpers/reference-metrics';

let engine: PinsightEngine;
let cleanEvents: CleanEvent[];
let rawCount: number;

beforeAll(async () => {
  engine = await PinsightEngine.open(IN_MEMORY);
  await generateDemo(engine.workspace, 12_000, 7);
  const world = await readWorld(engine.workspace);
  rawCount = world.events.length;
  cleanEvents = clean(world);
});

const query = async (input: QuerySpecInput) => engine.query(querySpecSchema.parse(input));

const CASES: { name: string; filters: FiltersInput }[] = [
  { name: 'all, last 30 days', filters: {} },
  { name: 'a year', filters: { from: '2025-11-01', to: '2026-10-31' } },
  { name: 'paid on mobile', filters: { from: '2026-06-01', to: '2026-10-31', contentType: 'paid', device: 'mobile' } },
  { name: 'other people\u2019s Pins', filters: { from: '2026-01-01', to: '2026-10-31', source: 'others' } },
  { name: 'video on web', filters: { from: '2026-03-01', to: '2026-10-31', format: 'video', device: 'web' } },
  { name: 'the website account', filters: { from: '2026-01-01', to: '2026-10-31', accounts: ['acc-site'] } },
  { name: 'two accounts', filters: { from: '2026-08-01', to: '2026-09-30', accounts: ['acc-travel', 'acc-site'], contentType: 'organic' } },
];

describe('demo world: the cleaning the help texts describe', () => {
  it('removes duplicates, spam and out-of-scope events, so final counts are below raw counts', () => {
    expect(cleanEvents.length).toBeGreaterThan(rawCount * 0.7);
    expect(cleanEvents.length).toBeLessThan(rawCount);
  });

  it.each(CASES)('overview totals equal the reference: $name', async ({ filters }) => {
    const result = (await query({ view: 'overview', filters })) as OverviewResult;
    const expected = metrics(
      cleanEvents.filter((e) =>
        matches(e, { ...result.range, contentType: 'all', device: 'all', source: 'all', format: 'all', accounts: [], ...filters }),
      ),
    );
    expect(expected.impressions).toBeGreaterThan(0);
    for (const id of METRIC_IDS)
      expect(closeTo(result.totals[id], expected[id]), `${id}: ${result.totals[id]} vs ${expected[id]}`).toBe(true);
  });

  it('the daily series adds up to the totals, and each day equals the reference', async () => {
    const r = (await query({
      view: 'overview',
      filters: { from: '2026-10-01', to: '2026-10-31' },
      splitBy: 'content-type',
    })) as OverviewResult;
    expect(r.series).toHaveLength(31 * 2);
    const sum = r.series.reduce((n, p) => n + (p.impressions ?? 0), 0);
    expect(sum).toBe(r.totals.impressions);
    for (const p of r.series.filter((_, i) => i % 7 === 0)) {
      const day = cleanEvents.filter((e) => e.day === p.date && e.content_type === p.split);
      const m = metrics(day);
      expect(p.impressions).toBe(m.impressions);
      expect(p.saves).toBe(m.saves);
      expect(p.total_audience).toBe(m.total_audience);
    }
  });

  it('a weekly series split by device (unknown included) has each week\u2019s exact audiences', async () => {
    const filters = { from: '2026-08-03', to: '2026-10-25' }; // Monday to Sunday: 12 whole weeks
    const r = (await query({ view: 'overview', filters, splitBy: 'device', granularity: 'week' })) as OverviewResult;
    expect(r.series).toHaveLength(12 * 4);
    expect(r.series.filter((p) => p.split === 'unknown')).toHaveLength(12);
    const inRange = cleanEvents.filter((e) => e.day >= filters.from && e.day <= filters.to);
    expect(r.totals.total_audience).toBe(metrics(inRange).total_audience);
    for (const p of r.series) {
      const m = metrics(inRange.filter((e) => mondayOf(e.day) === p.date && (e.app_type ?? 'unknown') === p.split));
      expect([p.date, p.split, p.total_audience, p.engaged_audience]).toEqual([p.date, p.split, m.total_audience, m.engaged_audience]);
    }
    expect(r.series.filter((p) => p.split === 'unknown').reduce((n, p) => n + (p.total_audience ?? 0), 0)).toBeGreaterThan(0);
  });

  it('top Pins sum each Pin group and show it by its earliest Pin', async () => {
    const r = (await query({
      view: 'top-pins',
      filters: { from: '2025-11-01', to: '2026-10-31' },
      sortBy: 'saves',
      limit: 10,
    })) as TopResult;
    const expected = topBy(cleanEvents, (e) => e.group, 'saves');
    expect(r.rows.map((x) => x.saves)).toEqual(expected.slice(0, 10).map((x) => x.m.saves));
    expect(r.rows.some((x) => (x.group_size ?? 0) > 1)).toBe(true);
  });

  it('a top Pin row under a source or format filter says the source and format it counts, not its first Pin\u2019s', async () => {
    const filters = { from: '2025-11-01', to: '2026-10-31' };
    const all = (await query({ view: 'top-pins', filters, limit: 500 })) as TopResult;
    const others = (await query({ view: 'top-pins', filters: { ...filters, source: 'others' }, limit: 500 })) as TopResult;
    // Groups of both sources (a Pin of yours and others' re-saves of it), counted here for the re-saves alone.
    const mixed = new Set(all.rows.filter((x) => x.source === 'mixed').map((x) => x.pin_id));
    expect(others.rows.some((x) => mixed.has(x.pin_id))).toBe(true);
    expect(others.rows.every((x) => x.source === 'others')).toBe(true);
    const carousel = (await query({ view: 'top-pins', filters: { ...filters, format: 'carousel' }, limit: 500 })) as TopResult;
    expect(carousel.rows.length).toBeGreaterThan(0);
    expect(carousel.rows.every((x) => x.format === 'carousel')).toBe(true);
    // Without those filters a row says the sources it counted: one, or "mixed".
    expect(new Set(all.rows.map((x) => x.source))).toEqual(new Set(['yours', 'others', 'mixed']));
    const yours = (await query({ view: 'top-pins', filters: { ...filters, source: 'yours' }, limit: 500 })) as TopResult;
    for (const [source, list] of [
      ['others', others],
      ['yours', yours],
    ] as const) {
      // A row of one source counts the same under that source's filter; a mixed one counts more than under either.
      for (const row of all.rows.filter((x) => x.source === source)) {
        expect(list.rows.find((x) => x.pin_id === row.pin_id)?.impressions, row.pin_id).toBe(row.impressions);
      }
      for (const row of all.rows.filter((x) => x.source === 'mixed')) {
        expect(list.rows.find((x) => x.pin_id === row.pin_id)?.impressions ?? 0).toBeLessThan(row.impressions ?? 0);
      }
    }
  });

  it('top boards equal the reference', async () => {
    const r = (await query({
      view: 'top-boards',
      filters: { from: '2026-05-01', to: '2026-10-31', device: 'tablet' },
      limit: 5,
    })) as TopResult;
    const expected = topBy(
      cleanEvents.filter((e) => e.day >= '2026-05-01' && e.day <= '2026-10-31' && e.app_type === 'tablet'),
      (e) => e.board_id,
      'impressions',
    );
    expect(r.rows.map((x) => [x.board_id, x.impressions])).toEqual(expected.slice(0, 5).map((x) => [x.key, x.m.impressions]));
    expect(r.rows[0]!.name).toBeTruthy();
  });

  it('top video Pins rank by video views, and only video Pins appear', async () => {
    const r = (await query({ view: 'top-video-pins', filters: { from: '2025-11-01', to: '2026-10-31' } })) as TopResult;
    expect(r.sortBy).toBe('video_views');
    expect(r.rows.length).toBeGreaterThan(0);
    expect(r.rows.every((x) => x.format === 'video')).toBe(true);
    const views = r.rows.map((x) => x.video_views ?? 0);
    expect([...views].sort((a, b) => b - a)).toEqual(views);
  });

  it('a range with no data after the latest day has null metrics, not zeros', async () => {
    const r = (await query({ view: 'overview', filters: { from: '2026-11-05', to: '2026-11-10' } })) as OverviewResult;
    expect(r.series.every((p) => p.impressions === null)).toBe(true);
  });
});
