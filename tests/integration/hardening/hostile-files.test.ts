/**
 * Issue 12, cases 5, 7 and 11: paths are literal, only regular files are read, and a hostile or broken file gets
 * a sentence with its name (and line) while the workspace stays exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { querySpecSchema } from '../../../shared/query';
import { IN_MEMORY } from '../../../electron/engine/db/workspace';
import { generateDemo } from '../../../electron/engine/demo/generate-demo';
import { PinsightEngine } from '../../../electron/engine/pinsight-engine';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir();
const HEADER = 'event_time,event_type,pin_id,user_id';
let engine: PinsightEngine;

async function overview(): Promise<unknown> {
  const r = await engine.query(querySpecSchema.parse({ view: 'overview' }));
  return r.view === 'overview' ? r.totals : r;
}

async function refused(path: string): Promise<string> {
  const before = await overview();
  const message = await engine.importFiles([path]).then(
    () => 'imported',
    (e: Error) => e.message,
  );
  expect(await overview()).toEqual(before);
  return message;
}

beforeAll(async () => {
  engine = await PinsightEngine.open(IN_MEMORY);
  await generateDemo(engine.workspace, 2000);
});
afterAll(() => engine.close());

describe('paths are taken literally', () => {
  it('glob characters name one file, never others', async () => {
    const sub = join(dir, 'globs');
    mkdirSync(sub);
    const row = (u: string) => `${HEADER}\n2026-10-01T10:00:00Z,impression,p-glob,${u}\n`;
    writeFileSync(join(sub, 'ev*.csv'), row('star'));
    writeFileSync(
      join(sub, 'evX.csv'),
      `${HEADER}\n2026-10-01T10:00:00Z,impression,p-glob,x1\n2026-10-01T10:00:00Z,impression,p-glob,x2\n`,
    );
    writeFileSync(join(sub, '[p]1.csv'), row('bracket'));
    writeFileSync(
      join(sub, 'p1.csv'),
      `${HEADER}\n2026-10-01T10:00:00Z,impression,p-glob,y1\n2026-10-01T10:00:00Z,impression,p-glob,y2\n2026-10-01T10:00:00Z,impression,p-glob,y3\n`,
    );
    const star = await engine.importFiles([join(sub, 'ev*.csv')]);
    expect(star.files.map((f) => [f.file, f.rows])).toEqual([[join(sub, 'ev*.csv'), 1]]);
    const bracket = await engine.importFiles([join(sub, '[p]1.csv')]);
    expect(bracket.files.map((f) => [f.file, f.rows])).toEqual([[join(sub, '[p]1.csv'), 1]]);
    expect(await engine.workspace.value(`SELECT string_agg(user_id, ',' ORDER BY user_id) FROM events WHERE pin_id = 'p-glob'`)).toBe(
      'bracket,star',
    );
  });
});

describe('only regular files', () => {
  it('a FIFO is refused at once instead of blocking', async () => {
    const fifo = join(dir, 'pipe.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(await refused(fifo)).toMatch(/pipe\.csv: not a regular file/);
  });

  it('a .csv link to /dev/zero is refused without reading it', async () => {
    const link = join(dir, 'zero.csv');
    symlinkSync('/dev/zero', link);
    expect(await refused(link)).toMatch(/zero\.csv: not a regular file/);
  });
});

describe('bad files get a sentence and change nothing', () => {
  const write = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('never echoes more than a short excerpt of an unrecognised first line', async () => {
    const secret = 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const message = await refused(write('config.csv', `${secret}\n`));
    expect(message).toMatch(/config\.csv: not a Pinsight import/);
    expect(message).not.toContain(secret.slice(0, 30));
  });

  it('binary, UTF-16 and gzip bombs are named as such', async () => {
    expect(await refused(write('random.csv', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))))).toMatch(
      /random\.csv: binary content/,
    );
    expect(
      await refused(
        write(
          'wide16.csv',
          Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n2026-10-01T10:00:00Z,save,p1,u1\n`, 'utf16le')]),
        ),
      ),
    ).toMatch(/wide16\.csv: UTF-16 text/);
    const bomb = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.alloc(64 << 20)]);
    expect(await refused(write('bomb.csv.gz', gzipSync(bomb)))).toMatch(/bomb\.csv\.gz: binary content/);
  });

  it('limits: columns, the header line, lines too long, nothing but empty lines', async () => {
    expect(await refused(write('cols.csv', `${Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',')}\n`))).toMatch(
      /cols\.csv, line 1: 5,000 columns; a Pinsight file has at most 1000/,
    );
    expect(await refused(write('head.csv', 'x'.repeat(100_000)))).toMatch(/head\.csv, line 1: the first line is longer than 64 KiB/);
    expect(await refused(write('empty-lines.csv', `${HEADER}\n${'\n'.repeat(200_000)}`))).toMatch(
      /empty-lines\.csv: no row could be read after the header/,
    );
    const long = await engine.importFiles([
      write('long.csv', `${HEADER}\n2026-10-01T10:00:00Z,save,p1,${'u'.repeat(3_000_000)}\n2026-10-01T11:00:00Z,save,p1,u2\n`),
    ]);
    expect(long.rejected.map((r) => r.line)).toEqual([2]);
    expect(long.rejected[0]!.reason).toMatch(/line size/i);
    expect(long.rejected[0]!.reason.length).toBeLessThan(300);
  });

  it('a duplicate header is a sentence, not a Binder Error', async () => {
    const message = await refused(write('dup.csv', `${HEADER},user_id\n2026-10-01T10:00:00Z,save,p1,u1,u2\n`));
    expect(message).toBe('dup.csv: the column "user_id" appears twice in the header');
  });

  it('mixed CRLF and LF line endings are accepted, with the right line numbers', async () => {
    const s = await engine.importFiles([
      write(
        'mixed.csv',
        `${HEADER}\r\n2026-10-02T10:00:00Z,save,p-mixed,u1\n2026-10-02T10:00:00Z,save,p-mixed\r\n2026-10-02T11:00:00Z,save,p-mixed,u3\n`,
      ),
    ]);
    expect(s.files[0]!.rows).toBe(2);
    expect(s.rejected.map((r) => r.line)).toEqual([3]);
    expect(await engine.workspace.value(`SELECT string_agg(user_id, ',' ORDER BY user_id) FROM events WHERE pin_id = 'p-mixed'`)).toBe(
      'u1,u3',
    );
  });
});
