/** The compare, legacy and export commands as a user types them. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliJson, runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir();
const ws = join(dir, 'w.duckdb');
const A = ['--from', '2026-09-01', '--to', '2026-09-30'];
const B = ['--compare-from', '2026-08-02', '--compare-to', '2026-08-31'];

beforeAll(() => {
  expect(runCli(['demo', '--workspace', ws, '--events', '15000']).code).toBe(0);
});

describe('pinsight compare and export', () => {
  it('query compare --json prints a, b and delta', () => {
    const r = cliJson<{
      a: { totals: Record<string, number> };
      b: { totals: Record<string, number> };
      delta: Record<string, { abs: number; pct: number }>;
    }>(['query', 'compare', '--workspace', ws, ...A, ...B]);
    expect(r.delta.impressions!.abs).toBe(r.a.totals.impressions! - r.b.totals.impressions!);
    expect(r.delta.impressions!.pct).toBeCloseTo((r.a.totals.impressions! - r.b.totals.impressions!) / r.b.totals.impressions!, 10);
    expect(runCli(['query', 'compare', '--workspace', ws, ...A]).stderr).toContain('needs range B');
    expect(
      runCli(['query', 'compare', '--workspace', ws, ...A, '--compare-from', '2026-08-31', '--compare-to', '2026-08-01']).stderr,
    ).toContain('must not end before it starts');
  });

  it('top lists in compare mode carry both ranges', () => {
    const r = cliJson<{
      rows: { compare: { rank_b: number | null; status: string; b: Record<string, number> } }[];
      compare: { gone: unknown[] };
    }>(['query', 'top-boards', '--workspace', ws, ...A, ...B, '--limit', '5']);
    expect(r.rows).toHaveLength(5);
    expect(r.rows[0]!.compare.status).toMatch(/new|both/);
    expect(typeof r.rows[0]!.compare.b.impressions).toBe('number');
    expect(Array.isArray(r.compare.gone)).toBe(true);
  });

  it('an export with --preamble and Swedish headers imports back into a new workspace with the same totals', () => {
    const out = join(dir, 'oversikt.csv');
    expect(
      runCli(['export', 'overview', '--workspace', ws, ...A, '--device', 'mobile', '--preamble', '--headers', 'sv', '--out', out]).code,
    ).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Enhet;Mobil');
    const fresh = join(dir, 'fresh.duckdb');
    expect(runCli(['import', out, '--workspace', fresh]).code).toBe(0);
    const original = cliJson<{ totals: Record<string, number> }>(['query', 'overview', '--workspace', ws, ...A, '--device', 'mobile']);
    const back = cliJson<{ totals: Record<string, number>; source: { kind: string } }>([
      'query',
      'overview',
      '--workspace',
      fresh,
      ...A,
      '--device',
      'mobile',
    ]);
    expect(back.source.kind).toBe('export');
    expect(back.totals.impressions).toBe(original.totals.impressions);
    expect(back.totals.total_audience).toBe(original.totals.total_audience);
  });

  it('export events writes Parquet; export refuses a preamble on Parquet and unknown headers', () => {
    const out = join(dir, 'events.parquet');
    const r = runCli(['export', 'events', '--workspace', ws, ...A, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Wrote [\d,]+ rows/);
    expect(existsSync(out)).toBe(true);
    expect(runCli(['export', 'overview', '--workspace', ws, '--preamble', '--out', join(dir, 'x.parquet')]).stderr).toContain(
      '--preamble goes with CSV',
    );
    expect(runCli(['export', 'overview', '--workspace', ws, '--headers', 'fr', '--out', join(dir, 'x.csv')]).stderr).toContain(
      '--headers: expected ids, en or sv',
    );
  });

  it('query legacy on a workspace without legacy exports says so', () => {
    const r = cliJson<{ source: { kind: string; reason: string; detail: string } }>(['query', 'legacy', '--workspace', ws]);
    expect(r.source).toEqual({ kind: 'none', reason: 'noLegacyData', detail: 'No legacy (pre-2019) exports in this workspace' });
  });

  it('import refuses a bad export context value with the option name', () => {
    const r = runCli(['import', join(dir, 'oversikt.csv'), '--workspace', join(dir, 'z.duckdb'), '--export-content-type', 'sponsored']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--export-content-type');
  });
});
