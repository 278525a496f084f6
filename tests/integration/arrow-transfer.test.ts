/** Long top lists travel as Arrow IPC bytes and arrive as the same rows as JSON would have brought. */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryReviver, fromBase64, toBase64 } from '../../shared/binary-json';
import { isMetricId } from '../../shared/metrics';
import { querySpecSchema } from '../../shared/query';
import type { ApiResult } from '../../shared/api';
import type { TopResult } from '../../shared/results';
import { IN_MEMORY } from '../../electron/engine/db/workspace';
import { generateDemo } from '../../electron/engine/demo/generate-demo';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { startWebHost, type WebHost } from '../../electron/cli/web-host/web-host';
import { withRows } from '../../renderer/src/api/arrow-rows';

let engine: PinsightEngine;
let host: WebHost;
const spec = { view: 'top-pins' as const, filters: { from: '2025-11-01', to: '2026-10-31' }, limit: 2000 };

beforeAll(async () => {
  engine = await PinsightEngine.open(IN_MEMORY);
  await generateDemo(engine.workspace, 20_000, 2);
  host = await startWebHost(engine, { port: 0, rendererDir: '/nonexistent' });
});
afterAll(async () => {
  await host.close();
  engine.close();
});

describe('Arrow transfer', () => {
  it('base64 round trip of bytes', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
    for (let n = 0; n <= bytes.length; n++) expect(fromBase64(toBase64(bytes.subarray(0, n)))).toEqual(bytes.subarray(0, n));
    expect(toBase64(new TextEncoder().encode('Pinsight'))).toBe('UGluc2lnaHQ=');
  });

  it('the engine sends the rows as Arrow IPC, and they decode to the JSON rows', async () => {
    const json = (await engine.query(querySpecSchema.parse(spec))) as TopResult;
    const arrow = (await engine.query(querySpecSchema.parse({ ...spec, transfer: 'arrow' }))) as TopResult;
    expect(arrow.rows).toEqual([]);
    expect(arrow.rowsArrow).toBeInstanceOf(Uint8Array);
    expect(json.rows.length).toBeGreaterThan(50);
    const labelsPresent = (rows: TopResult['rows']) =>
      rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k, v]) => v !== null || isMetricId(k))));
    expect(withRows(arrow).rows).toEqual(labelsPresent(json.rows));
    expect(withRows(arrow).rows[0]!.avg_watch_time_s).toBeNull();
  });

  it('over HTTP the bytes travel in a base64 envelope', async () => {
    const body = await new Promise<string>((ok, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/query',
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Host: `127.0.0.1:${host.port}`, 'X-Pinsight-Token': host.token },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => ok(text));
        },
      );
      req.on('error', fail);
      req.end(JSON.stringify({ arg: { ...spec, transfer: 'arrow' } }));
    });
    expect(body).toContain('"$base64"');
    const res = JSON.parse(body, binaryReviver) as ApiResult<TopResult>;
    expect(res.ok).toBe(true);
    const json = (await engine.query(querySpecSchema.parse(spec))) as TopResult;
    if (res.ok)
      expect(withRows(res.value).rows.map((r) => [r.pin_id, r.impressions])).toEqual(json.rows.map((r) => [r.pin_id, r.impressions]));
  });
});
