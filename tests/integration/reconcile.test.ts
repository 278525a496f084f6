/**
 * Issue 19: the steps from raw records to the figures, checked against an independent count over the generated
 * world (duplicates across files and without ids, spam users, Pins of no claimed account, re-saves), for several
 * filter sets; the final counts equal the overview's; refused rows are counted with their files.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Filters } from '../../shared/filters';
import { RECONCILE_METRICS } from '../../shared/metrics';
import { querySpecSchema, type QuerySpecInput } from '../../shared/query';
import type { ImportSummary, OverviewResult, ReconcileCounts, ReconcileResult } from '../../shared/results';
import { writeDemoDump } from '../../electron/engine/demo/write-demo-dump';
import { writeDemoExports } from '../../electron/engine/demo/demo-exports';
import { generateDemo } from '../../electron/engine/demo/generate-demo';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { classify, metrics, readWorld, type RawEvent, type Step } from '../helpers/reference-metrics';
import { tempDir } from '../helpers/temp-dir';

const EVENTS = 9000;
const SEED = 5;
const dir = tempDir();
let engine: PinsightEngine;
let summary: ImportSummary;
let world: Awaited<ReturnType<typeof readWorld>>;
let accountId: string;

beforeAll(async () => {
  const dumpDir = join(dir, 'dump');
  await writeDemoDump(dumpDir, EVENTS, SEED);
  engine = await PinsightEngine.open(join(dir, 'w.duckdb'));
  summary = await engine.importFiles([dumpDir]);
  // The reference reads the raw rows as imported (the dump repeats events across files and without ids), in the
  // order of their imports, and applies the rules itself: never the derived tables or the duplicate marks.
  const raw = await readWorld(engine.workspace);
  const events = await engine.workspace.all<RawEvent>(
    `SELECT event_id, strftime(event_time, '%Y-%m-%dT%H:%M:%S.%gZ') AS event_time, CAST(event_type AS VARCHAR) AS event_type, pin_id, user_id,
            CAST(app_type AS VARCHAR) AS app_type, CAST(content_type AS VARCHAR) AS content_type, watch_ms, progress_pct, in_view_pct
     FROM events ORDER BY import_id`,
  );
  world = { ...raw, events };
  accountId = world.accounts[0]?.account_id ?? '';
});

const query = <T>(spec: QuerySpecInput) => engine.query(querySpecSchema.parse(spec)) as Promise<T>;
const query2 = <T>(e: PinsightEngine, spec: QuerySpecInput) => e.query(querySpecSchema.parse(spec)) as Promise<T>;

/** The independent count: each raw event of the range that matches the filters, in its step. */
function expected(f: Filters & { from: string; to: string }) {
  const pinFilter = f.source !== 'all' || f.format !== 'all';
  const rows = classify(world).filter(
    (r) =>
      r.day >= f.from &&
      r.day <= f.to &&
      (f.contentType === 'all' || r.e.content_type === f.contentType) &&
      (f.device === 'all' || r.e.app_type === f.device) &&
      (!pinFilter || r.source !== null) &&
      (f.source === 'all' || r.source === f.source) &&
      (f.format === 'all' || r.format === f.format) &&
      (!f.accounts.length || f.accounts.some((a) => r.accounts.has(a))),
  );
  const steps: Step[] = ['duplicates', 'spam', 'out_of_scope', 'final'];
  const counts = (pick: (events: typeof rows) => number): ReconcileCounts => {
    const by = Object.fromEntries(steps.map((s) => [s, pick(rows.filter((r) => r.step === s))])) as Record<Step, number>;
    return { raw: pick(rows), ...by };
  };
  const asClean = (events: typeof rows) =>
    events.map((r) => ({
      ...r.e,
      day: r.day,
      group: '',
      source: 'yours' as const,
      format: r.format ?? '',
      board_id: null,
      accounts: r.accounts,
    }));
  return {
    events: counts((events) => events.length),
    metrics: Object.fromEntries(RECONCILE_METRICS.map((id) => [id, counts((events) => metrics(asClean(events))[id] ?? 0)])),
  };
}

const ALL: Filters = { contentType: 'all', device: 'all', source: 'all', format: 'all', accounts: [] };
const CASES: [string, Partial<Filters> & { from: string; to: string }][] = [
  ['the whole year', { from: '2025-11-01', to: '2026-10-31' }],
  ['paid, part of the year', { from: '2026-03-01', to: '2026-06-30', contentType: 'paid' }],
  ['mobile, your Pins', { from: '2025-11-01', to: '2026-10-31', device: 'mobile', source: 'yours' }],
  ['video Pins', { from: '2025-11-01', to: '2026-10-31', format: 'video' }],
  ['other Pins on desktop', { from: '2025-11-01', to: '2026-10-31', source: 'others', device: 'web' }],
];

