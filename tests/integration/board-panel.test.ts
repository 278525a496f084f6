/** Issue 15, the board panel: a board's Pins (top Pins with boardId) add up to the board's row of Top boards. */
import { describe, expect, it } from 'vitest';
import { querySpecSchema, type QuerySpecInput } from '../../shared/query';
import type { TopResult } from '../../shared/results';
import { IN_MEMORY } from '../../electron/engine/db/workspace';
import { generateDemo } from '../../electron/engine/demo/generate-demo';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { join } from 'node:path';
import { cliJson } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';

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
    // A board there is no trace of is said to be unknown, not "no data for these filters".
    await expect(top(engine, { view: 'top-pins', boardId: 'no-such-board' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'No board no-such-board in this workspace',
    });
    // A known board with nothing under these filters is an empty list, as before.
    const board = boards.rows[0]?.board_id ?? '';
    const empty = await top(engine, { view: 'top-pins', boardId: board, filters: { from: '2020-01-01', to: '2020-01-31' } });
    expect(empty.rows).toEqual([]);
    engine.close();
  });

  it('the CLI lists the same Pins with --board', async () => {
    const path = join(tempDir(), 'board.duckdb');
    const engine = await PinsightEngine.open(path);
    await generateDemo(engine.workspace, 8_000, 6);
    const board = (await top(engine, { view: 'top-boards', limit: 1 })).rows[0]?.board_id ?? '';
    const pins = await top(engine, { view: 'top-pins', boardId: board, limit: 20 });
    engine.close();
    const cli = cliJson<TopResult>(['query', 'top-pins', '--workspace', path, '--board', board, '--limit', '20']);
    expect(cli.rows.map((r) => [r.pin_id, r.impressions])).toEqual(pins.rows.map((r) => [r.pin_id, r.impressions]));
    expect(cli.rows.length).toBeGreaterThan(1);
  });
});
