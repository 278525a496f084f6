/** Large row sets leave the engine as Arrow IPC bytes (column by column), not as JSON row objects. */
import { Float64, tableToIPC, Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { scalarText } from '../../../shared/scalar-text';

/** Rows of plain values into an Arrow IPC stream: numbers as Float64, everything else as text. */
export function rowsToArrowIpc(rows: Record<string, unknown>[], columns: readonly string[]): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const col of columns) {
    const values = rows.map((r) => r[col] ?? null);
    const numeric = values.every((v) => v === null || typeof v === 'number');
    vectors[col] = numeric
      ? vectorFromArray(values, new Float64())
      : vectorFromArray(
          values.map((v) => (v === null ? null : scalarText(v))),
          new Utf8(),
        );
  }
  return tableToIPC(new Table(vectors), 'stream');
}
