/** Plain-text tables for the terminal. */
import { scalarText } from '../../../shared/scalar-text';

export function formatNumber(v: unknown): string {
  if (v === null || v === undefined) return '–';
  if (typeof v !== 'number') return scalarText(v);
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return v.toLocaleString('en-US', { maximumFractionDigits: Math.abs(v) < 1 ? 4 : 2 });
}

export function textTable(header: string[], rows: unknown[][]): string {
  const cells = rows.map((r) => r.map(formatNumber));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.every((r) => typeof r[i] === 'number' || r[i] === null));
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
