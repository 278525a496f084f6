/** Refused rows as a CSV the analyst saves: file, line, column, reason (text cells guarded against formulas). */
import { neutraliseCell } from '../../../shared/formula-guard';
import type { RejectedRow } from '../../../shared/results';

export function rejectedCsv(rows: RejectedRow[]): string {
  const cell = (v: string | number) => {
    const text = typeof v === 'number' ? String(v) : neutraliseCell(v);
    return /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return (
    ['file,line,column,reason', ...rows.map((r) => [r.file, r.line, r.column ?? '', r.reason].map(cell).join(','))].join('\r\n') + '\r\n'
  );
}

export function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