describe('how the numbers are counted', () => {
  for (const [name, partial] of CASES) {
    it(`each step equals the independent count, and the final the overview: ${name}`, async () => {
      const filters = { ...ALL, ...partial };
      const r = await query<ReconcileResult>({ view: 'reconcile', filters });
      const want = expected(filters);
      expect(r.source).toBe('events');
      expect({ raw: r.raw, duplicates: r.duplicates, spam: r.spam, out_of_scope: r.out_of_scope, final: r.final }).toEqual(want.events);
      expect(r.metrics).toEqual(want.metrics);
      expect(r.raw).toBe(r.duplicates + r.spam + r.out_of_scope + r.final);
      const overview = await query<OverviewResult>({ view: 'overview', filters });
      for (const id of RECONCILE_METRICS) expect(r.metrics[id]?.final).toBe(overview.totals[id]);
    });
  }

  it('every step happens in the generated dumps: duplicates (across files and without ids), spam, out of scope', async () => {
    const r = await query<ReconcileResult>({ view: 'reconcile', filters: { from: '2025-11-01', to: '2026-10-31' } });
    expect(r.duplicates).toBeGreaterThan(0);
    expect(r.spam).toBeGreaterThan(0);
    expect(r.out_of_scope).toBeGreaterThan(0);
    const steps = classify(world);
    const idless = steps.filter((r) => r.e.event_id === null);
    expect(idless.filter((r) => r.step === 'duplicates').length).toBeGreaterThan(0);
    // Duplicates across files: the same event id in two imports.
    const importsOf = new Map<string, number>();
    for (const e of world.events) if (e.event_id !== null) importsOf.set(e.event_id, (importsOf.get(e.event_id) ?? 0) + 1);
    expect([...importsOf.values()].some((n) => n > 1)).toBe(true);
    // Re-saves: Pins saved from another Pin, counted with its group.
    expect(world.pins.some((p) => p.parent_pin_id)).toBe(true);
  });

  it('with an account filter, only that account’s Pins: nothing is out of scope', async () => {
    const filters = { ...ALL, from: '2025-11-01', to: '2026-10-31', accounts: [accountId] };
    const r = await query<ReconcileResult>({ view: 'reconcile', filters });
    expect(r.out_of_scope).toBe(0);
    expect({ raw: r.raw, duplicates: r.duplicates, spam: r.spam, out_of_scope: r.out_of_scope, final: r.final }).toEqual(
      expected(filters).events,
    );
    const overview = await query<OverviewResult>({ view: 'overview', filters });
    expect(r.metrics.impressions?.final).toBe(overview.totals.impressions);
  });

  it('refused rows: counted with the files they came from, and listed', async () => {
    const r = await query<ReconcileResult>({ view: 'reconcile', filters: {} });
    const refused = summary.files.filter((f) => f.kind === 'events').reduce((n, f) => n + f.rejected, 0);
    expect(refused).toBeGreaterThan(0);
    expect(r.rejected).toBe(refused);
    expect(r.rejectedFiles.reduce((n, f) => n + f.rows, 0)).toBe(refused);
    expect(r.rejectedRows).toHaveLength(refused);
    expect(r.rejectedRows[0]).toMatchObject({ line: expect.any(Number), reason: expect.any(String) });
  });

  it('a Pin: the steps of its group only', async () => {
    const pinId = await engine.workspace.value<string>(
      `SELECT rep_pin_id FROM group_dim WHERE in_scope ORDER BY size DESC, rep_pin_id LIMIT 1`,
    );
    const filters = { from: '2025-11-01', to: '2026-10-31' };
    const whole = await query<ReconcileResult>({ view: 'reconcile', filters });
    const pin = await query<ReconcileResult>({ view: 'reconcile', filters, pinId: pinId ?? '' });
    expect(pin.pinId).toBe(pinId);
    expect(pin.raw).toBeGreaterThan(0);
    expect(pin.raw).toBeLessThan(whole.raw);
    expect(pin.out_of_scope).toBe(0);
  });

  it('figures from an Analytics export: the panel says so and names the file, with no steps', async () => {
    const source = await PinsightEngine.open(join(dir, 'source.duckdb'));
    await generateDemo(source.workspace, 5000, 8);
    const files = await writeDemoExports(source, join(dir), { from: '2026-09-01', to: '2026-09-30' });
    source.close();
    const e = await PinsightEngine.open(join(dir, 'exports-only.duckdb'));
    await e.importFiles([files.overviewEn]);
    const r = await query2<ReconcileResult>(e, { view: 'reconcile', filters: { from: '2026-09-01', to: '2026-09-30' } });
    expect(r.source).toBe('export');
    expect(r.provenance.detail).toContain('pinterest-overview-en.csv');
    expect(r.raw).toBe(0);
    expect(r.metrics).toEqual({});
    e.close();
  });
});
