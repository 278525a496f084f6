/**
 * The per-start secret of `pinsight serve`, as Jupyter and VS Code's server do: the printed URL carries it once,
 * the page trades it for an HttpOnly, SameSite=Strict cookie, and every other request must bring the cookie (or,
 * for scripts, the X-Pinsight-Token header). Another local process or user cannot guess it; another site's page
 * cannot send the cookie (SameSite) nor read it (HttpOnly).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-pinsight-token';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Cookies are shared by every port of a host: the name carries the port, so two servers never mix. */
export const cookieName = (port: number): string => `pinsight_token_${port}`;

export function sameToken(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** True when the request carries this server's token (cookie or header). */
export function isAuthorised(req: IncomingMessage, token: string, port: number): boolean {
  const header = req.headers[TOKEN_HEADER];
  return sameToken(cookieValue(req, cookieName(port)), token) || sameToken(typeof header === 'string' ? header : undefined, token);
}

export function tokenCookie(token: string, port: number): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

export const UNAUTHORISED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pinsight</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.5">
<h1>Open Pinsight from its address</h1>
<p>This workbench answers only the page opened from the address that <code>pinsight serve</code> printed when it
started (it ends in <code>?token=…</code>). Copy that address from the terminal into this browser.</p>
</body></html>`;
