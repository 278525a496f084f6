/**
 * DuckDB values are converted here, at the engine boundary, into plain numbers, strings and ISO dates,
 * so nothing downstream meets a bigint or a DuckDB value class by surprise.
 */
import { DuckDBDateValue, DuckDBDecimalValue, DuckDBTimestampValue, DuckDBTimestampTZValue, type DuckDBValue } from '@duckdb/node-api';

export type PlainValue = number | string | boolean | null | PlainValue[];

export function toPlain(value: DuckDBValue): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  if (value instanceof DuckDBDateValue) return value.toString();
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue) {
    return new Date(Number(value.micros / 1000n)).toISOString();
  }
  if (typeof value === 'object' && 'items' in value && Array.isArray((value as { items: unknown }).items)) {
    return (value as { items: DuckDBValue[] }).items.map(toPlain);
  }
  return String(value);
}

export type PlainRow = Record<string, PlainValue>;

export function rowToPlain(row: Record<string, DuckDBValue>): PlainRow {
  const out: PlainRow = {};
  for (const [k, v] of Object.entries(row)) out[k] = toPlain(v);
  return out;
}

/** A number or null: what a metric value may be. */
export function numberOrNull(v: PlainValue | undefined): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** Quotes a string as a SQL literal. Only for places DuckDB cannot bind (file paths in COPY/read_*). */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}
