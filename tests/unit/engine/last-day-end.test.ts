/** A last day that ends early (events dumped mid-day) is said, in the workspace's time zone. */
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../electron/engine/db/workspace';
import { lastDayEnd, localTime } from '../../../electron/engine/query/last-day-end';

const workspace = (latest: string, timeZone = 'UTC') =>
  ({ getMeta: async () => latest, timeZone: async () => timeZone }) as unknown as Workspace;
const bounds = { firstDay: '2026-09-01', lastDay: '2026-10-31' };
const range = { from: '2026-10-02', to: '2026-10-31' };

describe('the last day of the data', () => {
  it('ends early when its latest event is an hour or more before midnight, said in local time', async () => {
    expect(await lastDayEnd(workspace('2026-10-31T19:58:07.000Z'), range, bounds)).toEqual({
      day: '2026-10-31',
      at: '2026-10-31T19:58:07.000Z',
      time: '19:58',
      timeZone: 'UTC',
    });
    // Stockholm is an hour ahead on Oct 31 (winter time from Oct 25).
    expect(await lastDayEnd(workspace('2026-10-31T19:58:07.000Z', 'Europe/Stockholm'), range, bounds)).toMatchObject({ time: '20:58' });
  });

  it('is whole from 23:00, outside the range, or when the latest event is not on that day', async () => {
    expect(await lastDayEnd(workspace('2026-10-31T23:00:00.000Z'), range, bounds)).toBeUndefined();
    expect(await lastDayEnd(workspace('2026-10-31T12:00:00.000Z'), { from: '2026-09-01', to: '2026-10-30' }, bounds)).toBeUndefined();
    // 23:30 UTC is already Nov 1 in Stockholm: the latest event lies past the cleaned data's last day.
    expect(await lastDayEnd(workspace('2026-10-31T23:30:00.000Z', 'Europe/Stockholm'), range, bounds)).toBeUndefined();
    expect(await lastDayEnd(workspace(''), range, bounds)).toBeUndefined();
    expect(await lastDayEnd(workspace('2026-10-31T12:00:00.000Z'), range, { firstDay: null, lastDay: null })).toBeUndefined();
  });

  it('reads wall-clock time in a zone, and nothing for a zone the runtime does not know', () => {
    expect(localTime(new Date('2026-03-29T01:30:00Z'), 'Europe/Stockholm')).toEqual({ day: '2026-03-29', time: '03:30' });
    expect(localTime(new Date('2026-03-29T01:30:00Z'), 'Not/AZone')).toBeNull();
  });
});
