/** Issue 12, cases 1, 7 (prompt answers), 8 and 11 (HTTP): the served API answers only the page it served. */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { querySpecSchema } from '../../../shared/query';
import { describe, expect, it } from 'vitest';
import { demoWebHost } from '../../helpers/demo-web-host';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir();
const served = demoWebHost(dir);

interface Reply {
  status: number;
  body: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

function call(path: string, init: { method?: string; body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: served.host.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', fail);
    req.end(init.body);
  });
}

/** The answers these tests read: an export's or an import's summary, or a workspace. */
interface ApiReply {
  ok: boolean;
  value: { path: string; download: string; rows: number; files: { file: string }[] };
  error?: { code: string; message: string };
}

const auth = () => ({ 'X-Pinsight-Token': served.host.token });
const api = async (method: string, arg: unknown, headers: Record<string, string> = auth()) => {
  const r = await call(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ arg }),
  });
  return { status: r.status, json: r.status === 200 ? (JSON.parse(r.body.toString()) as ApiReply) : null };
};

describe('the token', () => {
  it('is refused when missing or wrong, on the API and uploads; downloads need their one-time address', async () => {
    expect((await api('getWorkspace', undefined, {})).status).toBe(401);
    expect((await api('getWorkspace', undefined, { 'X-Pinsight-Token': 'x'.repeat(43) })).status).toBe(401);
    expect((await api('exportView', { spec: { view: 'overview' }, out: join(dir, 'stolen.csv') }, {})).status).toBe(401);
    expect(existsSync(join(dir, 'stolen.csv'))).toBe(false);
    expect((await call('/upload?batch=abcd&name=a.csv', { method: 'POST', headers: { 'X-Pinsight-Upload': '1' }, body: 'x' })).status).toBe(
      401,
    );
    expect((await call(`/download/${'0'.repeat(32)}`)).status).toBe(404);
    // Not as a cookie or a query parameter: a cookie reaches every port of 127.0.0.1, and a query is logged.
    expect((await api('getWorkspace', undefined, { Cookie: `pinsight_token=${served.host.token}` })).status).toBe(401);
    expect(
      (
        await call(`/api/getWorkspace?token=${served.host.token}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(401);
  });

  it('travels in the fragment of the printed address (never sent to a server) and opens the API as a header', async () => {
    expect(new URL(served.host.url).hash).toBe(`#token=${served.host.token}`);
    expect(new URL(served.host.url).search).toBe('');
    // The built page holds no data: it loads without the token, then asks for it.
    expect((await call('/')).status).toBe(200);
    expect((await api('getWorkspace', undefined)).json?.ok).toBe(true);
  });
});

describe('exports over HTTP are downloads', () => {
  it('never write the path the request names; the file streams once from the server, then is gone', async () => {
    const target = join(dir, 'bashrc');
    writeFileSync(target, 'original\n');
    const r = await api('exportView', { spec: { view: 'top-pins', limit: 5 }, out: target });
    expect(r.json?.ok).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('original\n');
    const summary = r.json!.value;
    expect(summary.path).toBe('bashrc.csv');
    expect(summary.download).toMatch(/^\/download\/[0-9a-f]{32}$/);
    const file = await call(summary.download, { headers: auth() });
    expect(file.status).toBe(200);
    expect(String(file.headers['content-disposition'])).toContain('filename="bashrc.csv"');
    const lines = file.body
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines).toHaveLength(6);
    const top = await served.engine.query(querySpecSchema.parse({ view: 'top-pins', limit: 5 }));
    if (top.view !== 'top-pins') throw new Error('expected top Pins');
    const header = lines[0]!.split(',');
    expect(lines[1]!.split(',')[header.indexOf('impressions')]).toBe(String(top.rows[0]!.impressions));
    expect((await call(summary.download, { headers: auth() })).status).toBe(404);
    // Parallel requests for one download: one gets the file, the others 404, and the server keeps running.
    const again = await api('exportView', { spec: { view: 'top-pins', limit: 5 }, out: 'again.csv' });
    const replies = await Promise.all(Array.from({ length: 6 }, () => call(again.json!.value.download)));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 404)).toHaveLength(5);
    expect((await api('getWorkspace', undefined)).json?.ok).toBe(true);
    expect(readdirSync(join(served.host.filesRoot, 'exports'))).toEqual([]);
  });

  it('a name with the wrong extension is corrected to the chosen format', async () => {
    const r = await api('exportView', { spec: { view: 'overview' }, out: 'report.xlsx', format: 'parquet' });
    expect(r.json?.value.path).toBe('report.parquet');
    const file = await call(r.json!.value.download, { headers: auth() });
    expect(file.body.subarray(0, 4).toString('latin1')).toBe('PAR1');
  });
});

