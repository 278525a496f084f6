/** Issue 12, cases 2 and 3: far dates never hang a query, and one out-of-range row never poisons a workspace. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { querySpecSchema } from '../../../shared/query';
import { describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../shared/api';
import { addDays, eachDay } from '../../../shared/dates';
import { IN_MEMORY } from '../../../electron/engine/db/workspace';
import { engineApi } from '../../../electron/engine/engine-api';
import { PinsightEngine } from '../../../electron/engine/pinsight-engine';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir();
const HEADER = 'event_time,event_type,pin_id,user_id';

describe('dates are bounded', () => {
  it('the day iteration refuses days it cannot order instead of looping', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(/outside the supported dates/);
    expect(() => eachDay('9999-12-31', '9999-12-31')).toThrow(/between 2000-01-01 and 2099-12-31/);
    expect(eachDay('2099-12-30', '2099-12-31')).toEqual(['2099-12-30', '2099-12-31']);
  });

  it('far-future and ancient filters are refused at the boundary, for every view', async () => {
    const engine = await PinsightEngine.open(IN_MEMORY);
    const api = engineApi(engine);
    for (const spec of [
      { view: 'overview', filters: { from: '9999-12-31', to: '9999-12-31' } },
      { view: 'legacy', filters: { from: '1999-12-31', to: '2000-01-05' } },
      { view: 'compare', filters: { from: '2026-01-01', to: '2026-01-05' }, compare: { from: '9999-01-01', to: '9999-12-31' } },
      { view: 'pin', pinId: 'p1', asOf: '9999-12-31T00:00:00Z' },
    ]) {
      const r = await dispatchCall(api, 'query', spec);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid-argument');
        expect(r.error.message).toMatch(/between 2000-01-01 and 2099-12-31/);
      }
    }
    const edge = await dispatchCall(api, 'query', { view: 'overview', filters: { from: '2099-12-01', to: '2099-12-31' } });
    expect(edge.ok).toBe(true);
    engine.close();
  });
});

describe('event times outside the plausible window are rejected with their line', () => {
  const rows = [
    '2026-01-01T10:00:00Z,impression,p1,u1',
    '10000-01-01T00:00:00Z,impression,p1,u2',
    '9999-12-31T00:00:00Z,impression,p1,u3',
    '0044-03-15T00:00:00 BC,impression,p1,u4',
    '2026-01-01T10:00:00+99:00,impression,p1,u5',
    '2026-01-01T10:00:00-15:30,impression,p1,u6',
    '2026-01-01T10:00:00+14:00,impression,p1,u7',
    '1990-05-01T00:00:00Z,impression,p1,u8',
    '2026-01-01T10:00:00+14:30,impression,p1,u9',
  ];

  for (const format of ['csv', 'ndjson'] as const) {
    it(`${format}: the bad rows are named, the good ones land, and the views still answer`, async () => {
      const file = join(dir, `times.${format}`);
      if (format === 'csv') writeFileSync(file, [HEADER, ...rows, ''].join('\n'));
      else {
        const lines = rows.map((r) => {
          const [event_time, event_type, pin_id, user_id] = r.split(',');
          return JSON.stringify({ event_time, event_type, pin_id, user_id });
        });
        writeFileSync(file, `${lines.join('\n')}\n`);
      }
      const engine = await PinsightEngine.open(IN_MEMORY);
      const s = await engine.importFiles([file]);
      const offset = format === 'csv' ? 1 : 0;
      expect(s.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 9, 10].map((l) => l - 1 + offset));
      expect(s.rejected[0]!.reason).toMatch(/outside the plausible time/);
      expect(s.rejected[3]!.reason).toMatch(/offset no place has/);
      expect(s.files[0]!.rows).toBe(2);
      const overview = await engine.query(querySpecSchema.parse({ view: 'overview' }));
      expect(overview.view).toBe('overview');
      engine.close();
    });
  }
});
