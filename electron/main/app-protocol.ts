/**
 * The renderer is served from a custom scheme (app://pinsight/), not file://: a file:// page may read other
 * file:// URLs, and every local file shares its origin. The handler serves only files inside the built
 * renderer folder, with the Content-Security-Policy on every response.
 */
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Electron from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { STATIC_CONTENT_TYPES } from '../../shared/static-types';
import { staticFileFor } from '../engine/static-file';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://pinsight`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Must run before the app is ready: the scheme behaves like https (standard, secure, fetch allowed). */
export function registerAppScheme(protocol: Pick<typeof Electron.protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** The file inside `rendererDir` that an app:// URL names (a regular file), or null for anything else. */
export function rendererFileFor(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return null;
  return staticFileFor(rendererDir, parsed.pathname);
}

export function serveRenderer(
  protocol: Pick<typeof Electron.protocol, 'handle'>,
  net: Pick<typeof Electron.net, 'fetch'>,
  rendererDir: string,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(request.url, rendererDir);
    if (!file) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    if (!res.ok) return new Response('Not found', { status: 404 });
    return new Response(res.body, {
      status: 200,
      headers: {
        'Content-Type': STATIC_CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
