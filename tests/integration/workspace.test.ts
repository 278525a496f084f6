import { spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { type PinsightError } from '../../shared/api';
import { SCHEMA_VERSION } from '../../electron/engine/db/migrations';
import { Workspace } from '../../electron/engine/db/workspace';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir();

async function openError(path: string): Promise<PinsightError> {
  try {
    (await Workspace.open(path, { create: false })).close();
  } catch (e) {
    return e as PinsightError;
  }
  throw new Error('expected the open to fail');
}

describe('workspace file', () => {
  it('creates a new file at the current schema version', async () => {
    const ws = await Workspace.open(join(dir, 'new.duckdb'));
    expect(await ws.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(await ws.getMeta('time_zone')).toBe('UTC');
    ws.close();
  });

  it('migrates an older file on open, keeping its data', async () => {
    const path = join(dir, 'old.duckdb');
    const old = await Workspace.open(path, { targetVersion: 1 });
    expect(await old.schemaVersion()).toBe(1);
    await old.run(`INSERT INTO boards VALUES ('b1', 'Baking', 'u1')`);
    old.close();

    const ws = await Workspace.open(path);
    expect(await ws.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(await ws.getMeta('time_zone')).toBe('UTC');
    expect(await ws.value('SELECT name FROM boards')).toBe('Baking');
    expect(await ws.value(`SELECT count(*) FROM information_schema.tables WHERE table_name = 'import_rejects'`)).toBe(1);
    ws.close();
  });

  it('refuses a file from a newer Pinsight and leaves it untouched', async () => {
    const path = join(dir, 'future.duckdb');
    const ws = await Workspace.open(path);
    await ws.run(`INSERT INTO boards VALUES ('b1', 'Kept', 'u1')`);
    await ws.setMeta('schema_version', '99');
    await ws.checkpoint();
    ws.close();
    const size = statSync(path).size;

    const e = await openError(path);
    expect(e.code).toBe('workspace-too-new');
    expect(e.message).toContain('newer Pinsight');
    expect(e.message).toContain('99');
    expect(statSync(path).size).toBe(size);
    const raw = await (await DuckDBInstance.create(path)).connect();
    expect((await raw.runAndReadAll('SELECT name FROM boards')).getRows()).toEqual([['Kept']]);
    raw.closeSync();
  });

  it('says "in use" when another process has the workspace open', async () => {
    const path = join(dir, 'busy.duckdb');
    (await Workspace.open(path)).close();
    const holder = spawn(
      process.execPath,
      // The holder keeps its instance and connection referenced: an unreferenced instance is garbage
      // collected, which closes the database and releases the lock (that made this test flaky).
      [
        '-e',
        `import('@duckdb/node-api').then(async (d) => { globalThis.db = await d.DuckDBInstance.create(${JSON.stringify(path)}); globalThis.conn = await globalThis.db.connect(); console.log('held'); setInterval(() => globalThis.conn, 1000); })`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((ok) => holder.stdout.on('data', (d: Buffer) => d.toString().includes('held') && ok()));
      const e = await openError(path);
      expect(e.code).toBe('workspace-in-use');
      expect(e.message).toMatch(/is in use by .*process \d+/);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('refuses files that are not Pinsight workspaces', async () => {
    const other = join(dir, 'other.duckdb');
    const c = await (await DuckDBInstance.create(other)).connect();
    await c.run('CREATE TABLE sales (x INTEGER)');
    c.closeSync();
    expect((await openError(other)).message).toContain('not a Pinsight workspace');

    const text = join(dir, 'notes.duckdb');
    writeFileSync(text, 'hello, this is not a database\n'.repeat(200));
    const e = await openError(text);
    expect(e.message).toContain(text);
  });

  it('says when there is no workspace and create is off', async () => {
    const e = await openError(join(dir, 'missing.duckdb'));
    expect(e.code).toBe('workspace-missing');
  });

  it('rolls a failed transaction back completely', async () => {
    const ws = await Workspace.open(join(dir, 'tx.duckdb'));
    await expect(
      ws.transaction(async () => {
        await ws.run(`INSERT INTO boards VALUES ('b1', 'A', 'u')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await ws.value('SELECT count(*) FROM boards')).toBe(0);
    ws.close();
  });

  it("kept prepared reads see replaced tables, other connections' commits, and their own values when run at once", async () => {
    const ws = await Workspace.open(join(dir, 'prepared.duckdb'));
    const other = await ws.reader();
    await ws.run(`CREATE TABLE t AS SELECT range AS x FROM range(10)`);
    const sum = async (w: Workspace, min: number) => (await w.one<{ s: number }>(`SELECT sum(x) AS s FROM t WHERE x >= $min`, { min }))?.s;
    expect(await sum(other, 5)).toBe(35);
    // Replaced the way a derive swaps its tables, on the other connection.
    await ws.run(`CREATE TABLE t_next AS SELECT range * 10 AS x FROM range(10)`);
    await ws.run(`DROP TABLE t`);
    await ws.run(`ALTER TABLE t_next RENAME TO t`);
    expect(await sum(other, 5)).toBe(450);
    await ws.run(`INSERT INTO t VALUES (1000)`);
    expect(await sum(other, 5)).toBe(1450);
    // The same statement with other values at the same time: each gets its own answer.
    expect(await Promise.all([sum(other, 0), sum(other, 50), sum(other, 95)])).toEqual([1450, 1350, 1000]);
    // ... and a statement not kept yet, asked for several times at once (each call its own values).
    const count = async (min: number) => (await other.one<{ n: number }>(`SELECT count(*) AS n FROM t WHERE x >= $min`, { min }))?.n;
    for (let round = 0; round < 5; round++) {
      const first = count(0);
      const second = count(50);
      await first;
      expect(await Promise.all([second, count(95)])).toEqual([6, 1]);
    }
    other.close();
    ws.close();
  });
});
