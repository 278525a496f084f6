/** Rows the readers themselves refuse keep their line numbers, and later rows keep theirs. */
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IN_MEMORY } from '../../electron/engine/db/workspace';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir();

describe('line numbers of rejected rows', () => {
  it('CSV: a line with missing fields, then a bad value further down', async () => {
    const file = join(dir, 'events.csv');
    writeFileSync(
      file,
      [
        'event_time,event_type,pin_id,user_id',
        '2026-01-01T10:00:00Z,impression,p1,u1',
        '2026-01-01T10:00:00Z,save,p1',
        '2026-01-01T11:00:00Z,closeup,p1,u2',
        '2026-01-01T12:00:00Z,impression,p1,u3,surplus',
        '2026-01-01T13:00:00Z,teleport,p1,u4',
        '2026-01-01T14:00:00+01:00,impression,p2,u5',
        '',
      ].join('\n'),
    );
    const engine = await PinsightEngine.open(IN_MEMORY);
    const s = await engine.importFiles([file]);
    expect(s.rejected.map((r) => [basename(r.file), r.line])).toEqual([
      ['events.csv', 3],
      ['events.csv', 5],
      ['events.csv', 6],
    ]);
    expect(s.rejected[2]!.reason).toContain('"teleport"');
    expect(s.files[0]!.rows).toBe(3);
    expect(await engine.workspace.value(`SELECT strftime(max(event_time), '%H:%M') FROM events`)).toBe('13:00');
    engine.close();
  });

  it('JSON Lines: a line that is not JSON, and one with a bad value', async () => {
    const file = join(dir, 'events.jsonl');
    writeFileSync(
      file,
      [
        '{"event_time": 1767261600000, "event_type": "impression", "pin_id": 7, "user_id": "u1"}',
        '{"event_time": "2026-01-01T10:00:00Z", "event_type": "save", "pin_id": 7, "user_id": "u1"',
        '{"EVENT_TIME": "2026-01-01T10:00:00Z", "Event_Type": "save", "Pin_Id": "7", "User_Id": "u2", "extra": {"x": 1}}',
        '{"event_time": "2026-01-01T10:00:00Z", "event_type": "save", "pin_id": 7, "user_id": "u3", "in_view_pct": "most"}',
      ].join('\n'),
    );
    const engine = await PinsightEngine.open(IN_MEMORY);
    const s = await engine.importFiles([file]);
    expect(s.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'not a JSON object'],
      [4, 'in_view_pct: not a number: "most"'],
    ]);
    expect(
      await engine.workspace.all(`SELECT pin_id, user_id, strftime(event_time, '%Y-%m-%dT%H:%M') AS t FROM events ORDER BY user_id`),
    ).toEqual([
      { pin_id: '7', user_id: 'u1', t: '2026-01-01T10:00' },
      { pin_id: '7', user_id: 'u2', t: '2026-01-01T10:00' },
    ]);
    engine.close();
  });
});