describe('uploads', () => {
  const upload = (batch: string, name: string, body: string, headers: Record<string, string> = {}) =>
    call(`/upload?batch=${batch}&name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { ...auth(), 'X-Pinsight-Upload': '1', ...headers },
      body,
    });

  it('land in a private folder, never follow a planted link, and are deleted after their import', async () => {
    expect(statSync(served.host.filesRoot).mode & 0o777).toBe(0o700);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me\n');
    mkdirSync(join(served.host.filesRoot, 'uploads', 'plant1'), { recursive: true });
    symlinkSync(victim, join(served.host.filesRoot, 'uploads', 'plant1', 'spam.csv'));
    const planted = await upload('plant1', 'spam.csv', 'user_id\nu1\n');
    expect(planted.status).toBe(409);
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');

    expect((await upload('batch2', '../../escape.csv', 'x')).status).toBe(400);
    const ok = await upload('batch2', 'spam.csv', 'user_id\nnobody-at-all\n');
    expect(ok.status).toBe(200);
    const staged = (JSON.parse(ok.body.toString()) as { path: string }).path;
    expect(staged.startsWith(join(served.host.filesRoot, 'uploads'))).toBe(true);
    expect(statSync(staged).mode & 0o777).toBe(0o600);
    const imported = await api('importFiles', { paths: [staged] });
    expect(imported.json?.ok).toBe(true);
    // The summary names the file as it was dropped, not its staging path.
    expect(imported.json?.value.files[0]!.file).toBe('spam.csv');
    expect(existsSync(staged)).toBe(false);
  });

  it('refuses an upload larger than the free disk space before writing', async () => {
    const r = await upload('batch3', 'huge.csv', 'x', { 'Content-Length': String(2 ** 52) });
    expect(r.status).toBe(413);
    expect(r.body.toString()).toMatch(/does not fit/);
  });
});

describe('workspaces over HTTP', () => {
  it('a workspace is an absolute .duckdb or .pinsight file: never authorized_keys, a relative path or memory', async () => {
    for (const path of [join(dir, 'authorized_keys'), 'relative.duckdb', ':memory:']) {
      const r = await api('openWorkspace', { path, create: true });
      expect(r.json, path).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(existsSync(join(dir, 'authorized_keys'))).toBe(false);
  });

  it('a new workspace goes only into a folder that exists: the API makes no folders', async () => {
    const nested = join(dir, 'no', 'such', 'folder', 'w.duckdb');
    const r = await api('openWorkspace', { path: nested, create: true });
    expect(r.json).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});

describe('staged uploads', () => {
  it('a path with .. into the uploads folder never removes the private folder', async () => {
    const r = await api('importFiles', { paths: [join(served.host.filesRoot, 'uploads', '..', 'nothing.csv')] });
    expect(r.json?.ok).toBe(false);
    expect(existsSync(join(served.host.filesRoot, 'uploads'))).toBe(true);
    expect(existsSync(join(served.host.filesRoot, 'exports'))).toBe(true);
  });
});

describe('malformed requests', () => {
  it('answer 413 for an oversized body and 400 for a malformed URL', async () => {
    const big = await call('/api/getWorkspace', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: Buffer.alloc(2 << 20, 32),
    });
    expect(big.status).toBe(413);
    expect((await call('/%E0%A4%A', { headers: auth() })).status).toBe(400);
  });
});
