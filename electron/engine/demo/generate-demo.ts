/** Fills a workspace with the demo dataset and derives it, as one transaction. */
import type { Workspace } from '../db/workspace';
import { rebuildDerived } from '../derive/rebuild-derived';
import { DEMO_SEED, demoStatements } from './demo-recipe';

export const DEFAULT_DEMO_EVENTS = 200_000;

export async function generateDemo(ws: Workspace, events = DEFAULT_DEMO_EVENTS, seed = DEMO_SEED): Promise<void> {
  const existing = await ws.value<number>('SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM pins)');
  if (existing) throw new Error(`${ws.path} already holds data; the demo goes into a new workspace`);
  await ws.transaction(async () => {
    for (const sql of demoStatements({ events, seed })) await ws.run(sql);
    await ws.run(`INSERT INTO import_log VALUES (0, 'demo', 'demo', $hash, (SELECT count(*) FROM events), 0, now()::TIMESTAMP, NULL)`, {
      hash: `demo:${seed}:${events}`,
    });
    await rebuildDerived(ws);
  });
  await ws.checkpoint();
}
