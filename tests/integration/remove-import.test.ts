/**
 * Issue 17, taking an import back out: import A, import B, remove B gives exactly the views of A alone, for
 * event dumps (B repeats rows of the other files, so duplicate marks must be judged again) and for Analytics
 * exports (B replaces some of A's days); the CLI lists the history and removes by id.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { querySpecSchema, type QuerySpecInput } from '../../shared/query';
import type { QueryResult } from '../../shared/results';
import { IN_MEMORY } from '../../electron/engine/db/workspace';
import { writeDemoExports, type DemoExportFiles } from '../../electron/engine/demo/demo-exports';
import { generateDemo } from '../../electron/engine/demo/generate-demo';
import { writeDemoDump, type DumpFiles } from '../../electron/engine/demo/write-demo-dump';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { cliJson, runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir();
const YEAR = { from: '2025-11-01', to: '2026-10-31' };
const SEPT = { from: '2026-09-01', to: '2026-09-30' };
let dump: DumpFiles;
let exportsSet: DemoExportFiles;

beforeAll(async () => {
  dump = await writeDemoDump(join(dir, 'dump'), 6000, 3);
  const source = await PinsightEngine.open(IN_MEMORY);
  await generateDemo(source.workspace, 20_000, 4);
  exportsSet = await writeDemoExports(source, dir, SEPT);
  source.close();
});

async function workspaceWith(name: string, ...paths: string[]) {
  const engine = await PinsightEngine.open(join(dir, `${name}.duckdb`));
  for (const p of paths) await engine.importFiles([p]);
  return engine;
}
const q = (e: PinsightEngine, spec: QuerySpecInput): Promise<QueryResult> => e.query(querySpecSchema.parse(spec));

/** What the analyst sees: overview, top Pins, top boards, the reconcile steps and the filter options. */
async function views(e: PinsightEngine, range: { from: string; to: string }) {
  return {
    overview: await q(e, { view: 'overview', filters: range }),
    paidMobile: await q(e, { view: 'overview', filters: { ...range, contentType: 'paid', device: 'mobile' }, splitBy: 'source' }),
    topPins: await q(e, { view: 'top-pins', filters: range, limit: 20 }),
    topBoards: await q(e, { view: 'top-boards', filters: range }),
    reconcile: await q(e, { view: 'reconcile', filters: range }),
    options: await e.filterOptions(),
  };
}

/** Users with events, for a spam file that changes the numbers. */
const world = async (e: PinsightEngine) =>
  (await e.workspace.all<{ user_id: string }>(`SELECT user_id FROM events GROUP BY user_id ORDER BY count(*) DESC LIMIT 100`)).map(
    (r) => r.user_id,
  );
const idOf = async (e: PinsightEngine, file: string) => (await e.importHistory()).find((h) => h.file === file)?.id ?? -1;

