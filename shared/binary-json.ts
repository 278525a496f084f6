/**
 * Bytes inside JSON: a Uint8Array travels as {"$base64": "..."} over HTTP. (Over Electron IPC bytes pass as they are.)
 * Pure code: shared/ may not use Buffer or btoa.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    const digit = (shift: number) => ALPHABET.charAt((n >> shift) & 63);
    out += digit(18) + digit(12) + (b === undefined ? '=' : digit(6)) + (c === undefined ? '=' : digit(0));
  }
  return out;
}

export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let j = 0;
  for (const ch of clean) {
    value = (value << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (value >> bits) & 255;
    }
  }
  return out;
}

export function binaryReplacer(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? { $base64: toBase64(value) } : value;
}

export function binaryReviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$base64' in value && typeof value.$base64 === 'string') {
    return fromBase64((value as { $base64: string }).$base64);
  }
  return value;
}
