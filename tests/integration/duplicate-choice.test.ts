/**
 * Which copy of a duplicated event counts: the earliest import's, and within one import the first in the order
 * of its values, so that the numbers never depend on the order of the rows in a file (the import writes rows in
 * parallel, in no particular order).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { querySpecSchema } from '../../shared/query';
import type { OverviewResult } from '../../shared/results';
import { IN_MEMORY } from '../../electron/engine/db/workspace';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir();
const HEADER = 'event_id,event_time,event_type,pin_id,user_id,app_type,content_type,watch_ms,progress_pct,in_view_pct';

function write(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const dims = [
  write('accounts.csv', ['account_id,type,value', 'me,profile,u_me']),
  write('pins.csv', [
    'pin_id,image_signature,destination_url,board_id,creator_id,created_at,pin_format,parent_pin_id,title',
    '101,img-1,https://example.com/1,b1,u_me,2026-01-01 10:00:00,video,,One',
  ]),
];

// e1 twice with different values (a save and an impression); e2 twice, differing in device only; an id-less
// event twice, differing in watch time.
const rows = [
  'e1,2026-03-01T10:00:00Z,save,101,u1,mobile,organic,,,',
  'e1,2026-03-01T10:00:00Z,impression,101,u1,mobile,organic,,,',
  'e2,2026-03-02T10:00:00Z,impression,101,u2,web,organic,,,',
  'e2,2026-03-02T10:00:00Z,impression,101,u2,mobile,organic,,,',
  ',2026-03-03T10:00:00Z,video_play,101,u3,web,organic,12000,50,80',
  ',2026-03-03T10:00:00Z,video_play,101,u3,web,organic,1000,50,80',
];

async function totals(engine: PinsightEngine, device: 'all' | 'mobile' | 'web' = 'all') {
  const spec = querySpecSchema.parse({ view: 'overview', filters: { from: '2026-03-01', to: '2026-03-31', device } });
  return ((await engine.query(spec)) as OverviewResult).totals;
}

async function importInto(files: string[][]): Promise<PinsightEngine> {
  const engine = await PinsightEngine.open(IN_MEMORY);
  for (const batch of files) await engine.importFiles(batch);
  return engine;
}

describe('the copy of a duplicated event that counts', () => {
  it('within one file: the first in the order of the values, whatever the order of the lines', async () => {
    const forward = await importInto([[...dims, write('forward.csv', [HEADER, ...rows])]]);
    const backward = await importInto([[...dims, write('backward.csv', [HEADER, ...[...rows].reverse()])]]);
    for (const engine of [forward, backward]) {
      const t = await totals(engine);
      // e1: impression comes before save in the order of event types; the id-less play: 1000 ms before 12000 ms.
      expect([t.impressions, t.saves, t.video_starts, t.ten_second_views, t.total_watch_time_min]).toEqual([2, 0, 1, 0, 1000 / 60000]);
      // e2: mobile comes before web.
      expect((await totals(engine, 'mobile')).impressions).toBe(2);
      expect((await totals(engine, 'web')).impressions).toBe(0);
    }
  });

  it('across imports: the earlier import keeps its copy, and the later one adds nothing', async () => {
    const first = write('first.csv', [HEADER, rows[0]!, rows[2]!, rows[4]!]);
    const later = write('later.csv', [HEADER, rows[1]!, rows[3]!, rows[5]!]);
    const engine = await importInto([dims, [first], [later]]);
    const t = await totals(engine);
    expect([t.impressions, t.saves, t.video_starts, t.ten_second_views]).toEqual([1, 1, 1, 1]);
    expect((await totals(engine, 'web')).impressions).toBe(1);
    const marked = await engine.workspace.all<{ n: number }>('SELECT count(*) AS n FROM events WHERE is_duplicate');
    expect(marked[0]!.n).toBe(3);
  });

  it('a later change of Pins re-derives everything and keeps the same choice', async () => {
    const engine = await importInto([[...dims, write('all.csv', [HEADER, ...rows])]]);
    const before = await totals(engine);
    await engine.importFiles([
      write('more-pins.csv', [
        'pin_id,image_signature,destination_url,board_id,creator_id,created_at,pin_format,parent_pin_id,title',
        '102,img-2,https://example.com/2,b1,u_me,2026-01-02 10:00:00,standard,,Two',
      ]),
    ]);
    expect(await totals(engine)).toEqual(before);
  });
});
