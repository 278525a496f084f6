/** Compare date ranges, and re-export exactly what is on screen. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareRange } from '../../shared/compare';
import { METRICS, METRIC_IDS } from '../../shared/metrics';
import { querySpecSchema, type QuerySpecInput } from '../../shared/query';
import type { CompareResult, OverviewResult, TopResult } from '../../shared/results';
import { IN_MEMORY } from '../../electron/engine/db/workspace';
import { generateDemo } from '../../electron/engine/demo/generate-demo';
import { writeAtomically } from '../../electron/engine/output/write-view-export';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir();
let engine: PinsightEngine;
const A = { from: '2026-09-01', to: '2026-09-30' };
const B = compareRange('previous', A.from, A.to);

beforeAll(async () => {
  engine = await PinsightEngine.open(join(dir, 'w.duckdb'));
  await generateDemo(engine.workspace, 30_000, 12);
});
const q = <T>(spec: QuerySpecInput) => engine.query(querySpecSchema.parse(spec)) as Promise<T>;

function readCsv(path: string): string[][] {
  // Cells here hold no commas; quoted ones (the events export quotes its ids and their header) are unquoted.
  const unquote = (c: string) => (/^".*"$/.test(c) ? c.slice(1, -1).replaceAll('""', '"') : c);
  return readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(',').map(unquote));
}
/** The documented CSV precision: counts whole, rates 6 decimals, durations 3, percentage points 4. */
const DECIMALS: Record<string, number> = { count: 0, ratio: 6, seconds: 3, minutes: 3, pp: 4 };
const cell = (v: number | null | undefined, unit = 'ratio') => {
  if (v === null || v === undefined) return '';
  const f = 10 ** DECIMALS[unit]!;
  return String(Math.round(v * f) / f);
};

describe('compare', () => {
  it('range B presets', () => {
    expect(B).toEqual({ from: '2026-08-02', to: '2026-08-31' });
    expect(compareRange('lastYear', '2024-02-29', '2024-03-31')).toEqual({ from: '2023-02-28', to: '2023-03-31' });
  });

  it('A and B side by side, with absolute and percent change', async () => {
    const r = await q<CompareResult>({ view: 'compare', filters: { ...A, contentType: 'organic' }, compare: B });
    const a = await q<OverviewResult>({ view: 'overview', filters: { ...A, contentType: 'organic' } });
    const b = await q<OverviewResult>({ view: 'overview', filters: { ...B, contentType: 'organic' } });
    expect(r.a.totals).toEqual(a.totals);
    expect(r.b.totals).toEqual(b.totals);
    expect(r.delta.impressions.abs).toBe(a.totals.impressions! - b.totals.impressions!);
    expect(r.delta.impressions.pct).toBeCloseTo((a.totals.impressions! - b.totals.impressions!) / b.totals.impressions!, 12);
    expect(r.bHasNoData).toBe(false);
  });

  it('marks a range B without data instead of showing zeros', async () => {
    const r = await q<CompareResult>({ view: 'compare', filters: A, compare: compareRange('lastYear', A.from, A.to) });
    expect(r.bHasNoData).toBe(true);
    expect(r.delta.impressions).toEqual({ abs: null, pct: null });
  });

  it('top lists carry both ranges, rank change, and entries new in A or gone from B', async () => {
    const r = await q<TopResult>({ view: 'top-pins', filters: A, compare: B, limit: 10 });
    const b = await q<TopResult>({ view: 'top-pins', filters: B, limit: 10 });
    const wholeB = await q<TopResult>({ view: 'top-pins', filters: B, limit: 10_000 });
    const c = r.comparison!;
    expect(c.rows).toHaveLength(10);
    // The rank in the whole of B, also for a row new in the list (B's rank beyond the list's 10 rows).
    const bRanks = new Map(wholeB.rows.map((row, i) => [row.pin_id, i + 1]));
    c.rows.forEach((row, i) => {
      const expected = bRanks.get(r.rows[i]!.pin_id) ?? null;
      expect(row.rank_b).toBe(expected);
      expect(row.status).toBe(expected === null || expected > 10 ? 'new' : 'both');
      if (expected !== null) expect(row.rank_change).toBe(expected - (i + 1));
    });
    expect(c.rows.some((row) => row.status === 'new' && row.rank_b !== null)).toBe(true);
    const gone = b.rows.filter((row) => !r.rows.some((x) => x.pin_id === row.pin_id)).map((row) => row.pin_id);
    expect(c.gone.map((g) => g.pin_id)).toEqual(gone);
    const both = c.rows.find((row) => row.status === 'both')!;
    expect(both.b.impressions).toBe(b.rows[both.rank_b! - 1]!.impressions);
  });
});

