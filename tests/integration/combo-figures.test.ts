/**
 * Issue 16: the overview's counters summed in memory from rollup_combo are, to the bit, the rows the figures
 * statement gives in DuckDB, for every filter combination, split, granularity and range; and a write is seen.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { DEFAULT_FILTERS, SPLITS, type Filters } from '../../shared/filters';
import { GRANULARITIES, querySpecSchema, type QuerySpec } from '../../shared/query';
import { COUNTER_METRICS } from '../../shared/metrics';
import { generateDemo } from '../../electron/engine/demo/generate-demo';
import { Workspace } from '../../electron/engine/db/workspace';
import type { PlainRow } from '../../electron/engine/db/duckdb-values';
import { compileOverview } from '../../electron/engine/query/compile/overview-sql';
import { comboFigureRows, holdComboRollup } from '../../electron/engine/query/combo-figures';
import { FILTER_CHOICES } from '../../electron/engine/query/audience-index';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';

const dir = tempDir();

/** Every combination of the dimension choices ('all' included): 3 x 4 x 3 x 4 = 144. */
const everyChoice = (): Filters[] => FILTER_CHOICES.map((choice) => ({ ...DEFAULT_FILTERS, ...choice }));

const overview = (filters: Partial<Filters>, extra: Partial<QuerySpec> = {}) =>
  querySpecSchema.parse({ view: 'overview', filters, skipAudience: true, ...extra });

const sorted = (rows: PlainRow[]) =>
  [...rows].sort((a, b) => `${String(a.date)}|${String(a.split)}`.localeCompare(`${String(b.date)}|${String(b.split)}`));

/** The statement's rows and the memory's rows, both sorted; the memory's null when it declined. */
async function both(ws: Workspace, spec: QuerySpec, range: { from: string; to: string }) {
  const statement = compileOverview(spec, range, true).figures;
  if (!statement) throw new Error('no figures statement');
  const sql = sorted(await ws.all(statement.sql, statement.params));
  const held = comboFigureRows(ws, spec, range);
  return { sql, held: held && sorted(held) };
}

