/** Counter metrics in JavaScript are, to the bit, what metric-sql's SQL gives in DuckDB (issue 16). */
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { metricSelect } from '../../../electron/engine/query/compile/metric-sql';
import { counterMetricValue, decimalToDouble, hugeintToDouble } from '../../../electron/engine/query/compile/metric-values';
import { COUNTER_METRICS, ROLLUP_COUNTERS, type RollupCounter } from '../../../shared/metrics';

/** Deterministic sums from 0 to ~4.5e15, a tenth of them zero (ratios with nothing to divide). */
function sums(count: number): Record<RollupCounter, number>[] {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const magnitudes = [10, 1e3, 1e6, 1e9, 1e12, 1e15, 4.5e15];
  return Array.from({ length: count }, () => {
    const mag = magnitudes[Math.floor(random() * magnitudes.length)] ?? 10;
    return Object.fromEntries(ROLLUP_COUNTERS.map((c) => [c, random() < 0.1 ? 0 : Math.floor(random() * mag)])) as Record<
      RollupCounter,
      number
    >;
  });
}

describe('counter metrics evaluated as DuckDB evaluates their SQL', () => {
  it('gives the bits of DuckDB for 3,000 sets of sums, watch times up to 4.5e15 ms included', async () => {
    const rows = sums(3000);
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    await conn.run(`CREATE TABLE t (id INTEGER, ${ROLLUP_COUNTERS.map((k) => `${k} BIGINT`).join(', ')})`);
    const values = rows.map((r, i) => `(${i}, ${ROLLUP_COUNTERS.map((k) => r[k]).join(', ')})`);
    for (let i = 0; i < values.length; i += 1000) await conn.run(`INSERT INTO t VALUES ${values.slice(i, i + 1000).join(', ')}`);
    // One row per group: sum() makes the HUGEINT the overview's statement works with.
    const result = await conn.runAndReadAll(`SELECT id, ${metricSelect(COUNTER_METRICS)} FROM t GROUP BY id ORDER BY id`);
    let differing = 0;
    let compared = 0;
    for (const [i, row] of result.getRowObjects().entries()) {
      for (const id of COUNTER_METRICS) {
        compared++;
        if (!Object.is(counterMetricValue(id, rows[i] ?? ({} as Record<RollupCounter, number>)), row[id])) differing++;
      }
    }
    expect(compared).toBe(3000 * COUNTER_METRICS.length);
    expect(differing).toBe(0);
    // A correctly rounded conversion would differ from DuckDB's on total watch time: the mirror is needed.
    const naive = result.getRowObjects().filter((row, i) => row.total_watch_time_min !== (rows[i]?.watch_ms ?? 0) / 60000).length;
    expect(naive).toBeGreaterThan(100);
    conn.closeSync();
    db.closeSync();
  });

  it('converts wide integers and DECIMALs as DuckDB does, not correctly rounded', () => {
    // 2^64 + 2^60 + 2049: DuckDB rounds the lower half alone (to 2^60 + 2048), then the sum is a tie that goes to
    // the even 2^64 + 2^60; rounded once, the value would be 2^64 + 2^60 + 4096.
    expect(hugeintToDouble((1n << 64n) + (1n << 60n) + 2049n)).toBe(2 ** 64 + 2 ** 60);
    expect(Number((1n << 64n) + (1n << 60n) + 2049n)).toBe(2 ** 64 + 2 ** 60 + 4096);
    expect(hugeintToDouble(-5n)).toBe(-5);
    expect(hugeintToDouble(-(1n << 70n))).toBe(-(2 ** 70));
    expect(decimalToDouble(123n, 3)).toBe(0.123);
    // Above 2^53 the integer part and the fraction are converted apart: 1,000,008 ms in minutes, as DuckDB
    // gives CAST(CAST(1000008 AS HUGEINT) * 0.000016666666666666667 AS DOUBLE), one bit above 1000008 / 60000.
    expect(decimalToDouble(16666666666666667n * 1000008n, 21)).toBe(16.666800000000002);
    expect(1000008 / 60000).toBe(16.6668);
    expect(decimalToDouble(-16666666666666667n * 1000008n, 21)).toBe(-16.666800000000002);
  });
});
