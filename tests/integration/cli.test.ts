import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRIC_IDS } from '../../shared/metrics';
import { cliJson, runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir();
const ws = join(dir, 'cli.duckdb');

interface OverviewJson {
  totals: Record<string, number | null>;
  series: ({ date: string; split: string | null } & Record<string, number | null>)[];
}

beforeAll(() => {
  const r = runCli(['demo', '--workspace', ws, '--events', '20000']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});

describe('pinsight command', () => {
  it('demo then query overview --json prints non-zero totals and a daily series', () => {
    const out = cliJson<OverviewJson>(['query', 'overview', '--workspace', ws]);
    expect(Object.keys(out.totals).sort()).toEqual([...METRIC_IDS].sort());
    expect(out.totals.impressions).toBeGreaterThan(0);
    expect(out.totals.engagements).toBeGreaterThan(0);
    expect(out.series).toHaveLength(30);
    expect(out.series[0]).toMatchObject({ date: '2026-10-02', split: null });
    expect(out.series.at(-1)!.date).toBe('2026-10-31');
    expect(out.series.reduce((n, p) => n + (p.impressions ?? 0), 0)).toBe(out.totals.impressions);
  });

  it('splits by content type with the filter words', () => {
    const out = cliJson<OverviewJson>([
      'query',
      'overview',
      '--workspace',
      ws,
      '--split-by',
      'content-type',
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-07',
    ]);
    expect(out.series).toHaveLength(14);
    expect(new Set(out.series.map((p) => p.split))).toEqual(new Set(['organic', 'paid']));
    const paid = cliJson<OverviewJson>([
      'query',
      'overview',
      '--workspace',
      ws,
      '--content-type',
      'paid',
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-07',
    ]);
    expect(out.series.filter((p) => p.split === 'paid').reduce((n, p) => n + (p.impressions ?? 0), 0)).toBe(paid.totals.impressions);
  });

  it('prints a readable table without --json', () => {
    const r = runCli(['query', 'overview', '--workspace', ws]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Impressions\s+[\d,]+/);
    expect(r.stdout).toContain('2026-10-31');
  });

  it('top lists honour --sort-by and --limit', () => {
    const out = cliJson<{ rows: Record<string, number>[] }>(['query', 'top-pins', '--workspace', ws, '--sort-by', 'saves', '--limit', '7']);
    expect(out.rows).toHaveLength(7);
    const saves = out.rows.map((r) => r.saves!);
    expect([...saves].sort((a, b) => b - a)).toEqual(saves);
  });

  it('exports the view with its filters as CSV, the same numbers as the query', () => {
    const out = join(dir, 'overview.csv');
    const r = runCli(['export', 'overview', '--workspace', ws, '--device', 'web', '--out', out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split(/\r?\n/);
    const header = lines[0]!.split(',');
    expect(header.slice(0, 3)).toEqual(['date', 'split', 'impressions']);
    const q = cliJson<OverviewJson>(['query', 'overview', '--workspace', ws, '--device', 'web']);
    expect(lines).toHaveLength(q.series.length + 1);
    const firstRow = lines[1]!.split(',');
    expect(firstRow[0]).toBe(q.series[0]!.date);
    expect(Number(firstRow[2])).toBe(q.series[0]!.impressions);
    expect(existsSync(`${out}.partial-${process.pid}`)).toBe(false);
  });

  it('every command has --help', () => {
    for (const c of ['demo', 'import', 'query', 'export', 'serve']) {
      const r = runCli([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.stdout).toContain(`Usage: pinsight ${c}`);
    }
    expect(runCli(['--help']).stdout).toContain('Commands:');
  });

  it('bad arguments give a clear message and a non-zero exit', () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command "frobnicate"/],
      [['query', 'overview', '--workspace', ws, '--content-type', 'both'], /--content-type: Invalid option/i],
      [['query', 'overview', '--workspace', ws, '--from', '2026-02-30'], /--from: not a real calendar date/],
      [['query', 'overview', '--workspace', ws, '--from', '2026-03-02', '--to', '2026-03-01'], /--from must not be after --to/],
      [['query', 'overview', '--workspace', ws, '--limit', 'ten'], /--limit: expected a whole number/],
      [['query', 'sideways', '--workspace', ws], /Name one VIEW/],
      [['query', 'overview', '--workspace', ws, '--colour', 'red'], /Unknown option '--colour'/],
      [['query', 'overview', '--workspace', join(dir, 'nothing.duckdb')], /No workspace at/],
      [['export', 'overview', '--workspace', ws], /--out FILE.csv is required/],
      [['demo', '--workspace', ws], /exists already/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });
});
