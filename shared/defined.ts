/** A value the code's own logic guarantees (an index inside its array, a key just set): checked, not assumed. */
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`Internal error: ${what} is missing`);
  return value;
}
