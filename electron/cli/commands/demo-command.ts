import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PinsightError } from '../../../shared/api';
import { Workspace } from '../../engine/db/workspace';
import { DEFAULT_DEMO_EVENTS, generateDemo } from '../../engine/demo/generate-demo';
import { DEMO_SEED } from '../../engine/demo/demo-recipe';
import { UsageError, WORKSPACE_OPTION } from '../common/cli-args';
import { workspacePath } from '../common/open-engine';
import type { Command } from './command';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'create a workspace filled with generated demo data',
  help: `Usage: pinsight demo [--workspace FILE] [--events N] [--seed N] [--force]

Generates a deterministic, Pinterest-like demo dataset (claimed accounts, boards, Pins, re-saves,
a year of events with duplicates and spam) into a new workspace.
  --workspace FILE  where to create it (default: the desktop app's demo workspace)
  --events N        number of distinct events (default ${DEFAULT_DEMO_EVENTS}); ~2% duplicates are added
  --seed N          generator seed (default ${DEMO_SEED})
  --force           replace an existing workspace at FILE`,
  async run(argv, out) {
    const { values } = parseArgs({
      args: argv,
      options: { ...WORKSPACE_OPTION, events: { type: 'string' }, seed: { type: 'string' }, force: { type: 'boolean' } },
      strict: true,
    });
    const events = Number(values.events ?? DEFAULT_DEMO_EVENTS);
    const seed = Number(values.seed ?? DEMO_SEED);
    if (!Number.isInteger(events) || events < 1) throw new UsageError(`--events: expected a positive whole number, got "${values.events}"`);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed: expected a whole number, got "${values.seed}"`);
    const path = workspacePath(values.workspace);
    if (existsSync(path)) {
      if (!values.force) throw new UsageError(`${path} exists already. Pass --force to replace it, or choose another --workspace.`);
      // Open first: this refuses files that are not Pinsight workspaces or are in use, before anything is deleted.
      (await Workspace.open(path, { create: false })).close();
      rmSync(path, { force: true });
      rmSync(`${path}.wal`, { force: true });
    }
    const started = Date.now();
    const ws = await Workspace.open(path);
    // Ctrl+C stops the statement that runs; the demo then fails like any other and leaves nothing behind.
    let interrupted = false;
    const stop = () => {
      interrupted = true;
      ws.conn.interrupt();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    let n: number | null;
    try {
      await generateDemo(ws, events, seed);
      n = await ws.value<number>('SELECT count(*) FROM events');
    } catch (e) {
      // The workspace is new (or was replaced with --force): a demo that did not finish leaves nothing behind.
      ws.close();
      for (const file of [path, `${path}.wal`, `${path}.tmp`]) rmSync(file, { force: true, recursive: true });
      throw interrupted ? new PinsightError('cancelled', `Interrupted: nothing was kept at ${path}`) : e;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
    ws.close();
    out.log(`Demo workspace ready: ${path}\n${n?.toLocaleString('en-US')} raw events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  },
};
