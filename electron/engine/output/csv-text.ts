import { neutraliseCell } from '../../../shared/formula-guard';
import { scalarText } from '../../../shared/scalar-text';

/** CSV text for small, already-aggregated results (views). Large row sets go through DuckDB COPY instead. */

export function csvCell(v: unknown, guard = true): string {
  if (v === null || v === undefined) return '';
  // Text that a spreadsheet would run as a formula gets a guard apostrophe (shared/formula-guard.ts).
  const s =
    typeof v === 'number'
      ? Number.isInteger(v)
        ? String(v)
        : String(Number(v.toPrecision(12)))
      : guard
        ? neutraliseCell(scalarText(v))
        : scalarText(v);
  // Quoted when any reader could split it: a comma, a semicolon (what Excel splits on in Swedish), a tab, a
  // quote or a line break. Inside quotes a formula character further on is text, never a cell of its own.
  return /[",;\t\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** `guard` false: the text as it is (a staging file that DuckDB reads, not a file a spreadsheet opens). */
export function toCsv(header: string[], rows: unknown[][], guard = true): string {
  return [header, ...rows].map((r) => r.map((v) => csvCell(v, guard)).join(',')).join('\r\n') + '\r\n';
}
