/** A cell value as text: scalars as JavaScript writes them, dates as ISO times, anything else as JSON. */
export function scalarText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v) ?? '';
}