describe('overview counters from the summed rollup in memory', () => {
  it('equal the statement, every value to the bit, over filter combinations, splits, granularities and ranges', async () => {
    const ws = await Workspace.open(join(dir, 'combo.duckdb'), { create: true });
    await generateDemo(ws, 40_000);
    // Watch times in the billions of milliseconds: the DECIMAL arithmetic of total watch time at full width.
    await ws.run(
      `UPDATE rollup_combo SET watch_ms = watch_ms * 7919 + 123456789 WHERE day BETWEEN DATE '2026-10-20' AND DATE '2026-10-25'`,
    );
    // Read in the background; until then the statement answers (null here).
    expect(comboFigureRows(ws, overview({}), { from: '2026-10-02', to: '2026-10-31' })).toBeNull();
    expect(await holdComboRollup(ws)).toBe(true);
    const ranges = [
      { from: '2026-10-02', to: '2026-10-31' },
      { from: '2025-06-01', to: '2026-12-31' },
      { from: '2026-10-31', to: '2026-10-31' },
      { from: '2020-01-01', to: '2020-02-01' },
    ];
    let compared = 0;
    let nonEmpty = 0;
    for (const filters of everyChoice()) {
      for (const range of ranges) {
        const { sql, held } = await both(ws, overview(filters), range);
        expect(held).toEqual(sql);
        // toEqual treats -0 and 0 alike, and NaN: compare every value as Object.is does.
        for (const [i, row] of sql.entries()) for (const id of COUNTER_METRICS) expect(Object.is(held?.[i]?.[id], row[id])).toBe(true);
        compared++;
        if (sql.length > 1) nonEmpty++;
      }
    }
    for (const splitBy of SPLITS) {
      for (const granularity of GRANULARITIES) {
        for (const filters of [{}, { device: 'mobile' }, { format: 'video', source: 'yours' }] as Partial<Filters>[]) {
          const { sql, held } = await both(ws, overview(filters, { splitBy, granularity }), ranges[1] ?? ranges[0]!);
          expect(held).toEqual(sql);
          compared++;
        }
      }
    }
    expect(compared).toBe(144 * 4 + SPLITS.length * GRANULARITIES.length * 3);
    expect(nonEmpty).toBeGreaterThan(300);
    // The long range has rows per day; the day outside the data has only the total, all zeros.
    const { held: outside } = await both(ws, overview({}), { from: '2020-01-01', to: '2020-02-01' });
    expect(outside).toEqual([
      {
        date: null,
        split: null,
        ...Object.fromEntries(COUNTER_METRICS.map((id) => [id, id === 'engagement_rate' || id === 'avg_watch_time_s' ? null : 0])),
      },
    ]);
    ws.close();
  });

  it('sees what a write changed, and gives way to the statement where sums would not be exact', async () => {
    const engine = await PinsightEngine.open(join(dir, 'combo-write.duckdb'), { create: true });
    await generateDemo(engine.workspace, 5_000);
    const ws = engine.workspace;
    const range = { from: '2026-10-02', to: '2026-10-31' };
    const spec = overview({ contentType: 'organic' });
    /** The memory's rows once it holds what the workspace holds now. */
    const heldRows = async (filters: Partial<Filters> = { contentType: 'organic' }) => {
      await holdComboRollup(ws);
      return comboFigureRows(ws, overview(filters), range);
    };
    const before = await heldRows();
    expect(before).not.toBeNull();
    const total = (rows: PlainRow[] | null) => rows?.find((r) => r.date === null)?.impressions;
    await ws.run(`UPDATE rollup_combo SET impressions = impressions + 1000 WHERE day = DATE '2026-10-31' AND content_type = 'organic'`);
    // Not held as of this write: the statement answers until it is read again.
    expect(comboFigureRows(ws, spec, range)).toBeNull();
    const rows = await ws.all(`SELECT count(*) AS n FROM rollup_combo WHERE day = DATE '2026-10-31' AND content_type = 'organic'`);
    const changed = Number(rows[0]?.n);
    expect(changed).toBeGreaterThan(0);
    expect(total(await heldRows())).toBe(Number(total(before)) + 1000 * changed);
    // The engine's overview shows the change too.
    const result = await engine.query(spec);
    expect(result.view === 'overview' && result.totals.impressions).toBe(Number(total(before)) + 1000 * changed);

    // A reader's snapshot (BEGIN ... ROLLBACK, as an audience index is built) writes nothing: the memory stays.
    const stamp = ws.writes.count;
    const reader = await ws.reader();
    await reader.run('BEGIN TRANSACTION');
    await reader.all('SELECT count(*) FROM events_clean');
    await reader.run('ROLLBACK');
    expect(ws.writes.count).toBe(stamp);
    reader.close();
    expect(comboFigureRows(ws, spec, range)).not.toBeNull();
    // A transaction that wrote sees its own rows, which the memory does not hold: the statement answers them;
    // rolled back, the memory is read again.
    const committed = total(await heldRows());
    await ws.run('BEGIN TRANSACTION');
    await ws.run(`UPDATE rollup_combo SET impressions = impressions + 7 WHERE day = DATE '2026-10-31' AND content_type = 'organic'`);
    expect(await heldRows()).toBeNull();
    const inside = await engine.query(spec);
    expect(inside.view === 'overview' && inside.totals.impressions).toBe(Number(committed) + 7 * changed);
    await ws.run('ROLLBACK');
    expect(total(await heldRows())).toBe(committed);

    // A sum beyond 2^53 would not be exact in a double: the statement answers (HUGEINT), the same as before.
    await ws.run(`UPDATE rollup_combo SET impressions = 4611686018427387904 WHERE day = DATE '2026-10-30' AND content_type = 'paid'`);
    expect(await holdComboRollup(ws)).toBe(false);
    expect(await heldRows({})).toBeNull();
    const big = await engine.query(overview({ contentType: 'paid' }));
    expect(big.view === 'overview' && big.totals.impressions).toBeGreaterThan(2 ** 62);
    await engine.shutdown();
  });
});
