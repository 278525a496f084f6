/** A short, printable excerpt of a value from a file, for messages: control characters as '?', at most `max` characters. */
export function excerpt(value: string, max = 60): string {
  const plain = value.replace(/[\x00-\x1f\x7f-\x9f]/g, '?');
  return plain.length > max ? `${plain.slice(0, max)}…` : plain;
}
