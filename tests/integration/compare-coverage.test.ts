/** Issue 14: a comparison says which days of A and B have data, offers per-day averages, and moves rates in pp. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import { querySpecSchema } from '../../shared/query';
import type { CompareResult, TopResult } from '../../shared/results';
import { Workspace } from '../../electron/engine/db/workspace';
import { generateDemo } from '../../electron/engine/demo/generate-demo';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir();
const path = join(dir, 'w.duckdb');
let first = '';

beforeAll(async () => {
  const ws = await Workspace.open(path);
  await generateDemo(ws, 20_000);
  first = (await ws.getMeta('events_first_day'))!;
  ws.close();
});

describe('compare coverage', () => {
  it('B that starts before the data: covered days, not comparable, per-day averages over covered days', async () => {
    const engine = await PinsightEngine.open(path);
    const A = { from: addDays(first, 10), to: addDays(first, 39) };
    const B = { from: addDays(first, -20), to: addDays(first, 9) };
    const r = (await engine.query(querySpecSchema.parse({ view: 'compare', filters: A, compare: B }))) as CompareResult;
    expect(r.coverage.a).toEqual({ days: 30, covered: 30, from: A.from, to: A.to });
    expect(r.coverage.b).toEqual({ days: 30, covered: 10, from: first, to: B.to });
    expect(r.comparable).toBe(false);
    expect(r.equalLengths).toBe(true);
    expect(r.perDay.b.impressions).toBeCloseTo(r.b.totals.impressions! / 10, 9);
    expect(r.perDay.a.impressions).toBeCloseTo(r.a.totals.impressions! / 30, 9);
    expect(r.perDay.a.total_audience).toBeNull();
    expect(r.perDay.a.engagement_rate).toBe(r.a.totals.engagement_rate);
    expect(r.delta.engagement_rate.pp).toBeCloseTo((r.a.totals.engagement_rate! - r.b.totals.engagement_rate!) * 100, 9);
    expect(r.delta.impressions.pp).toBeUndefined();

    const top = (await engine.query(querySpecSchema.parse({ view: 'top-pins', filters: A, compare: B, limit: 5 }))) as TopResult;
    expect(top.comparison!.coverage.b).toEqual(r.coverage.b);
    // The top list's export says it too, and Parquet types its columns by what they hold, not by their values.
    const out = join(dir, 'top.parquet');
    await engine.exportView(querySpecSchema.parse({ view: 'top-pins', filters: A, compare: B, limit: 5 }), out, {
      format: 'parquet',
      headers: 'ids',
      preamble: false,
    });
    const types = await engine.workspace.all<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM read_parquet('${out}')`);
    const typeOf = (c: string) => types.find((t) => t.column_name === c)?.column_type;
    expect([typeOf('b_avg_watch_time_s'), typeOf('impressions'), typeOf('b_days_with_data'), typeOf('title')]).toEqual([
      'DOUBLE',
      'DOUBLE',
      'BIGINT',
      'VARCHAR',
    ]);
    expect(await engine.workspace.value(`SELECT max(b_days_with_data) FROM read_parquet('${out}')`)).toBe(10);
    engine.close();

    const cli = runCli([
      'query',
      'compare',
      '--workspace',
      path,
      '--from',
      A.from,
      '--to',
      A.to,
      '--compare-from',
      B.from,
      '--compare-to',
      B.to,
      '--json',
    ]);
    expect(cli.stderr).toBe('');
    const json = JSON.parse(cli.stdout) as {
      a: { coverage: unknown };
      b: { coverage: unknown };
      comparable: boolean;
      perDay: { b: { impressions: number } };
    };
    expect(json.b.coverage).toEqual(r.coverage.b);
    expect(json.comparable).toBe(false);
    expect(json.perDay.b.impressions).toBeCloseTo(r.perDay.b.impressions!, 9);
    const text = runCli([
      'query',
      'compare',
      '--workspace',
      path,
      '--from',
      A.from,
      '--to',
      A.to,
      '--compare-from',
      B.from,
      '--compare-to',
      B.to,
    ]);
    expect(text.stdout).toContain('(data for 10 of 30 days)');
    expect(text.stdout).toContain('Not comparable as totals');
  });

  it('unequal lengths are said, and compared per day', async () => {
    const engine = await PinsightEngine.open(path);
    const A = { from: addDays(first, 20), to: addDays(first, 49) };
    const B = { from: addDays(first, 5), to: addDays(first, 14) };
    const r = (await engine.query(querySpecSchema.parse({ view: 'compare', filters: A, compare: B }))) as CompareResult;
    expect(r.equalLengths).toBe(false);
    expect(r.comparable).toBe(true);
    expect(r.perDay.delta.impressions.abs).toBeCloseTo(r.a.totals.impressions! / 30 - r.b.totals.impressions! / 10, 9);
    engine.close();
  });

  it('a range wholly before the data says so in the top lists as in the overview, instead of claiming event data', async () => {
    const engine = await PinsightEngine.open(path);
    const before = { from: addDays(first, -60), to: addDays(first, -31) };
    for (const view of ['overview', 'top-pins', 'top-boards', 'top-video-pins'] as const) {
      const r = (await engine.query(querySpecSchema.parse({ view, filters: before }))) as TopResult;
      expect(r.provenance, view).toMatchObject({ kind: 'events', reason: 'noEventsInRange', from: before.from, to: before.to });
      expect(r.provenance.detail, view).toContain(`data covers ${first} to`);
    }
    const inside = (await engine.query(
      querySpecSchema.parse({ view: 'top-pins', filters: { from: first, to: addDays(first, 9) } }),
    )) as TopResult;
    expect(inside.provenance.reason).toBe('eventData');
    engine.close();
  });
});
