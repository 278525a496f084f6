/** Top list rows that arrived as Arrow IPC bytes, back into row objects for the table. */
import { tableFromIPC } from 'apache-arrow';
import { isMetricId } from '../../../shared/metrics';
import type { TopResult, TopRow } from '../../../shared/results';

export function withRows(result: TopResult): TopResult {
  if (!result.rowsArrow) return result;
  const table = tableFromIPC(result.rowsArrow);
  const rows: TopRow[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (const field of table.schema.fields) {
      const v: unknown = table.getChild(field.name)?.get(i);
      // A metric stays null when the data cannot provide it; an empty label is simply absent.
      if (v !== null && v !== undefined) row[field.name] = v;
      else if (isMetricId(field.name)) row[field.name] = null;
    }
    rows.push(row);
  }
  return { ...result, rows, rowsArrow: undefined };
}