describe('export', () => {
  it('the overview series with split columns, cell by cell', async () => {
    const out = join(dir, 'overview.csv');
    const spec = querySpecSchema.parse({ view: 'overview', filters: A, splitBy: 'device' });
    await engine.exportView(spec, out, { format: 'csv', headers: 'ids', preamble: false });
    const rows = readCsv(out);
    const r = (await engine.query(spec)) as OverviewResult;
    expect(rows[0]).toEqual(['date', 'split', ...METRIC_IDS]);
    expect(rows).toHaveLength(r.series.length + 1);
    r.series.forEach((p, i) => {
      expect(rows[i + 1]![0]).toBe(p.date);
      expect(rows[i + 1]![1]).toBe(p.split);
      METRIC_IDS.forEach((id, j) => expect(rows[i + 1]![j + 2], `${p.date} ${id}`).toBe(cell(p[id], METRICS[id].unit)));
    });
  });

  it('top Pins with both ranges, in Swedish headers', async () => {
    const out = join(dir, 'top.csv');
    const spec = querySpecSchema.parse({ view: 'top-pins', filters: A, compare: B, limit: 5 });
    await engine.exportView(spec, out, { format: 'csv', headers: 'sv', preamble: false });
    const text = readFileSync(out, 'utf8');
    expect(text.split(/\r?\n/)[0]).toContain('Visningar');
    expect(text.split(/\r?\n/)[0]).toContain('Visningar (B)');
    const r = (await engine.query(spec)) as TopResult;
    const first = text.split(/\r?\n/)[1]!;
    expect(first.startsWith(`1,${r.rows[0]!.pin_id},`)).toBe(true);
  });

  it('the comparison table', async () => {
    const out = join(dir, 'compare.csv');
    const spec = querySpecSchema.parse({ view: 'compare', filters: A, compare: B });
    await engine.exportView(spec, out, { format: 'csv', headers: 'ids', preamble: false });
    const rows = readCsv(out);
    const r = (await engine.query(spec)) as CompareResult;
    expect(rows[0]).toEqual(['metric', 'a', 'b', 'change', 'change_pct', 'change_pp', 'a_days_with_data', 'b_days_with_data']);
    const n = (v: number | null) => cell(v, 'count');
    expect(rows[1]).toEqual([
      'impressions',
      n(r.a.totals.impressions),
      n(r.b.totals.impressions),
      n(r.delta.impressions.abs),
      cell(r.delta.impressions.pct),
      '',
      n(r.coverage.a.covered),
      n(r.coverage.b.covered),
    ]);
    const rate = rows.find((row) => row[0] === 'engagement_rate')!;
    // A rate changes in percentage points, not in percent.
    expect(rate.slice(1, 6)).toEqual([
      cell(r.a.totals.engagement_rate),
      cell(r.b.totals.engagement_rate),
      cell(r.delta.engagement_rate.abs),
      '',
      cell(r.delta.engagement_rate.pp, 'pp'),
    ]);
    expect(Number(rate[5])).toBeCloseTo(((r.a.totals.engagement_rate ?? 0) - (r.b.totals.engagement_rate ?? 0)) * 100, 3);
  });

  it('round trip: an export with the preamble imports into a new workspace with the same totals', async () => {
    const out = join(dir, 'roundtrip.csv');
    const filters = { ...A, contentType: 'paid' as const, device: 'web' as const };
    await engine.exportView(querySpecSchema.parse({ view: 'overview', filters }), out, { format: 'csv', headers: 'sv', preamble: true });
    expect(readFileSync(out, 'utf8')).toContain('Innehållstyp;Betald');
    const fresh = await PinsightEngine.open(IN_MEMORY);
    await fresh.importFiles([out]);
    const back = (await fresh.query(querySpecSchema.parse({ view: 'overview', filters }))) as OverviewResult;
    const original = (await engine.query(querySpecSchema.parse({ view: 'overview', filters }))) as OverviewResult;
    expect(back.provenance.kind).toBe('export');
    for (const id of METRIC_IDS) expect(back.totals[id], id).toBeCloseTo(original.totals[id] ?? NaN, 6);
    expect(back.series.map((p) => p.impressions)).toEqual(original.series.map((p) => p.impressions));
  });

  it('Parquet as a second format', async () => {
    const out = join(dir, 'top.parquet');
    const spec = querySpecSchema.parse({ view: 'top-boards', filters: A });
    await engine.exportView(spec, out, { format: 'parquet', headers: 'ids', preamble: false });
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (await c.runAndReadAll(`SELECT board_id, impressions FROM read_parquet('${out}') ORDER BY rank`)).getRowObjectsJson();
    const r = (await engine.query(spec)) as TopResult;
    expect(rows.map((x) => [x.board_id, Number(x.impressions)])).toEqual(r.rows.map((x) => [x.board_id, x.impressions]));
  });

  it('the raw events that match the filters, streamed, in the dump format', async () => {
    const out = join(dir, 'events.csv');
    const filters = { ...A, format: 'video' as const };
    const summary = await engine.exportView(querySpecSchema.parse({ view: 'overview', filters }), out, {
      format: 'csv',
      headers: 'ids',
      preamble: false,
      rawEvents: true,
    });
    const overview = (await engine.query(querySpecSchema.parse({ view: 'overview', filters }))) as OverviewResult;
    const lines = readCsv(out);
    expect(lines[0]).toEqual([
      'event_id',
      'event_time',
      'event_type',
      'pin_id',
      'user_id',
      'app_type',
      'content_type',
      'watch_ms',
      'progress_pct',
      'in_view_pct',
    ]);
    expect(summary.rows).toBe(lines.length - 1);
    expect(lines.filter((l) => l[2] === 'impression')).toHaveLength(overview.totals.impressions!);
    expect(lines.filter((l) => l[2] === 'video_play')).toHaveLength(overview.totals.video_starts!);
  });

  it('a failed export leaves no file, not even a partial one', async () => {
    const out = join(dir, 'never.csv');
    await expect(
      writeAtomically(out, async (partial) => {
        const { writeFileSync } = await import('node:fs');
        writeFileSync(partial, 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('never'))).toEqual([]);
  });

  it('refuses a preamble for a split overview, with a reason', async () => {
    await expect(
      engine.exportView(querySpecSchema.parse({ view: 'overview', filters: A, splitBy: 'device' }), join(dir, 'x.csv'), {
        format: 'csv',
        headers: 'en',
        preamble: true,
      }),
    ).rejects.toThrow(/split overview cannot carry the analytics preamble/);
  });

  it('weeks and months say which of their days the range holds: a week the range cuts holds fewer', async () => {
    const out = join(dir, 'weeks.csv');
    // 2026-09-01 is a Tuesday: its week starts on Monday 2026-08-31, and the range holds Sep 1-6 of it.
    const spec = querySpecSchema.parse({ view: 'overview', filters: A, granularity: 'week' });
    await engine.exportView(spec, out, { format: 'csv', headers: 'ids', preamble: false });
    const rows = readCsv(out);
    expect(rows[0]!.slice(0, 4)).toEqual(['date', 'first_day', 'last_day', 'split']);
    expect(rows[1]!.slice(0, 3)).toEqual(['2026-08-31', '2026-09-01', '2026-09-06']);
    expect(rows[2]!.slice(0, 3)).toEqual(['2026-09-07', '2026-09-07', '2026-09-13']);
    expect(rows.at(-1)!.slice(0, 3)).toEqual(['2026-09-28', '2026-09-28', '2026-09-30']);
    const en = join(dir, 'weeks-en.csv');
    await engine.exportView(spec, en, { format: 'csv', headers: 'en', preamble: false });
    expect(readCsv(en)[0]!.slice(0, 3)).toEqual(['Date', 'First day in range', 'Last day in range']);
  });
});
