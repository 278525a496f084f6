/**
 * CSV formula injection (OWASP): a spreadsheet runs a cell that starts with = + - @, a tab or a carriage return
 * as a formula. Every text cell Pinsight writes to CSV that starts so gets a leading apostrophe, which
 * spreadsheets show as text; numbers are never touched. Pinsight takes the apostrophe off again when it
 * re-imports its own export (an Analytics-style export or an events export), so the round trip is exact. The
 * cost: a value that really starts with an apostrophe and one of those characters loses the apostrophe.
 */
const RISKY = /^[=+\-@\t\r]/;
const GUARDED = /^'[=+\-@\t\r]/;

export function neutraliseCell(s: string): string {
  return RISKY.test(s) ? `'${s}` : s;
}

export function restoreCell(s: string): string {
  return GUARDED.test(s) ? s.slice(1) : s;
}

/** SQL over a VARCHAR column: the neutralised text (for DuckDB's COPY). */
export const neutraliseSql = (c: string): string => `CASE WHEN regexp_matches(${c}, '^[=+\\-@\\t\\r]') THEN '''' || ${c} ELSE ${c} END`;

/** SQL over a VARCHAR column: the text with a guard apostrophe taken off (for re-imports). */
export const restoreSql = (c: string): string =>
  `CASE WHEN starts_with(${c}, '''') AND regexp_matches(${c}, '^''[=+\\-@\\t\\r]') THEN substr(${c}, 2) ELSE ${c} END`;
