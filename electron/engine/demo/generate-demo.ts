/** Fills a workspace with the demo dataset and derives it, as one transaction. */
import type { Workspace } from '../db/workspace';
import { rebuildDerived } from '../derive/rebuild-derived';
import { DEMO_SEED, demoStatements } from './demo-recipe';

export const DEFAULT_DEMO_EVENTS = 200_000;

/**
 * Above this many events the demo is not written in one transaction: DuckDB holds a transaction's new rows in
 * memory, and 100M of them do not fit in its memory limit (outside one, they spill to disk). A larger demo that
 * fails half-way leaves a half-filled new workspace, which `pinsight demo` deletes.
 */
export const ATOMIC_DEMO_EVENTS = 20_000_000;

export async function generateDemo(ws: Workspace, events = DEFAULT_DEMO_EVENTS, seed = DEMO_SEED): Promise<void> {
  const existing = await ws.value<number>('SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM pins)');
  if (existing) throw new Error(`${ws.path} already holds data; the demo goes into a new workspace`);
  const fill = async () => {
    for (const sql of demoStatements({ events, seed })) await ws.run(sql);
    await ws.run(`INSERT INTO import_log VALUES (0, 'demo', 'demo', $hash, (SELECT count(*) FROM events), 0, now()::TIMESTAMP, NULL)`, {
      hash: `demo:${seed}:${events}`,
    });
    await rebuildDerived(ws);
  };
  if (events <= ATOMIC_DEMO_EVENTS) await ws.transaction(fill);
  else await fill();
  await ws.checkpoint();
}
