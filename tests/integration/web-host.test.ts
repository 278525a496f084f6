/** The HTTP host: the API contract over loopback, with its guards. */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { demoWebHost } from '../helpers/demo-web-host';
import { tempDir } from '../helpers/temp-dir';

const served = demoWebHost(tempDir());

function call(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: served.host.port,
        path,
        method: init.method ?? 'GET',
        headers: { 'X-Pinsight-Token': served.host.token, ...init.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', fail);
    req.end(init.body);
  });
}

const json = { 'Content-Type': 'application/json' };

describe('web host', () => {
  it('listens on 127.0.0.1 and serves the renderer with a CSP', async () => {
    expect(served.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{43}$/);
    const r = await call('/');
    expect(r.status).toBe(200);
    expect(String(r.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('answers API calls with data', async () => {
    const r = await call('/api/query', { method: 'POST', headers: json, body: JSON.stringify({ arg: { view: 'overview' } }) });
    const body = JSON.parse(r.body);
    expect(body.ok).toBe(true);
    expect(body.value.totals.impressions).toBeGreaterThan(0);
  });

  it('returns validation errors as data', async () => {
    const r = await call('/api/query', { method: 'POST', headers: json, body: JSON.stringify({ arg: { view: 'overview', limit: -1 } }) });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const bad = await call('/api/query', { method: 'POST', headers: json, body: '{not json' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('refuses other origins, other host names, non-JSON posts and path escapes', async () => {
    const body = JSON.stringify({ arg: undefined });
    expect((await call('/api/getWorkspace', { method: 'POST', headers: { ...json, Origin: 'https://evil.example' }, body })).status).toBe(
      403,
    );
    expect((await call('/api/getWorkspace', { method: 'POST', headers: { ...json, Host: 'evil.example' }, body })).status).toBe(421);
    expect((await call('/api/getWorkspace', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body })).status).toBe(415);
    expect((await call('/api/getWorkspace')).status).toBe(405);
    expect((await call('/..%2f..%2fetc%2fpasswd')).status).toBe(404);
  });
});
