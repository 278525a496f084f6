/**
 * The per-start secret of `pinsight serve`. The printed address carries it in its fragment (`#token=…`), which a
 * browser never sends to any server; the page keeps it in its tab's sessionStorage (its own origin: this host
 * and port only) and sends it as the X-Pinsight-Token header with every API call and upload. Another local
 * process or user cannot guess it, and another site's or port's page can neither read it nor make the browser
 * send it (a cookie would have been sent to every port of 127.0.0.1). The built page itself holds no data and is
 * served without it; downloads are one-time addresses that only an authorised call hands out.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-pinsight-token';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sameToken(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when the request carries this server's token in its header. */
export function isAuthorised(req: IncomingMessage, token: string): boolean {
  const header = req.headers[TOKEN_HEADER];
  return sameToken(typeof header === 'string' ? header : undefined, token);
}
