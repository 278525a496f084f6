/** Issue 12, case 7: SIGTERM ends `pinsight serve` promptly, cancelling a running import, and the workspace stays as it was. */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/engine/db/workspace';
import { BIN, runCli } from '../../helpers/run-cli';
import { startServe } from '../../helpers/serve-process';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir();

async function bigEventsFile(rows: number): Promise<string> {
  const path = join(dir, 'big.csv');
  const out = createWriteStream(path);
  out.write('event_time,event_type,pin_id,user_id\n');
  for (let i = 0; i < rows; i += 10_000) {
    let chunk = '';
    for (let k = i; k < Math.min(rows, i + 10_000); k++) chunk += `2026-10-0${1 + (k % 9)}T10:00:00Z,impression,p${k % 5000},u${k}\n`;
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return path;
}

describe('serve and signals', () => {
  it('SIGTERM during an import ends the server within seconds; the import did not happen', async () => {
    const ws = join(dir, 'w.duckdb');
    expect(runCli(['demo', '--workspace', ws, '--events', '2000']).code).toBe(0);
    const file = await bigEventsFile(3_000_000);
    const { process: child, url, token } = await startServe(BIN, ws);
    const started = await fetch(new URL('/api/startImport', url.origin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Pinsight-Token': token },
      body: JSON.stringify({ arg: { paths: [file] } }),
    }).then((r) => r.json() as Promise<{ ok: boolean; value: { state: string } }>);
    expect(started).toMatchObject({ ok: true, value: { state: 'running' } });
    await new Promise((r) => setTimeout(r, 700));
    const t0 = Date.now();
    const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
    child.kill('SIGTERM');
    await exited;
    expect(Date.now() - t0).toBeLessThan(6000);
    const after = await Workspace.open(ws, { create: false });
    expect(await after.value<number>(`SELECT count(*) FROM import_log WHERE file LIKE '%big.csv'`)).toBe(0);
    after.close();
  }, 120_000);
});
