/** A web host on an in-memory demo workspace, with a stand-in renderer, for the tests of one file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { IN_MEMORY } from '../../electron/engine/db/workspace';
import { generateDemo } from '../../electron/engine/demo/generate-demo';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { startWebHost, type WebHost } from '../../electron/cli/web-host/web-host';

export interface DemoWebHost {
  host: WebHost;
  engine: PinsightEngine;
}

/** Starts before the file's tests and stops after them; read `host` and `engine` inside tests. */
export function demoWebHost(dir: string, events = 3000): DemoWebHost {
  const it = {} as DemoWebHost;
  const rendererDir = join(dir, 'renderer');
  beforeAll(async () => {
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Pinsight</title>');
    it.engine = await PinsightEngine.open(IN_MEMORY);
    await generateDemo(it.engine.workspace, events);
    it.host = await startWebHost(it.engine, { port: 0, rendererDir });
  });
  afterAll(async () => {
    await it.host.close();
    it.engine.close();
  });
  return it;
}
