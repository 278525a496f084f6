/**
 * Counter metrics evaluated in JavaScript to the same bits as the SQL of metric-sql.ts gives in DuckDB, from
 * the counters' sums. DuckDB sums BIGINT counters into HUGEINT, multiplies by a formula's scale as the literal
 * it reads (an integer, or a DECIMAL such as 0.000016666666666666667), divides as DOUBLE, and casts to DOUBLE
 * last; its casts of wide integers and DECIMALs are not always correctly rounded, so they are mirrored here
 * step by step (DuckDB 1.5: Hugeint::TryCast, TryCastDecimalToFloatingPoint).
 */
import { METRICS, type MetricFormula, type MetricId, type RollupCounter } from '../../../../shared/metrics';

/** A value as DuckDB holds it while it evaluates a formula. */
type Exact = { kind: 'int'; v: bigint } | { kind: 'decimal'; v: bigint; scale: number } | { kind: 'double'; v: number } | null;

const TWO_64 = 1n << 64n;
const MASK_64 = TWO_64 - 1n;
const TWO_53 = 1n << 53n;

/** HUGEINT to DOUBLE as DuckDB casts it: the two 64-bit halves converted apart (lower + upper * 2^64). */
export function hugeintToDouble(v: bigint): number {
  const upper = v >> 64n;
  const lower = v & MASK_64;
  if (upper === -1n) return -Number(MASK_64 - lower) - 1;
  return Number(lower) + Number(upper) * 18446744073709551616;
}

/** DECIMAL (unscaled value, scale; 128-bit storage) to DOUBLE as DuckDB casts it. */
export function decimalToDouble(v: bigint, scale: number): number {
  const divisor = Number(`1e${scale}`);
  if (scale === 0 || (v <= TWO_53 && v >= -TWO_53)) return hugeintToDouble(v) / divisor;
  const power = 10n ** BigInt(scale);
  // BigInt division truncates toward zero and the remainder takes the dividend's sign, as in C++.
  return hugeintToDouble(v / power) + hugeintToDouble(v % power) / divisor;
}

const LITERALS = new Map<number, Exact>();

/** A scale as the SQL literal metric-sql writes (`${scale}`) and DuckDB types it (worked out once per scale). */
function literal(scale: number): Exact {
  let known = LITERALS.get(scale);
  if (known === undefined) LITERALS.set(scale, (known = typeOfLiteral(scale)));
  return known;
}

function typeOfLiteral(scale: number): Exact {
  const text = String(scale);
  if (/^-?\d+$/.test(text)) return { kind: 'int', v: BigInt(text) };
  const m = /^(-?)(\d*)\.(\d+)$/.exec(text);
  if (!m || m[3] === undefined || m[3].length > 38) return { kind: 'double', v: scale };
  return { kind: 'decimal', v: BigInt(`${m[1] ?? ''}${m[2] ?? ''}${m[3]}`), scale: m[3].length };
}

function toDouble(x: Exact): number | null {
  if (x === null) return null;
  if (x.kind === 'int') return hugeintToDouble(x.v);
  if (x.kind === 'decimal') return decimalToDouble(x.v, x.scale);
  return x.v;
}

function multiply(a: Exact, b: Exact): Exact {
  if (a === null || b === null) return null;
  if (a.kind === 'double' || b.kind === 'double') {
    const x = toDouble(a);
    const y = toDouble(b);
    return x === null || y === null ? null : { kind: 'double', v: x * y };
  }
  if (a.kind === 'int' && b.kind === 'int') return { kind: 'int', v: a.v * b.v };
  const scale = (a.kind === 'decimal' ? a.scale : 0) + (b.kind === 'decimal' ? b.scale : 0);
  return { kind: 'decimal', v: a.v * b.v, scale };
}

function evaluate(f: MetricFormula, sums: Readonly<Record<RollupCounter, number>>): Exact {
  switch (f.kind) {
    case 'sum':
      return { kind: 'int', v: BigInt(sums[f.counter]) };
    case 'sumOf':
      return { kind: 'int', v: f.counters.reduce((acc, c) => acc + BigInt(sums[c]), 0n) };
    case 'scaled':
      return multiply(evaluate(f.of, sums), literal(f.scale));
    case 'ratio': {
      const numerator = toDouble(multiply(evaluate(f.numerator, sums), literal(f.scale)));
      const denominator = toDouble(evaluate(f.denominator, sums));
      // nullif(denominator, 0): nothing to divide is null.
      return numerator === null || denominator === null || denominator === 0 ? null : { kind: 'double', v: numerator / denominator };
    }
    case 'distinctUsers':
      return null;
  }
}

/**
 * `CAST(<formula> AS DOUBLE)` of a counter metric from its counters' sums (integers below 2^53; a counter no row
 * had sums to 0, as `coalesce(sum(c), 0)` does).
 */
export function counterMetricValue(id: MetricId, sums: Readonly<Record<RollupCounter, number>>): number | null {
  return toDouble(evaluate(METRICS[id].formula, sums));
}