describe('taking an import back out', () => {
  it('events: A, B, remove B equals A alone, and B’s copies of later rows count again', async () => {
    const [pins, boards, accounts, spam, a, b, c] = dump.files as [string, string, string, string, string, string, string];
    const alone = await workspaceWith('alone', pins, boards, accounts, spam, a, c);
    const both = await workspaceWith('both', pins, boards, accounts, spam, a, b, c);
    const before = await views(both, YEAR);
    const removed = await both.removeImport(await idOf(both, b));
    expect(removed.removed.file).toBe(b);
    expect(removed.rows).toBeGreaterThan(0);
    expect(removed.message).toContain('Took out import');
    const after = await views(both, YEAR);
    expect(after).toEqual(await views(alone, YEAR));
    expect(after.overview).not.toEqual(before.overview);
    expect((await both.importHistory()).map((h) => h.file)).not.toContain(b);
    // The file can be imported again, and the numbers are back to both files'.
    await both.importFiles([b]);
    expect((await views(both, YEAR)).overview).toEqual(before.overview);
    alone.close();
    both.close();
  });

  it('events: removing the first of two overlapping files leaves the second whole', async () => {
    const [pins, boards, accounts, spam, a, b] = dump.files as [string, string, string, string, string, string];
    const onlyB = await workspaceWith('only-b', pins, boards, accounts, spam, b);
    const both = await workspaceWith('ab', pins, boards, accounts, spam, a, b);
    await both.removeImport(await idOf(both, a));
    expect(await views(both, YEAR)).toEqual(await views(onlyB, YEAR));
    onlyB.close();
    both.close();
  });

  it('exports: A, a corrected B for the same days, remove B equals A alone', async () => {
    const corrected = join(dir, 'corrected.csv');
    writeFileSync(corrected, readFileSync(exportsSet.overviewEn, 'utf8').replace(/^2026-09-05,\d+,/m, '2026-09-05,9999,'));
    const alone = await workspaceWith('export-alone', exportsSet.overviewEn, exportsSet.paid);
    const both = await workspaceWith('export-both', exportsSet.overviewEn, corrected, exportsSet.paid);
    const day5 = async (e: PinsightEngine) => {
      const r = await q(e, { view: 'overview', filters: SEPT });
      return r.view === 'overview' ? r.series.find((p) => p.date === '2026-09-05')?.impressions : undefined;
    };
    expect(await day5(both)).toBe(9999);
    await both.removeImport(await idOf(both, corrected));
    expect(await day5(both)).not.toBe(9999);
    expect(await views(both, SEPT)).toEqual(await views(alone, SEPT));
    alone.close();
    both.close();
  });

  it('Pins and spam users: a second file that changes Pins and adds spam, taken out, leaves A’s views', async () => {
    const [pins, boards, accounts, spam, a] = dump.files as [string, string, string, string, string];
    const alone = await workspaceWith('dims-alone', pins, boards, accounts, spam, a);
    const e = await workspaceWith('dims', pins, boards, accounts, spam, a);
    // B: the first 30 Pins become video Pins of another creator with new titles, plus a Pin no file had before.
    const lines = readFileSync(pins, 'utf8').trim().split('\n');
    const changed = lines.slice(1, 31).map((l) => {
      const cells = l.split(',');
      return [cells[0], cells[1], cells[2], cells[3], 'someone_else', cells[5], 'video', cells[7], '"Changed"'].join(',');
    });
    const pinsB = join(dir, 'pins-b.csv');
    writeFileSync(
      pinsB,
      [lines[0], ...changed, '9199999999,img-x,https://elsewhere.example/x,b1,u_nordickitchen,2026-01-01 00:00:00,standard,,"New"'].join(
        '\n',
      ),
    );
    const spamB = join(dir, 'spam-b.csv');
    const users = world(e);
    writeFileSync(spamB, `user_id\n${(await users).slice(0, 40).join('\n')}\n`);
    await e.importFiles([pinsB]);
    await e.importFiles([spamB]);
    expect(await views(e, YEAR)).not.toEqual(await views(alone, YEAR));
    await e.removeImport(await idOf(e, spamB));
    await e.removeImport(await idOf(e, pinsB));
    expect(await views(e, YEAR)).toEqual(await views(alone, YEAR));
    expect(await e.workspace.value<number>(`SELECT count(*) FROM pins WHERE pin_id = '9199999999'`)).toBe(0);
    // Taking out the original Pins file now: every Pin it brought leaves.
    await e.removeImport(await idOf(e, pins));
    expect(await e.workspace.value<number>(`SELECT count(*) FROM pins`)).toBe(0);
    await expect(e.removeImport(999)).rejects.toThrow(/No import 999/);
    alone.close();
    e.close();
  });

  it('the CLI: `pinsight imports` lists, `pinsight imports remove ID` takes out, and a new import gets a new id', () => {
    const workspace = join(dir, 'cli.duckdb');
    const [pins, boards, accounts, spam, a, b] = dump.files as [string, string, string, string, string, string];
    expect(runCli(['import', pins, boards, accounts, spam, a, b, '--workspace', workspace]).code).toBe(0);
    const history = cliJson<{ id: number; file: string }[]>(['imports', '--workspace', workspace]);
    expect(history.map((h) => h.file)).toEqual([pins, boards, accounts, spam, a, b]);
    const last = history.at(-1)?.id ?? 0;
    const text = runCli(['imports', 'remove', String(last), '--workspace', workspace]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Took out import ${last}`);
    expect(runCli(['imports', '--workspace', workspace]).stdout).not.toContain(b);
    expect(runCli(['import', b, '--workspace', workspace]).code).toBe(0);
    const again = cliJson<{ id: number; file: string }[]>(['imports', '--workspace', workspace]);
    expect(again.at(-1)).toMatchObject({ file: b });
    expect(again.at(-1)?.id).toBeGreaterThan(last);
    const bad = runCli(['imports', 'remove', 'x', '--workspace', workspace]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('Name one import id');
  });
});
