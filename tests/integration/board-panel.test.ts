/** Issue 15, the board panel: a board's Pins (top Pins with boardId) add up to the board's row of Top boards. */
import { describe, expect, it } from 'vitest';
import { querySpecSchema, type QuerySpecInput } from '../../shared/query';
import type { TopResult } from '../../shared/results';
import { IN_MEMORY } from '../../electron/engine/db/workspace';
import { generateDemo } from '../../electron/engine/demo/generate-demo';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';

const top = async (e: PinsightEngine, spec: QuerySpecInput) => (await e.query(querySpecSchema.parse(spec))) as TopResult;

describe("a board's Pins", () => {
  it('are the Pins on that board only, and their counts add up to the board in Top boards', async () => {
    const engine = await PinsightEngine.open(IN_MEMORY);
    await generateDemo(engine.workspace, 20_000, 5);
    const filters = { device: 'mobile' as const };
    const boards = await top(engine, { view: 'top-boards', filters, limit: 3 });
    expect(boards.rows.length).toBe(3);
    for (const board of boards.rows) {
      const pins = await top(engine, { view: 'top-pins', filters, boardId: board.board_id ?? undefined, limit: 10_000 });
      expect(pins.rows.length).toBeGreaterThan(1);
      expect(new Set(pins.rows.map((r) => r.board_id))).toEqual(new Set([board.board_id]));
      for (const metric of ['impressions', 'saves', 'link_clicks', 'engagements'] as const) {
        expect(
          pins.rows.reduce((s, r) => s + (r[metric] ?? 0), 0),
          `${board.board_id} ${metric}`,
        ).toBe(board[metric]);
      }
    }
    const none = await top(engine, { view: 'top-pins', boardId: 'no-such-board' });
    expect(none.rows).toEqual([]);
    engine.close();
  });
});
